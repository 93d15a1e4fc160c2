using System.Text;

namespace Evident.Core.Demo;

/// <summary>
/// The patient-experience team answering reviews and social posts in public: some replies apologise, show they
/// understand, take the problem on and say what happens next; others are one generic line.
/// </summary>
internal sealed class PatientExperienceTeam(DemoRecords records, DemoRandom random)
{
    private readonly Dictionary<string, string> _slots = new(StringComparer.Ordinal);

    /// <summary>The reply, or null when it would fall after the demo's year.</summary>
    public CommsRow? Answer(FeedbackRow said, ReplyStyle style, string clinic)
    {
        _slots["clinic"] = clinic;
        string text = style switch
        {
            ReplyStyle.Caring => Caring(said.Text ?? ""),
            ReplyStyle.Curt => Say(random.Pick(s_curt)),
            _ => Say(random.Pick(s_thanks)),
        };
        var at = Hours.Awake(said.At.AddHours(style == ReplyStyle.Caring ? random.Between(1.0, 40.0) : random.Between(12.0, 140.0)), random);
        if (at >= Hours.To)
        {
            return null;
        }

        return records.Add(records.Comms, new CommsRow
        {
            At = at,
            Author = random.Chance(0.7) ? "Patient Experience Team" : Northfield.Name,
            Audience = "external",
            Channel = "reply",
            Text = text,
            InReplyTo = said,
        });
    }

    private string Caring(string complaint)
    {
        string about = complaint.Contains("hold", StringComparison.OrdinalIgnoreCase) || complaint.Contains("menu", StringComparison.OrdinalIgnoreCase)
            || complaint.Contains("phone", StringComparison.OrdinalIgnoreCase) || complaint.Contains("transfer", StringComparison.OrdinalIgnoreCase)
            ? "phone"
            : complaint.Contains("bill", StringComparison.OrdinalIgnoreCase) || complaint.Contains("charge", StringComparison.OrdinalIgnoreCase)
            ? "bill"
            : "visit";
        var text = new StringBuilder();
        if (random.Chance(0.7))
        {
            text.Append(Say(random.Pick(s_greeting))).Append(' ');
        }

        text.Append(Say(random.Pick(about switch { "phone" => s_sorryPhone, "bill" => s_sorryBill, _ => s_sorryVisit })));
        if (random.Chance(0.75))
        {
            text.Append(' ').Append(Say(random.Pick(s_understand)));
        }

        text.Append(' ').Append(Say(random.Pick(about == "bill" ? s_putRightBill : s_putRight)));
        if (random.Chance(0.6))
        {
            text.Append(' ').Append(Say(random.Pick(s_signature)));
        }

        return text.ToString();
    }

    private string Say(string template) => Phrase.Expand(template, random, _slots);

    private static readonly string[] s_greeting = ["Hi,", "Hello,", "Hi there,", "Dear patient,", "Good morning,"];

    private static readonly string[] s_sorryPhone =
    [
        "I'm {so|really|very} sorry you {waited so long|had such a long wait|were kept on hold so long} {to get through|on the phone|to speak to us}.",
        "We're {so|really|truly} sorry about your experience with our new phone system.",
        "I'm sorry you were transferred so many times{ and had to repeat yourself|}.",
        "{Please accept our apologies|Our sincere apologies} for the wait on the phone{ and for the call back that never came|}.",
        "I'm so sorry to hear you couldn't get through to us.",
    ];

    private static readonly string[] s_sorryBill =
    [
        "I'm {so|really} sorry about the confusion with your bill.",
        "{Please accept our apologies|Our apologies} for the mistake on your invoice.",
        "I'm sorry to hear you were charged {twice|incorrectly}.",
    ];

    private static readonly string[] s_sorryVisit =
    [
        "I'm {so|really} sorry to hear about your visit to [clinic].",
        "{We're|I'm} sorry your appointment wasn't the experience it should have been.",
        "{Please accept our apologies|Our apologies} for the wait at [clinic].",
        "I'm sorry we let you down{ on this occasion|}.",
    ];

    private static readonly string[] s_understand =
    [
        "I completely understand how frustrating that must have been.",
        "I can imagine how stressful that was when you're unwell.",
        "That must have been really frustrating{, especially with a poorly child|}.",
        "You're right, that's not the service you should get from us.",
        "I understand how important it is to get through quickly when you need us.",
    ];

    private static readonly string[] s_putRight =
    [
        "I will call you today to rebook your appointment.",
        "I'll look into this personally and call you by the end of the day.",
        "I've passed this to the practice manager at [clinic] and I'll call you tomorrow to let you know what we're doing about it.",
        "Please send us your phone number by direct message and I'll ring you back within 24 hours.",
        "{Leave it with me|I'll take care of this}: I'll {find you an appointment|get this sorted} and {call|email} you by tomorrow.",
        "I'll make sure you get a call back from the nurse today{, and I'll check it has happened|}.",
    ];

    private static readonly string[] s_putRightBill =
    [
        "I've asked our billing team to check your account and I'll get back to you by Friday.",
        "I'll look into the charge personally and call you within 2 working days.",
        "Please send us your patient number by direct message and I'll make sure any overcharge is refunded.",
    ];

    private static readonly string[] s_signature =
    [
        "Sam, Patient Experience Team", "Kind regards, Priya (Patient Experience)", "- Tom, Northfield Health", "Best wishes, Jo",
        "Rachel, Patient Experience Lead",
    ];

    private static readonly string[] s_curt =
    [
        "Please contact us via the website.",
        "We are unable to discuss individual cases on this platform. Please contact the practice.",
        "Please call the practice during opening hours.",
        "{Thank you for your feedback|Thanks for your feedback}.",
        "Please use the contact form on our website.",
        "Feedback noted.",
        "We have passed your comments on.",
        "Please see our website for our opening times.",
        "For appointments please use the app or call the practice.",
        "Please take this up with the practice directly.",
    ];

    private static readonly string[] s_thanks =
    [
        "Thank you for your kind words, we'll pass them on to the team at [clinic]!",
        "Thanks so much for taking the time to leave a review{, it means a lot to the team|}.",
        "{Lovely|So lovely} to hear this, thank you! We'll share it with the team at [clinic].",
        "Thank you, we're glad you had a good experience{ at [clinic]|}.",
    ];
}
