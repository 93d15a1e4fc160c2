using System.Text;

namespace Evident.Core.Demo;

/// <summary>
/// What the leadership says: public posts that speak of patients first and of commitments, and push health checks
/// and plans; internal memos about targets and the new phone system. Thanks to staff are rare, and rarer once the
/// phone menu is live.
/// </summary>
internal sealed class Leadership(DemoRecords records, int seed, double scale)
{
    private readonly DemoRandom _random = new(seed, "leadership");
    private readonly Dictionary<string, string> _slots = new(StringComparer.Ordinal);

    public void Run()
    {
        int posts = Math.Max(30, (int)Math.Round(150 * scale));
        int memos = Math.Max(15, (int)Math.Round(70 * scale));
        var span = Hours.To - Hours.From;
        for (int i = 0; i < posts; i++)
        {
            var day = Hours.From + (span * ((i + _random.NextDouble()) / posts));
            Post(Hours.DuringOpening(day, _random));
        }

        for (int i = 0; i < memos; i++)
        {
            var day = Hours.From + (span * ((i + _random.NextDouble()) / memos));
            Memo(Hours.DuringOpening(day, _random));
        }
    }

    private void Post(DateTime at)
    {
        bool after = Hours.IsAfterChange(at);
        bool aroundLaunch = Math.Abs((at - Hours.PhoneMenuLive).TotalDays) < 30;
        _slots["clinic"] = _random.Pick(Northfield.Clinics);
        string author;
        var text = new StringBuilder();
        if (_random.Chance(after ? 0.03 : 0.1))
        {
            author = "Chief Executive";
            Add(text, LeadershipPhrases.ThankStaff);
        }
        else if (aroundLaunch && _random.Chance(0.5))
        {
            author = "Director of Operations";
            Add(text, after ? LeadershipPhrases.PhoneSystemLive : LeadershipPhrases.PhoneSystemComing);
            Add(text, LeadershipPhrases.Commitment);
        }
        else
        {
            switch (_random.Weighted([0.45, 0.4, 0.15]))
            {
                case 0:
                    author = "Chief Executive";
                    Add(text, LeadershipPhrases.PatientsFirst);
                    Add(text, LeadershipPhrases.Commitment);
                    if (_random.Chance(0.3))
                    {
                        Add(text, LeadershipPhrases.Offer);
                    }

                    break;
                case 1:
                    author = "Marketing";
                    Add(text, LeadershipPhrases.Offer);
                    if (_random.Chance(0.5))
                    {
                        Add(text, LeadershipPhrases.PatientsFirst);
                    }

                    break;
                default:
                    author = "Medical Director";
                    Add(text, LeadershipPhrases.HealthAdvice);
                    Add(text, LeadershipPhrases.Commitment);
                    break;
            }
        }

        records.Add(records.Comms, new CommsRow { At = at, Author = author, Audience = "external", Channel = "post", Text = text.ToString() });
    }

    private void Memo(DateTime at)
    {
        bool after = Hours.IsAfterChange(at);
        _slots["clinic"] = _random.Pick(Northfield.Clinics);
        var text = new StringBuilder();
        string author = _random.Chance(0.6) ? "Director of Operations" : "Chief Executive";
        if (_random.Chance(after ? 0.04 : 0.12))
        {
            Add(text, after ? LeadershipPhrases.ThankTeamMemoAfter : LeadershipPhrases.ThankTeamMemo);
        }
        else if (Math.Abs((at - Hours.PhoneMenuLive).TotalDays) < 40 || (after && _random.Chance(0.35)))
        {
            Add(text, after ? LeadershipPhrases.PhoneMemoAfter : LeadershipPhrases.PhoneMemoBefore);
            if (_random.Chance(0.5))
            {
                Add(text, LeadershipPhrases.Targets);
            }
        }
        else
        {
            Add(text, _random.Pick([LeadershipPhrases.Targets, LeadershipPhrases.Targets, LeadershipPhrases.Admin]));
            if (_random.Chance(0.5))
            {
                Add(text, LeadershipPhrases.MemoPatients);
            }
        }

        records.Add(records.Comms, new CommsRow { At = at, Author = author, Audience = "internal", Channel = "memo", Text = text.ToString() });
    }

    private void Add(StringBuilder text, string[] templates)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        Phrase.AppendTo(text, _random.Pick(templates), _random, _slots);
    }
}

/// <summary>The leadership's sentences. The customer-perspective and commitment language is the story's "say".</summary>
internal static class LeadershipPhrases
{
    public static readonly string[] PatientsFirst =
    [
        "Every decision we make starts with the patient experience.",
        "We are building a truly patient centred service across all six clinics.",
        "Our patients tell us what matters to them, and we listen.",
        "We want every step of the patient journey to feel simple.",
        "What matters to patients matters to us.",
        "Putting ourselves in our patients' shoes is how we design every service.",
        "The people we serve deserve the best possible care.",
        "At Northfield Health we put patients at the heart of everything we do{, and the patient experience is how we measure ourselves|}.",
        "Patients first, always{: that is what a great patient experience means|}.",
        "{Great|Exceptional} patient experience is not a slogan for us, it is who we are.",
        "We are redesigning the patient journey around what matters to patients.",
    ];

    public static readonly string[] Commitment =
    [
        "We are committed to {excellence|the highest standards|continuous improvement} in everything we do.",
        "We will continue to invest in {innovative|state of the art} {technology|services}.",
        "Our mission is simple: {world class|exceptional} care, every time.",
        "We take patient safety very seriously.",
        "Going forward, we will always strive to do better.",
        "{We are dedicated to|We pride ourselves on} {safe, high quality|outstanding} care.",
        "Our vision is to be the {leading|best in class} provider of primary care in the region.",
    ];

    public static readonly string[] Offer =
    [
        "Book your premium health check now{ and get 20% off| and get 15% off|}!",
        "Limited time offer: {£50 off|20% off} our {Gold|Premium} Health Check{ this month|}. Book now in the app!",
        "Don't miss out on our {winter|spring} flu clinics, book now.",
        "{New|Introducing}: the Northfield Family Plan. Sign up today and save {15%|£120} a year.",
        "Last chance to book your {skin check|physio assessment} at the special offer price.",
        "Exclusive offer for members: {a free|a half price} {cholesterol test|blood pressure check} with any health check. Offer ends Sunday.",
        "Upgrade today to the Gold Plan and get priority appointments{ all year|}.",
    ];

    public static readonly string[] HealthAdvice =
    [
        "Flu season is here. {Protect yourself and your family|Don't wait}: book your flu jab {now|today} in the app.",
        "{Feeling|Been feeling} run down? A quick blood test can rule out the common causes.",
        "Our clinicians are dedicated to {safe|high quality}, patient centred care.",
        "{Summer|Holiday} travel coming up? Check your vaccinations with our travel clinic.",
    ];

    public static readonly string[] PhoneSystemComing =
    [
        "From 4 May our new phone system will make it easier than ever to reach the right team.",
        "We are introducing a smarter phone system to improve the patient experience.",
    ];

    public static readonly string[] PhoneSystemLive =
    [
        "Our new phone system is now live across all clinics, giving patients more choice and a smoother patient journey.",
        "The new phone menu gets you to the right team first time{, every time|}.",
    ];

    public static readonly string[] ThankStaff =
    [
        "A huge thank you to our nurses and reception teams who worked through the winter rush.",
        "Proud of our team at [clinic], who {raised £2,000 for charity|were shortlisted for a national award}. Thank you all.",
        "{Thank you|Thanks} to every one of our staff for your hard work this year.",
    ];

    public static readonly string[] PhoneMemoBefore =
    [
        "The new phone system goes live on Monday 4 May. It will transform the patient journey and reduce pressure on the call centre.",
        "All calls will route through the new menu from 4 May. Please complete the system training by the end of April.",
    ];

    public static readonly string[] PhoneMemoAfter =
    [
        "The new menu is performing as expected. Please direct any complaints to the patient experience team.",
        "Call volumes remain high. Please keep breaks to the rota and log all overtime.",
        "We are aware of some teething problems with the new menu and are committed to resolving them going forward.",
        "Going forward, callbacks must be completed by 20:00 on the day they are logged.",
        "Average handling time has risen since the launch. Please keep calls short and transfer only when necessary.",
    ];

    public static readonly string[] Targets =
    [
        "Reminder: average call handling time must come down to under 4 minutes this quarter.",
        "We need to hit our target of {500|600} health check bookings this month. Please offer the premium health check on every call.",
        "Family Plan conversion is below target. Please make sure every caller hears about it.",
        "Revenue from health checks is {behind|below} plan{ this quarter|}, so every booking counts.",
    ];

    public static readonly string[] Admin =
    [
        "Annual leave over the summer is limited, please book early.",
        "Mandatory training must be completed by the end of the month.",
        "The car park at [clinic] will be closed for resurfacing next week.",
        "Please make sure your contact details are up to date on the intranet.",
    ];

    public static readonly string[] MemoPatients =
    [
        "Remember: every call is part of the patient experience.",
        "Patients first: please be on time for your shifts.",
        "We are committed to a patient centred service.",
    ];

    public static readonly string[] ThankTeamMemo =
    [
        "Thank you all for your hard work during the winter flu season.",
        "A big thank you to everyone who covered extra shifts this month.",
    ];

    public static readonly string[] ThankTeamMemoAfter =
    [
        "Thank you for your patience while we bed in the new phone system.",
        "A big thank you to everyone who covered extra shifts this month.",
    ];
}
