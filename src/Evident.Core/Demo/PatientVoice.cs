using System.Globalization;
using static Evident.Core.Demo.Northfield;
using static Evident.Core.Demo.PatientPhrases;

namespace Evident.Core.Demo;

/// <summary>
/// Writes what a patient says about an experience: the complaints it gives them (the phone menu, the hold, the
/// transfers, the call back that never came, and the steady ones: bills, parking, no appointments), the praise
/// (kind staff, the app, a quick answer), in the proportions their score suggests, typed the way people type.
/// </summary>
internal sealed class PatientVoice(DemoRandom random)
{
    private readonly Dictionary<string, string> _slots = new(StringComparer.Ordinal);

    public string SurveyComment(Experience experience, int score)
    {
        Fill(experience);
        if (experience.Reply is ReplyStyle reply)
        {
            return Typing.Roughen(FollowUp(reply, score), random, upset: score <= 4);
        }

        return Typing.Roughen(Compose(experience, score, sentences: 0), random, upset: score <= 4);
    }

    public string CsatComment(Experience experience, int csat)
    {
        Fill(experience);
        var complaints = Complaints(experience);
        string text = csat switch
        {
            >= 4 => Say(random.Pick(CsatGood)),
            3 => complaints.Count > 0 && random.Chance(0.5) ? Say(complaints[0]) : Say(random.Pick(CsatMiddling)),
            _ => complaints.Count switch
            {
                0 => Say(random.Pick(GenericBad)),
                1 => Say(complaints[0]),
                _ => random.Chance(0.3) ? Say(complaints[0]) + " " + Say(complaints[1]) : Say(complaints[0]),
            },
        };
        return Typing.Roughen(text, random, upset: csat == 1);
    }

    public string Review(Experience experience, int rating)
    {
        Fill(experience);
        int score = rating switch { 5 => 10, 4 => 8, 3 => 6, 2 => 3, _ => 1 };
        var opening = rating switch { >= 5 => ReviewOpenGood, 4 => random.Chance(0.5) ? ReviewOpenFour : ReviewOpenMiddling, 3 => ReviewOpenMiddling, _ => ReviewOpenBad };
        string body = Compose(experience, score, sentences: 1);
        string text = random.Chance(0.65) ? Say(random.Pick(opening)) + " " + body : body;
        return Typing.Roughen(text, random, upset: rating <= 2);
    }

    public string SocialPost(Experience experience, bool praise)
    {
        Fill(experience);
        if (praise)
        {
            return Typing.Roughen(Say(random.Pick(SocialPraise)), random, upset: false);
        }

        var complaints = Complaints(experience);
        string complaint = experience.Chain is { Channel: Phone } && experience.AfterChange && random.Chance(0.5) ? Say(random.Pick(SocialPhone))
            : complaints.Count > 0 ? Say(complaints[0])
            : Say(random.Pick(Steady()));
        return Typing.Roughen(random.Pick(SocialFrame).Replace("~", complaint, StringComparison.Ordinal), random, upset: true);
    }

    /// <summary>A comment of one to four sentences in the mix a score of <paramref name="score"/> suggests.</summary>
    private string Compose(Experience experience, int score, int sentences)
    {
        var complaints = Complaints(experience);
        var praise = Praise(experience);
        var said = new List<string>(4);
        if (score <= 6)
        {
            int n = 1 + (random.Chance(0.5) ? 1 : 0) + (random.Chance(0.2) ? 1 : 0) + sentences;
            for (int i = 0; i < n && i < complaints.Count; i++)
            {
                said.Add(Say(complaints[i]));
            }

            if (said.Count == 0)
            {
                said.Add(Say(random.Pick(random.Chance(0.6) ? Steady() : GenericBad)));
            }

            if (praise.Count > 0 && random.Chance(0.3))
            {
                said.Add(Say(praise[0]));
            }

            if (random.Chance(0.45))
            {
                said.Add(Say(random.Pick(CloseBad)));
            }
        }
        else if (score <= 8)
        {
            string? good = praise.Count > 0 && random.Chance(0.75) ? Say(praise[0]) : null;
            string? bad = complaints.Count > 0 && random.Chance(0.7) ? Say(complaints[0])
                : random.Chance(0.25 + (0.3 * sentences)) ? Say(random.Pick(Steady())) : null;
            if (good is not null && bad is not null && random.Chance(0.4))
            {
                said.Add(good.TrimEnd('.', '!') + ", but " + LowerFirst(bad));
            }
            else
            {
                AddIf(said, good);
                AddIf(said, bad);
            }

            if (said.Count == 0)
            {
                said.Add(Say(random.Pick(GenericMiddling)));
            }

            if (random.Chance(0.15))
            {
                said.Add(Say(random.Pick(CloseMiddling)));
            }
        }
        else
        {
            int n = 1 + (random.Chance(0.4) ? 1 : 0) + sentences;
            for (int i = 0; i < n && i < praise.Count; i++)
            {
                said.Add(Say(praise[i]));
            }

            if (said.Count == 0)
            {
                said.Add(Say(random.Pick(GenericGood)));
            }

            // A promoter's grumble is a small, steady one, never the thing that went wrong.
            if (random.Chance(0.08))
            {
                said.Add(Say(random.Pick(random.Chance(0.5) ? Parking : BillConfusion)));
            }

            if (random.Chance(0.35))
            {
                said.Add(Say(random.Pick(CloseGood)));
            }
        }

        return string.Join(' ', said);
    }

    private string FollowUp(ReplyStyle reply, int score) => (reply, score) switch
    {
        (ReplyStyle.Caring, >= 7) => Say(random.Pick(AfterCaringReply)) + (random.Chance(0.3) ? " " + Say(random.Pick(CloseGood)) : ""),
        (ReplyStyle.Curt, <= 6) => Say(random.Pick(AfterCurtReply)) + (random.Chance(0.4) ? " " + Say(random.Pick(CloseBad)) : ""),
        (_, >= 9) => Say(random.Pick(GenericGood)),
        (_, >= 7) => Say(random.Pick(GenericMiddling)),
        _ => Say(random.Pick(GenericBad)),
    };

    /// <summary>What went wrong, the most telling first.</summary>
    private List<string[]> Complaints(Experience experience)
    {
        var found = new List<string[]>(6);
        if (experience.Chain is { } chain)
        {
            if (chain.Channel == Phone)
            {
                // A visit's comment is about the visit: the call that booked it is remembered less often.
                double keep = experience.IsVisit ? 0.5 : 1.0;
                AddIf(found, PhoneMenu, chain.MaxMenuSteps >= 4 && random.Chance(keep * 0.8));
                AddIf(found, Hold, chain.LongestWaitMinutes >= 6 && random.Chance(keep));
                AddIf(found, Transfer, chain.MaxTransfers >= 2 && random.Chance(keep));
                AddIf(found, CutOff, (chain.CutOffs > 0 || chain.Abandoned > 0) && random.Chance(keep * 0.6));
                AddIf(found, CallbackMissed, chain.CallbackMissed && random.Chance(keep));
                AddIf(found, Repeat, chain.Attempts >= 3 && random.Chance(keep * 0.7));
            }
            else if (chain.Channel == Email)
            {
                AddIf(found, EmailSlow, chain.ReplyHours > 24);
            }

            Shuffle(found);
            if (!experience.IsVisit)
            {
                AddIf(found, BillConfusion, chain.Reason == BillingReason && random.Chance(0.5));
                AddIf(found, ResultsSlow, chain.Reason == Results && random.Chance(0.25));
            }
        }

        if (experience.IsVisit)
        {
            AddIf(found, ClinicWait, experience.ClinicWaitMinutes > 0 && random.Chance(0.8));
            AddIf(found, NoAppointments, experience.LeadDays > 14 && random.Chance(0.7));
            AddIf(found, BillConfusion, experience.BillingSurprise && random.Chance(0.8));
            AddIf(found, Parking, experience.ParkingTrouble && random.Chance(0.8));
            AddIf(found, Dirty, random.Chance(0.02));
        }

        return found;
    }

    /// <summary>What went well, in a random order.</summary>
    private List<string[]> Praise(Experience experience)
    {
        var found = new List<string[]>(4);
        var chain = experience.Chain;
        if (experience.IsVisit)
        {
            AddIf(found, StaffKind, random.Chance(0.55));
            AddIf(found, OnTime, experience.ClinicWaitMinutes == 0 && random.Chance(0.2));
            AddIf(found, Clean, random.Chance(0.07));
            AddIf(found, ResultsQuick, random.Chance(0.06));
        }
        else if (chain is { Channel: Phone })
        {
            bool smooth = chain.Pain < 0.6;
            AddIf(found, QuickPhone, smooth && random.Chance(0.35));
            AddIf(found, StaffKind, smooth && random.Chance(0.25));
            AddIf(found, StaffKindThough, !smooth && random.Chance(0.4));
        }
        else if (chain is { Channel: Chat })
        {
            AddIf(found, ChatGood, random.Chance(0.5));
        }

        if (chain is not null && !experience.IsVisit)
        {
            AddIf(found, ResultsQuick, chain.Reason is Results or Prescription && random.Chance(0.35));
        }

        AddIf(found, App, experience.Patient.UsesApp && random.Chance(0.2));
        AddIf(found, AppInsteadOfPhone, experience.Patient.UsesApp && chain is { Channel: Phone } && experience.AfterChange && chain.Pain > 1 && random.Chance(0.35));
        Shuffle(found);
        return found;
    }

    /// <summary>Complaints a patient may have whatever happened on the day.</summary>
    private string[] Steady() => random.Next(6) switch
    {
        0 => NoAppointments,
        1 => BillConfusion,
        2 => Parking,
        3 => ClinicWait,
        4 => ResultsSlow,
        _ => GenericBad,
    };

    private void Fill(Experience experience)
    {
        var chain = experience.Chain;
        double minutes = chain is null || chain.LongestWaitMinutes < 6 ? random.Between(20.0, 45.0) : chain.LongestWaitMinutes * random.Between(1.0, 1.5);
        _slots["min"] = Minutes(minutes);
        _slots["cmin"] = Minutes(experience.ClinicWaitMinutes > 0 ? experience.ClinicWaitMinutes : random.Between(20.0, 50.0));
        _slots["clinic"] = experience.Patient.Clinic;
        string reason = chain?.Reason ?? Booking;
        _slots["task"] = random.Pick(Tasks(reason));
        _slots["topic"] = reason switch
        {
            BillingReason => "my bill",
            Results => "my results",
            Prescription => "my prescription",
            _ => "my appointment",
        };
        int attempts = Math.Max(3, chain?.Attempts ?? 3);
        _slots["n"] = random.Chance(0.5) ? Word(attempts) : attempts.ToString(CultureInfo.InvariantCulture);
        _slots["nth"] = attempts switch { 3 => "third", 4 => "fourth", 5 => "fifth", _ => "sixth" };
        int steps = chain is { MaxMenuSteps: >= 4 } ? chain.MaxMenuSteps : 6;
        _slots["steps"] = random.Chance(0.5) ? Word(steps) : steps.ToString(CultureInfo.InvariantCulture);
    }

    private static string[] Tasks(string reason) => reason switch
    {
        Reschedule => ["move my appointment", "change my appointment", "rebook", "reschedule a blood test"],
        BillingReason => ["ask about my bill", "query an invoice", "sort out a charge", "ask about a payment"],
        Results => ["get my blood test results", "ask about my results", "chase my scan results"],
        Prescription => ["order a repeat prescription", "sort my prescription", "ask about my medication"],
        _ => ["book an appointment", "book a blood test", "get an appointment", "book a smear test", "see a doctor"],
    };

    /// <summary>Minutes as people say them: exact when short, rounded to five when long.</summary>
    private static string Minutes(double minutes)
    {
        int m = (int)Math.Round(minutes);
        return (m > 15 ? (int)(Math.Round(m / 5.0) * 5) : m).ToString(CultureInfo.InvariantCulture);
    }

    private static string Word(int n) => n switch
    {
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        7 => "seven",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private string Say(string[] topic) => Say(random.Pick(topic));

    private string Say(string template) => Phrase.Expand(template, random, _slots);

    private static string LowerFirst(string sentence) =>
        sentence.Length > 1 && char.IsUpper(sentence[0]) && !(sentence[0] == 'I' && (sentence[1] == ' ' || sentence[1] == '\''))
            ? char.ToLowerInvariant(sentence[0]) + sentence[1..]
            : sentence;

    private static void AddIf(List<string> list, string? sentence)
    {
        if (sentence is not null)
        {
            list.Add(sentence);
        }
    }

    private static void AddIf(List<string[]> list, string[] topic, bool condition)
    {
        if (condition)
        {
            list.Add(topic);
        }
    }

    private void Shuffle(List<string[]> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
