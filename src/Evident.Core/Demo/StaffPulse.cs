using System.Text;
using static Evident.Core.Demo.Northfield;

namespace Evident.Core.Demo;

/// <summary>
/// The monthly employee pulse: every team answers "would you recommend Northfield Health as a place to work"
/// and may comment. The call centre's answers sink after the phone menu goes live, as it takes the callers' anger,
/// works through breaks and into the evenings; the other teams stay where they were.
/// </summary>
internal sealed class StaffPulse(DemoRecords records, int seed, double scale)
{
    private sealed record Team(string Name, int Size, string[] Roles, double[] RoleWeights, double Mood);

    private static readonly Team[] s_teams =
    [
        new(CallCentre, 24, ["agent", "team-lead"], [0.85, 0.15], 8.0),
        new(FrontDesk, 56, ["receptionist", "practice-manager"], [0.87, 0.13], 7.9),
        new(NursesLine, 16, ["nurse"], [1], 8.2),
        new(Billing, 14, ["administrator", "team-lead"], [0.8, 0.2], 7.7),
        new("clinic-nursing", 90, ["nurse", "healthcare-assistant"], [0.7, 0.3], 8.2),
        new("doctors", 80, ["doctor"], [1], 7.9),
    ];

    private readonly DemoRandom _random = new(seed, "pulse");
    private readonly Dictionary<string, string> _slots = new(StringComparer.Ordinal);

    public void Run()
    {
        int person = 0;
        foreach (var team in s_teams)
        {
            // At least 20 a team, so that a small demo still has answers enough to tell a change from noise.
            int size = Math.Max(20, (int)Math.Round(team.Size * scale));
            for (int i = 0; i < size; i++)
            {
                person++;
                Answer(team, $"e-{person:D4}", team.Roles[_random.Weighted(team.RoleWeights)], _random.Normal());
            }
        }
    }

    /// <summary>One employee's answers to the twelve monthly pulses.</summary>
    private void Answer(Team team, string person, string role, double engagement)
    {
        for (var month = Hours.From; month < Hours.To; month = month.AddMonths(1))
        {
            if (!_random.Chance(0.75))
            {
                continue;
            }

            var at = Hours.DuringOpening(month.AddDays(_random.Between(0.0, 10.0)), _random);
            if (_random.Chance(0.12))
            {
                at = Hours.Between(at, 18.5, 22.5, _random);
            }

            double strain = team.Name == CallCentre ? 1.35 * Math.Clamp((at - Hours.PhoneMenuLive).TotalDays / 30, 0, 1) : 0;
            int enps = Math.Clamp((int)Math.Round(team.Mood + (1.1 * engagement) - strain + _random.Normal(0, 1.0)), 0, 10);
            string? text = _random.Chance(enps <= 6 ? 0.6 : 0.45) ? Comment(team.Name, enps, strain > 0.3) : null;
            records.Add(records.Pulse, new PulseRow { At = at, Person = person, Team = team.Name, Role = role, Enps = enps, Text = text });
        }
    }

    private string Comment(string team, int enps, bool strained)
    {
        var (good, bad) = team switch
        {
            CallCentre when strained => (StaffPhrases.CallCentreGood, StaffPhrases.CallCentreStrained),
            CallCentre => (StaffPhrases.CallCentreGood, StaffPhrases.CallCentreUsual),
            FrontDesk => (StaffPhrases.FrontDeskGood, StaffPhrases.FrontDeskBad),
            Billing => (StaffPhrases.BillingGood, StaffPhrases.BillingBad),
            "doctors" => (StaffPhrases.DoctorsGood, StaffPhrases.DoctorsBad),
            _ => (StaffPhrases.NursingGood, StaffPhrases.NursingBad),
        };
        var text = new StringBuilder();
        if (enps >= 9)
        {
            Append(text, _random.Pick(good));
            if (_random.Chance(0.3))
            {
                Append(text, _random.Pick(StaffPhrases.AnyGood));
            }
        }
        else if (enps >= 7)
        {
            Append(text, _random.Pick(_random.Chance(0.5) ? good : StaffPhrases.AnyGood));
            Append(text, _random.Pick(_random.Chance(0.7) ? bad : StaffPhrases.AnyBad));
        }
        else
        {
            Append(text, _random.Pick(bad));
            if (_random.Chance(0.5))
            {
                Append(text, _random.Pick(_random.Chance(0.6) ? bad : StaffPhrases.AnyBad));
            }
        }

        return Typing.Roughen(text.ToString(), _random, upset: enps <= 3);
    }

    private void Append(StringBuilder text, string template)
    {
        string sentence = Phrase.Expand(template, _random, _slots);
        if (text.Length > 0 && text.ToString().Contains(sentence, StringComparison.Ordinal))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(sentence);
    }
}

/// <summary>What employees write in the pulse. Nothing here names or singles out anyone.</summary>
internal static class StaffPhrases
{
    public static readonly string[] CallCentreStrained =
    [
        "Callers are {furious|angry|already fuming} by the time they get through to us because of the new menu.",
        "I get shouted at {every day|most days|several times a day} about the wait times{ and there's nothing I can do|}.",
        "The new phone system sends every call to us first, so we spend half the day transferring people.",
        "{No time for breaks|We don't get proper breaks anymore}, the queue is always {full|over 30 calls}.",
        "Doing overtime {every week|most evenings} just to get through the callback list.",
        "We were never asked about the new phone menu before it went live.",
        "{Half the team|A lot of the team} {is|are} off sick with stress.",
        "I can't promise callbacks I know we won't be able to make.",
        "{Seriously|Honestly} thinking about leaving{, it's not worth it anymore|}.",
        "Management keep talking about targets, nobody asks how we're coping.",
        "The menu drops calls and we get the blame.",
        "Working until 8pm to call people back is wearing everyone down.",
        "{Every|Each} call starts with an apology for the wait now.",
        "The automated menu sends people to the wrong queue and they're angry before we even say hello.",
        "{We are|We're} exhausted{, the calls never stop|}.",
        "Nobody listens when we say the phone system isn't working.",
    ];

    public static readonly string[] CallCentreUsual =
    [
        "Pay could be better for what we do.",
        "Rota changes at short notice make childcare hard.",
        "Busy Monday mornings are tough{ but we manage|}.",
        "The headsets are old and keep cutting out.",
        "Would be nice to have more say in how the phones are run.",
    ];

    public static readonly string[] CallCentreGood =
    [
        "Good team, we look out for each other.",
        "Busy but manageable{ most days|}.",
        "I like being able to sort things out for patients{ on the first call|}.",
        "Team leaders are supportive{ and approachable|}.",
        "Training for new starters is good.",
    ];

    public static readonly string[] FrontDeskGood =
    [
        "Patients are lovely most of the time.",
        "Good team spirit{ at our site|}.",
        "I enjoy the variety{ of the job|}.",
        "Managers are approachable{ and fair|}.",
    ];

    public static readonly string[] FrontDeskBad =
    [
        "Reception is short staffed on Mondays.",
        "The booking system is slow{ and crashes|}.",
        "We get the brunt of it when clinics run late.",
        "Patients complain to us at the desk about not getting through on the phone.",
        "Not enough cover for lunch breaks.",
    ];

    public static readonly string[] NursingGood =
    [
        "Rewarding work{, I feel I make a difference|}.",
        "Great colleagues{ who always help out|}.",
        "I feel supported by the senior nurses.",
        "Good training opportunities this year.",
    ];

    public static readonly string[] NursingBad =
    [
        "Workload is heavy but the team is supportive.",
        "We need more clinic rooms.",
        "Not enough time with each patient.",
        "Would like more training opportunities.",
        "Too much paperwork{ between appointments|}.",
    ];

    public static readonly string[] BillingGood =
    [
        "Small team, we work well together.",
        "Flexible hours{ make a big difference|}.",
    ];

    public static readonly string[] BillingBad =
    [
        "The invoicing software is clunky.",
        "Patients are confused by the bills, the letters need rewriting.",
        "Month end is stressful{ every time|}.",
    ];

    public static readonly string[] DoctorsGood =
    [
        "Great colleagues{ and good clinical support|}.",
        "Flexible working has made a big difference.",
        "Good teaching and peer support.",
    ];

    public static readonly string[] DoctorsBad =
    [
        "Appointments are too short{ to do the job properly|}.",
        "Admin takes up too much of the day.",
        "IT systems are slow{ and don't talk to each other|}.",
    ];

    public static readonly string[] AnyGood =
    [
        "Happy here overall.", "Good place to work.", "{I|We} feel valued by {my|our} team.", "Nothing to add.",
    ];

    public static readonly string[] AnyBad =
    [
        "More recognition from senior leadership would be nice.", "Staff parking is a problem.",
        "Communication from head office could be better.", "Pay hasn't kept up with the cost of living.",
    ];
}
