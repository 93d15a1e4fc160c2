using static Evident.Core.Demo.Northfield;

namespace Evident.Core.Demo;

/// <summary>What came of one need to contact the organisation: every call, chat or email it took.</summary>
internal sealed class ContactChain(string channel, string reason, bool afterChange)
{
    public string Channel { get; } = channel;
    public string Reason { get; } = reason;
    public bool AfterChange { get; } = afterChange;
    public List<InteractionRow> Contacts { get; } = [];
    public bool Resolved { get; set; }
    public bool CallbackMissed { get; set; }
    public int CutOffs { get; set; }

    public InteractionRow Last => Contacts[^1];
    public DateTime End => Last.Ended ?? Last.At;
    public int Attempts => Contacts.Count;

    public int MaxMenuSteps
    {
        get
        {
            int max = 0;
            foreach (var c in Contacts)
            {
                max = Math.Max(max, c.MenuSteps ?? 0);
            }

            return max;
        }
    }

    public int MaxTransfers
    {
        get
        {
            int max = 0;
            foreach (var c in Contacts)
            {
                max = Math.Max(max, c.Transfers ?? 0);
            }

            return max;
        }
    }

    public int Abandoned
    {
        get
        {
            int n = 0;
            foreach (var c in Contacts)
            {
                n += c.Outcome == Northfield.Abandoned ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The longest time one contact spent waiting and on hold, in minutes.</summary>
    public double LongestWaitMinutes
    {
        get
        {
            double max = 0;
            foreach (var c in Contacts)
            {
                max = Math.Max(max, ((c.WaitSeconds ?? 0) + (c.HoldSeconds ?? 0)) / 60.0);
            }

            return max;
        }
    }

    /// <summary>Hours from the first contact to the first answer of the last, for email.</summary>
    public double ReplyHours => Last.FirstResponse is DateTime first ? (first - Last.At).TotalHours : 0;

    /// <summary>How much the contact cost the patient: menus, waits, transfers, failed calls, broken promises.</summary>
    public double Pain =>
        (MaxMenuSteps >= 4 ? 0.4 : 0)
        + Math.Min(2.0, LongestWaitMinutes / 14)
        + (0.35 * Math.Min(3, MaxTransfers))
        + (0.5 * Math.Min(2, Abandoned))
        + (CallbackMissed ? 1.0 : 0)
        + (Resolved ? 0 : 1.0)
        + (Channel == Email && ReplyHours > 30 ? 0.8 : 0);
}

/// <summary>
/// The call centre, the nurses' line, billing and the online front desk answering patients by phone, chat and
/// email. From <see cref="DemoTimeline.PhoneMenuLive"/> every call goes through a longer automated menu to the call
/// centre first, which then transfers it; the queue grows and callbacks are kept late in the evening, or not at all.
/// </summary>
internal sealed class ContactCentre
{
    private readonly DemoRecords _records;
    private readonly DemoRandom _random;
    private readonly Dictionary<string, string[]> _agents;

    public ContactCentre(DemoRecords records, DemoRandom random, double scale)
    {
        _records = records;
        _random = random;
        _agents = new()
        {
            [CallCentre] = Roster("cc", 5, scale),
            [NursesLine] = Roster("nl", 2, scale),
            [Billing] = Roster("bl", 2, scale),
            [FrontDesk] = Roster("fd", 3, scale),
        };
    }

    private static string[] Roster(string prefix, int size, double scale)
    {
        int n = Math.Max(2, (int)Math.Round(size * scale));
        var roster = new string[n];
        for (int i = 0; i < n; i++)
        {
            roster[i] = $"{prefix}-{i + 1:D2}";
        }

        return roster;
    }

    /// <summary>Every contact one need takes, from the first try until it is resolved or the patient gives up.</summary>
    public ContactChain Contact(Patient patient, string reason, DateTime at)
    {
        string channel = patient.ChooseChannel(reason, _random);
        var chain = new ContactChain(channel, reason, Hours.IsAfterChange(at));
        var t = at;
        for (int attempt = 0; attempt < 6 && t < Hours.To; attempt++)
        {
            var contact = channel switch
            {
                Phone => Call(patient, reason, t),
                Chat => ChatWith(patient, reason, t),
                _ => EmailFrom(patient, reason, t),
            };
            chain.Contacts.Add(contact);
            if (contact.Outcome == Resolved)
            {
                chain.Resolved = true;
                break;
            }

            var end = contact.Ended ?? contact.At;
            if (contact.Outcome == Callback)
            {
                if (_random.Chance(Hours.IsAfterChange(end) ? 0.45 : 0.92))
                {
                    var back = CallBack(patient, reason, end);
                    chain.Contacts.Add(back);
                    if (back.Outcome == Resolved)
                    {
                        chain.Resolved = true;
                        break;
                    }
                }
                else
                {
                    chain.CallbackMissed = true;
                }

                // Not sorted by a call back, or nobody rang: most patients try again a few days later.
                if (!_random.Chance(0.85))
                {
                    break;
                }

                t = end.AddDays(_random.Between(1.5, 6.0));
                continue;
            }

            if (contact.MenuSteps is >= 4 && contact.FirstResponse is null && contact.WaitSeconds < 90)
            {
                chain.CutOffs++;
            }

            // Gave up in the queue or was cut off: most ring again the same day or the next.
            if (!_random.Chance(attempt < 2 ? 0.8 : 0.55))
            {
                break;
            }

            t = end.AddMinutes(_random.Chance(0.5) ? _random.Between(5.0, 120.0) : _random.Between(600.0, 2880.0));
        }

        return chain;
    }

    private InteractionRow Call(Patient patient, string reason, DateTime at)
    {
        bool after = Hours.IsAfterChange(at);
        // The call centre took calls until 20:00 once the new menu had filled its queue.
        double close = after ? 20 : 18;
        var started = Hours.IsOpen(at, close) ? Hours.Second(at) : Hours.DuringOpening(Hours.NextOpeningDay(at), _random, close);
        int menu = after ? 4 + _random.Weighted([0.25, 0.35, 0.25, 0.15]) : 1 + _random.Weighted([0.65, 0.35]);
        int menuSeconds = menu * _random.Between(12, 28);
        string team = after ? CallCentre : TeamFor(reason);

        // The new menu hangs up on some callers before they reach the queue.
        if (after && _random.Chance(0.05))
        {
            return Add(patient, reason, started, Phone, team, menu, wait: _random.Between(5, 60), first: null,
                ended: started.AddSeconds(menuSeconds + 20), hold: null, transfers: 0, agent: null, Abandoned);
        }

        double peak = started.Hour < 10 || started.DayOfWeek == DayOfWeek.Monday ? 1.3 : 1.0;
        int wait = (int)(peak * (after ? _random.LogNormal(330, 0.7) : _random.LogNormal(120, 0.6)));
        double giveUp = 0.02 + (0.4 * (1 - Math.Exp(-wait / 900.0))) + (after ? 0.02 : 0);
        if (_random.Chance(giveUp))
        {
            return Add(patient, reason, started, Phone, team, menu, wait, first: null,
                ended: started.AddSeconds(menuSeconds + wait), hold: null, transfers: 0, agent: null, Abandoned);
        }

        int transfers = !after ? _random.Weighted([0.82, 0.15, 0.03])
            : team == TeamFor(reason) || reason is Booking or Reschedule ? _random.Weighted([0.55, 0.3, 0.12, 0.03])
            : 1 + _random.Weighted([0.55, 0.3, 0.15]);
        int? hold = _random.Chance(after ? 0.6 : 0.35) ? (int)(after ? _random.LogNormal(150, 0.7) : _random.LogNormal(60, 0.6)) : null;
        var first = started.AddSeconds(menuSeconds + wait);
        int talk = (int)_random.LogNormal(210, 0.45) + (hold ?? 0) + (transfers * _random.Between(30, 90));
        string agent = _random.Pick(_agents[team]);
        string outcome = Resolved;
        if (after && transfers >= 2 && _random.Chance(0.12))
        {
            outcome = Abandoned; // dropped between transfers
        }
        else if (_random.Chance(after ? 0.07 + (transfers >= 2 ? 0.1 : 0) : 0.04))
        {
            outcome = Callback;
        }

        return Add(patient, reason, started, Phone, team, menu, wait, first, first.AddSeconds(talk), hold, transfers, agent, outcome);
    }

    /// <summary>The call back the organisation promised: outside the queue, and after the change often in the evening.</summary>
    private InteractionRow CallBack(Patient patient, string reason, DateTime promisedAt)
    {
        bool after = Hours.IsAfterChange(promisedAt);
        var day = promisedAt.AddHours(after ? _random.Between(3.0, 72.0) : _random.Between(1.0, 24.0));
        var started = _random.Chance(after ? 0.45 : 0.04) ? Hours.Between(day, 18, 20.5, _random) : Hours.DuringOpening(day, _random);
        if (started < promisedAt)
        {
            started = promisedAt.AddHours(1);
        }

        string team = after ? CallCentre : TeamFor(reason);
        int talk = (int)_random.LogNormal(240, 0.5);
        return Add(patient, reason, started, Phone, team, menu: 0, wait: 0, started, started.AddSeconds(talk), hold: null, transfers: 0,
            _random.Pick(_agents[team]), _random.Chance(0.88) ? Resolved : Callback);
    }

    private InteractionRow ChatWith(Patient patient, string reason, DateTime at)
    {
        var started = Hours.Between(at, 7, 22, _random);
        string team = reason is Booking or Reschedule ? FrontDesk : TeamFor(reason);
        int wait = (int)_random.LogNormal(45, 0.7);
        if (_random.Chance(0.04))
        {
            return Add(patient, reason, started, Chat, team, menu: 1, wait, first: null, started.AddSeconds(wait), hold: null, transfers: 0, agent: null, Abandoned);
        }

        var first = started.AddSeconds(wait);
        int talk = (int)_random.LogNormal(420, 0.5);
        return Add(patient, reason, started, Chat, team, menu: 1, wait, first, first.AddSeconds(talk), hold: null, _random.Weighted([0.9, 0.1]),
            _random.Pick(_agents[team]), _random.Chance(0.03) ? Callback : Resolved);
    }

    private InteractionRow EmailFrom(Patient patient, string reason, DateTime at)
    {
        var started = Hours.Between(at, 6, 23.5, _random);
        string team = reason is Booking or Reschedule ? FrontDesk : TeamFor(reason);
        var first = Hours.Second(Hours.NextOfficeMoment(started.AddHours(_random.LogNormal(5, 0.9))));
        return Add(patient, reason, started, Email, team, menu: null, wait: null, first, first.AddMinutes(_random.Between(2.0, 12.0)), hold: null,
            _random.Weighted([0.85, 0.15]), _random.Pick(_agents[team]), _random.Chance(0.05) ? Callback : Resolved);
    }

    private InteractionRow Add(
        Patient patient, string reason, DateTime started, string channel, string team, int? menu, int? wait, DateTime? first, DateTime ended,
        int? hold, int transfers, string? agent, string outcome) =>
        _records.Add(_records.Interactions, new InteractionRow
        {
            At = started,
            Person = patient.Key,
            Channel = channel,
            FirstResponse = first is DateTime f ? Hours.Second(f) : null,
            Ended = Hours.Second(ended),
            WaitSeconds = wait,
            HoldSeconds = hold,
            Transfers = channel == Email || first is not null ? transfers : 0,
            MenuSteps = menu,
            Agent = agent,
            Team = team,
            Outcome = outcome,
            Reason = reason,
            Segment = patient.Segment,
        });
}
