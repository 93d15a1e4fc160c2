using Evident.Core.Demo;
using Evident.Text;
using static Evident.Core.Tests.Demo.DemoFigures;

namespace Evident.Core.Tests.Demo;

/// <summary>Every template of a topic, expanded several ways, reads to the engine as what it is meant to say.</summary>
public sealed class DemoPhraseTests
{
    private static readonly Dictionary<string, string> s_slots = new()
    {
        ["min"] = "40", ["cmin"] = "30", ["clinic"] = "Riverside", ["task"] = "book a blood test", ["topic"] = "my results",
        ["n"] = "three", ["nth"] = "third", ["steps"] = "six",
    };

    private static readonly Dictionary<string, (string[] Templates, Func<TextAnalysis, bool> Reads, double Rate)> s_topics = new()
    {
        ["phone menu → automated-phone"] = (PatientPhrases.PhoneMenu, a => HasTheme(a, "automated-phone"), 0.95),
        ["hold → wait friction"] = (PatientPhrases.Hold, a => HasFriction(a, "wait") || HasTheme(a, "wait-time"), 0.95),
        ["transfer → transfer friction"] = (PatientPhrases.Transfer, a => HasFriction(a, "transfer"), 0.85),
        ["callback missed → broken promise"] = (PatientPhrases.CallbackMissed, a => HasFriction(a, "broken-promise") || HasTheme(a, "communication"), 0.9),
        ["repeat → repeat contact"] = (PatientPhrases.Repeat, a => HasFriction(a, "repeat-contact") || HasFriction(a, "unresolved"), 0.7),
        ["staff kind → staff-attitude"] = (PatientPhrases.StaffKind, a => HasTheme(a, "staff-attitude"), 0.9),
        ["staff kind though → staff-attitude"] = (PatientPhrases.StaffKindThough, a => HasTheme(a, "staff-attitude"), 0.9),
        ["app → digital-self-service"] = (PatientPhrases.App, a => HasTheme(a, "digital-self-service"), 0.95),
        ["bills → billing"] = (PatientPhrases.BillConfusion, a => HasTheme(a, "billing"), 0.9),
        ["parking → facilities"] = (PatientPhrases.Parking, a => HasTheme(a, "facilities"), 0.95),
        ["no appointments → availability"] = (PatientPhrases.NoAppointments, a => HasTheme(a, "availability"), 0.9),
        ["dirty → cleanliness"] = (PatientPhrases.Dirty, a => HasTheme(a, "cleanliness"), 0.95),
        ["clean → cleanliness"] = (PatientPhrases.Clean, a => HasTheme(a, "cleanliness"), 0.95),
        ["clinic wait → wait-time"] = (PatientPhrases.ClinicWait, a => HasTheme(a, "wait-time") || HasTheme(a, "delay"), 0.95),
        ["patients first → customer perspective"] = (LeadershipPhrases.PatientsFirst, a => HasSignal(a, "customer-perspective"), 0.75),
        ["commitments → vague commitment"] = (LeadershipPhrases.Commitment, a => HasSignal(a, "vague-commitment"), 0.95),
        ["offers → sales pressure"] = (LeadershipPhrases.Offer, a => HasSignal(a, "sales-pressure"), 0.85),
        ["thanks → gratitude"] = (LeadershipPhrases.ThankStaff, a => HasSignal(a, "gratitude"), 0.95),
    };

    public static TheoryData<string> Topics => [.. s_topics.Keys];

    [Theory]
    [MemberData(nameof(Topics))]
    public void A_topic_reads_as_what_it_says(string topic)
    {
        var (templates, reads, rate) = s_topics[topic];
        var random = new DemoRandom(1, topic);
        var missed = new List<string>();
        int all = 0;
        foreach (string template in templates)
        {
            for (int i = 0; i < 8; i++)
            {
                string text = Phrase.Expand(template, random, s_slots);
                all++;
                if (!reads(TextAnalyzer.Default.Analyze(text)))
                {
                    missed.Add(text);
                }
            }
        }

        Assert.True(1 - ((double)missed.Count / all) >= rate, $"{topic}: {missed.Count} of {all} missed:\n" + string.Join('\n', missed.Distinct().Take(20)));
    }
}
