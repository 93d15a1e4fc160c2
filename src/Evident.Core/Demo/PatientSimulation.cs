using static Evident.Core.Demo.Northfield;

namespace Evident.Core.Demo;

/// <summary>
/// Lives each patient's year: needs arise (appointments, results, prescriptions, bills), each is met online or
/// through contacts, visits follow bookings, and surveys, CSAT ratings, reviews and social posts follow what
/// happened. A detractor brings less of their care back and is likelier to leave; a kind reply to a review wins
/// some goodwill back.
/// </summary>
internal sealed class PatientSimulation
{
    /// <summary>Patients at scale 1.</summary>
    public const int Patients = 6_800;

    private readonly DemoRecords _records;
    private readonly DemoRandom _random;
    private readonly double _scale;
    private readonly ContactCentre _centre;
    private readonly PatientVoice _voice;
    private readonly PatientExperienceTeam _replies;

    public PatientSimulation(DemoRecords records, int seed, double scale)
    {
        _records = records;
        _scale = scale;
        _random = new DemoRandom(seed, "patients");
        _centre = new ContactCentre(records, new DemoRandom(seed, "contacts"), scale);
        _voice = new PatientVoice(new DemoRandom(seed, "patient-voice"));
        _replies = new PatientExperienceTeam(records, new DemoRandom(seed, "replies"));
    }

    public void Run()
    {
        int count = Math.Max(100, (int)Math.Round(Patients * _scale));
        for (int i = 0; i < count; i++)
        {
            Live(NewPatient(i));
        }
    }

    private Patient NewPatient(int index)
    {
        string segment = _random.Weighted([0.22, 0.56, 0.22]) switch
        {
            0 => New,
            1 => Regular,
            _ => ChronicCare,
        };
        double[] channels = segment switch
        {
            ChronicCare => [0.74, 0.12, 0.14],
            Regular => [0.6, 0.25, 0.15],
            _ => [0.48, 0.34, 0.18],
        };
        return new Patient
        {
            Key = $"p-{index + 1:D5}",
            Segment = segment,
            Clinic = Clinics[_random.Weighted(ClinicSizes)],
            Warmth = _random.Normal(),
            UsesApp = _random.Chance(segment switch { New => 0.6, Regular => 0.45, _ => 0.3 }),
            ChannelWeights = channels,
        };
    }

    private void Live(Patient patient)
    {
        var (appointments, otherNeeds) = patient.Segment switch
        {
            ChronicCare => (4.0, 6.4),
            Regular => (2.0, 3.2),
            _ => (1.6, 2.4),
        };
        var joined = patient.Segment == New ? Hours.From.AddDays(_random.Between(0.0, 330.0)) : Hours.From;
        // A few leave whatever happens: they move away.
        if (_random.Chance(0.015))
        {
            patient.LeavesAt = Hours.Second(joined.AddDays(_random.Between(20.0, 365.0)));
        }

        var t = joined;
        bool first = patient.Segment == New;
        while (true)
        {
            if (!first)
            {
                t = t.AddDays(_random.Exponential(365.0 / ((appointments + otherNeeds) * patient.Loyalty)));
            }

            if (t >= Hours.To || t >= patient.LeavesAt)
            {
                break;
            }

            if (first || _random.Chance(appointments / (appointments + otherNeeds)))
            {
                Appointment(patient, t);
            }
            else
            {
                string reason = _random.Weighted(patient.Segment == ChronicCare ? [0.3, 0.45, 0.25] : [0.4, 0.25, 0.35]) switch
                {
                    0 => Results,
                    1 => Prescription,
                    _ => BillingReason,
                };
                var chain = _centre.Contact(patient, reason, t);
                AfterContact(patient, chain);
            }

            first = false;
        }

        if (patient.LeavesAt < Hours.To)
        {
            Journey(patient, patient.LeavesAt, "churn", "exit", _random.Chance(0.6) ? "records-transfer" : "deregistration", null);
        }

        Renewals(patient, joined);
    }

    private void Appointment(Patient patient, DateTime needed)
    {
        DateTime booked;
        string channel;
        ContactChain? booking = null;
        if (patient.UsesApp && _random.Chance(0.7))
        {
            (booked, channel) = (Hours.Between(needed, 6.5, 23, _random), "online");
        }
        else
        {
            booking = _centre.Contact(patient, Booking, needed);
            AfterContact(patient, booking);
            if (booking.Resolved)
            {
                (booked, channel) = (booking.End, booking.Channel);
            }
            else if (_random.Chance(patient.UsesApp ? 0.7 : 0.3))
            {
                (booked, channel) = (Hours.Second(booking.End.AddHours(_random.Between(0.5, 30.0))), "online");
            }
            else
            {
                return; // gave up: no appointment at all
            }
        }

        if (booked >= Hours.To || booked >= patient.LeavesAt)
        {
            return;
        }

        Journey(patient, booked, "book", "booking", channel, null);
        int lead = (int)Math.Min(45, _random.LogNormal(5, 0.8));
        var visit = Hours.DuringOpening(booked.AddDays(Math.Max(1, lead)), _random, 18.5);
        var moveAt = booked.AddDays(_random.Between(0.0, Math.Max(0.5, lead * 0.8)));
        if (_random.Chance(0.1) && moveAt < Hours.To)
        {
            var move = _centre.Contact(patient, Reschedule, moveAt);
            AfterContact(patient, move);
            if (move.Resolved)
            {
                visit = Hours.DuringOpening(visit.AddDays(_random.Between(1, 10)), _random, 18.5);
            }
        }

        if (visit >= patient.LeavesAt)
        {
            if (patient.LeavesAt < Hours.To)
            {
                Journey(patient, patient.LeavesAt.AddHours(-_random.Between(2.0, 48.0)), "cancel", "booking", "online", null);
            }

            return;
        }

        if (visit >= Hours.To)
        {
            return;
        }

        if (_random.Chance(0.06))
        {
            var cancelled = Hours.Second(booked.AddHours(_random.Between(1.0, Math.Max(2.0, (visit - booked).TotalHours - 1))));
            Journey(patient, cancelled, "cancel", "booking", _random.Chance(0.6) ? "sms" : "online", null);
            return;
        }

        if (_random.Chance(0.035))
        {
            Journey(patient, visit, "no-show", "care", "in-person", null);
            return;
        }

        Journey(patient, visit, "visit", "care", "in-person", Fee(patient));
        AfterVisit(patient, visit, booking, lead);
    }

    private double Fee(Patient patient) => _random.Weighted(patient.Segment == ChronicCare ? [0.3, 0.45, 0.2, 0.05] : [0.45, 0.25, 0.2, 0.1]) switch
    {
        0 => 65,
        1 => 40,
        2 => 30,
        _ => 149,
    };

    private void AfterVisit(Patient patient, DateTime visit, ContactChain? booking, int leadDays)
    {
        var experience = new Experience
        {
            Patient = patient,
            IsVisit = true,
            AfterChange = Hours.IsAfterChange(visit),
            Chain = booking,
            ClinicWaitMinutes = _random.Chance(0.07) ? _random.Between(20, 70) : 0,
            LeadDays = leadDays,
            BillingSurprise = _random.Chance(0.04),
            ParkingTrouble = _random.Chance(0.08),
        };
        double pain = (experience.ClinicWaitMinutes > 0 ? 0.9 : 0) + (leadDays > 14 ? 0.6 : 0) + (experience.BillingSurprise ? 1.2 : 0)
            + (experience.ParkingTrouble ? 0.3 : 0) + (0.35 * (booking?.Pain ?? 0));
        if (_random.Chance(0.5))
        {
            int score = Nps(patient, pain);
            Survey(patient, Hours.Awake(visit.AddHours(_random.Between(2.0, 52.0)), _random), "visit", Clinical, score, experience, null);
        }

        Publicly(patient, visit, experience, pain);
    }

    /// <summary>CSAT after a call or chat, sometimes an NPS survey, and the odd review or post.</summary>
    private void AfterContact(Patient patient, ContactChain chain)
    {
        var experience = new Experience { Patient = patient, AfterChange = chain.AfterChange, Chain = chain };
        double pain = chain.Pain;
        var end = chain.End;
        if (chain.Channel != Email && _random.Chance(0.3))
        {
            int csat = Math.Clamp((int)Math.Round(4.5 + (0.35 * patient.Warmth) - (0.55 * pain) + _random.Normal(0, 0.55)), 1, 5);
            string? text = _random.Chance(csat <= 2 ? 0.75 : 0.45) ? _voice.CsatComment(experience, csat) : null;
            Feedback(_records.Csat, patient, Hours.Second(end.AddMinutes(_random.Between(1.0, 40.0))), chain.Channel, chain.Last.Team, csat, text, chain.Last);
        }

        if (_random.Chance(0.2))
        {
            int score = Nps(patient, 0.65 * pain);
            Survey(patient, Hours.Awake(end.AddHours(_random.Between(2.0, 48.0)), _random), chain.Channel, chain.Last.Team, score, experience, chain.Last);
        }

        Publicly(patient, end, experience, pain);
    }

    /// <summary>A review or a social post: rare after a good experience, far likelier after a bad one.</summary>
    private void Publicly(Patient patient, DateTime after, Experience experience, double pain)
    {
        var at = Hours.Awake(after.AddHours(_random.Between(1.0, 30.0)), _random);
        if (at >= Hours.To)
        {
            return;
        }

        if (_random.Chance(0.022 + (0.05 * Math.Min(pain, 3))))
        {
            int score = Nps(patient, pain);
            int rating = score switch
            {
                >= 9 => _random.Chance(0.85) ? 5 : 4,
                >= 7 => _random.Chance(0.7) ? 4 : 3,
                >= 5 => _random.Chance(0.6) ? 3 : 2,
                >= 3 => _random.Chance(0.5) ? 2 : 1,
                _ => 1,
            };
            var review = Feedback(_records.Reviews, patient, at, _random.Chance(0.7) ? "google" : "website", experience.Chain?.Last.Team ?? Clinical,
                rating, _voice.Review(experience, rating), null);
            AnswerInPublic(patient, review, rating <= 3, at);
        }
        else if (_random.Chance(0.01 + (0.03 * Math.Min(pain, 3))))
        {
            bool upset = pain > 1.2 || (pain > 0.5 && _random.Chance(0.5));
            var post = Feedback(_records.Social, patient, at, _random.Pick(s_networks), null, null, _voice.SocialPost(experience, !upset), null);
            if (upset)
            {
                AnswerInPublic(patient, post, complaint: true, at);
            }
        }
    }

    private static readonly string[] s_networks = ["x", "facebook", "facebook", "instagram"];

    /// <summary>The patient-experience team answers some reviews and posts; a kind answer wins goodwill, a curt one loses it,
    /// and many who were answered fill in the follow-up survey a few weeks later.</summary>
    private void AnswerInPublic(Patient patient, FeedbackRow said, bool complaint, DateTime at)
    {
        if (!_random.Chance(complaint ? 0.2 : 0.04))
        {
            return;
        }

        var style = complaint ? (_random.Chance(Hours.IsAfterChange(at) ? 0.45 : 0.55) ? ReplyStyle.Caring : ReplyStyle.Curt) : ReplyStyle.Thanks;
        var reply = _replies.Answer(said, style, patient.Clinic);
        if (style == ReplyStyle.Thanks || reply is null)
        {
            return;
        }

        patient.Goodwill += style == ReplyStyle.Caring ? 1.6 : -0.6;
        var followUp = Hours.Awake(reply.At.AddDays(_random.Between(5.0, 30.0)), _random);
        if (_random.Chance(0.7) && followUp < Hours.To && followUp < patient.LeavesAt)
        {
            int score = Nps(patient, 0.6);
            var experience = new Experience { Patient = patient, AfterChange = Hours.IsAfterChange(followUp), Reply = style };
            Survey(patient, followUp, Email, PatientExperience, score, experience, null);
        }
    }

    private int Nps(Patient patient, double pain) =>
        Math.Clamp((int)Math.Round(8.7 + (1.0 * patient.Warmth) + patient.Goodwill - pain + _random.Normal(0, 1.0)), 0, 10);

    private void Survey(Patient patient, DateTime at, string channel, string team, int score, Experience experience, InteractionRow? about)
    {
        // A patient who has decided to leave answers no more surveys.
        if (at >= Hours.To || at >= patient.LeavesAt || patient.HasDecidedToLeave)
        {
            return;
        }

        string? text = _random.Chance(score <= 6 ? 0.8 : 0.6) ? _voice.SurveyComment(experience, score) : null;
        Feedback(_records.Survey, patient, at, channel, team, score, text, about);
        StayOrGo(patient, score, at);
    }

    /// <summary>What an answer says about staying: detractors leave two to three times as often as promoters (promoters
    /// who leave have mostly moved away), and bring less of their care back while they stay.</summary>
    private void StayOrGo(Patient patient, int score, DateTime at)
    {
        if (_random.Chance(score >= 9 ? 0.02 : score >= 7 ? 0.04 : 0.09))
        {
            var leaves = Hours.Second(at.AddDays(_random.Between(7.0, 60.0)));
            if (leaves < patient.LeavesAt)
            {
                patient.LeavesAt = leaves;
                patient.HasDecidedToLeave = true;
            }
        }

        patient.Loyalty = score <= 6 ? 0.6 : score >= 9 ? 1.0 : patient.Loyalty;
    }

    private FeedbackRow Feedback(List<FeedbackRow> file, Patient patient, DateTime at, string channel, string? team, int? score, string? text, InteractionRow? about) =>
        _records.Add(file, new FeedbackRow
        {
            At = at,
            Person = patient.Key,
            Segment = patient.Segment,
            Region = patient.Clinic,
            Channel = channel,
            Team = team,
            Score = score,
            Text = text,
            Interaction = about,
        });

    private void Journey(Patient patient, DateTime at, string action, string stage, string channel, double? value) =>
        _records.Add(_records.Journey, new JourneyRow
        {
            At = Hours.Second(at),
            Person = patient.Key,
            Action = action,
            Stage = stage,
            Channel = channel,
            Segment = patient.Segment,
            Value = value,
        });

    /// <summary>Chronic-care patients renew a care plan each year, and some regular patients a membership.</summary>
    private void Renewals(Patient patient, DateTime joined)
    {
        double? price = patient.Segment switch
        {
            ChronicCare => 240,
            Regular when _random.Chance(0.3) => 120,
            _ => null,
        };
        if (price is null)
        {
            return;
        }

        var renewal = joined.AddDays(_random.Between(0.0, 365.0));
        if (renewal < Hours.To && renewal < patient.LeavesAt)
        {
            Journey(patient, Hours.Between(renewal, 0, 24, _random), "renew", "membership", _random.Chance(0.7) ? "direct-debit" : "online", price);
        }
    }
}
