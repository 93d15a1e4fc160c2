using System.Globalization;
using System.Text;

namespace Evident.Bench.Import;

/// <summary>The kind of business a comment is about; it picks the slot fillers and which templates fit.</summary>
internal enum Domain
{
    Airline,
    Rail,
    Telecom,
    Bank,
    OnlineShop,
    Restaurant,
    Supermarket,
    Clinic,
    Hotel,
    Courier,
}

/// <summary>A gap in a template. The first seven are filled per <see cref="Domain"/>, the rest the same everywhere.</summary>
internal enum Slot : byte
{
    Company,
    Staff,
    Place,
    Booking,
    Item,
    Product,
    Channel,
    Mins,
    ShortMins,
    Hours,
    Days,
    ShortDays,
    Weeks,
    Times,
    Money,
    SmallMoney,
    Years,
    Clock,
    Ref,
    Count,
    Day,
    Month,
    Name,
    Ordinal,
    Positive,
    Negative,
}

/// <summary>A parsed template: <c>Literals[0] Slots[0] Literals[1] … Slots[n-1] Literals[n]</c>.</summary>
internal sealed class Template
{
    public const int DomainCount = 10;
    private const int AllDomains = (1 << DomainCount) - 1;

    private static readonly Dictionary<string, Domain> s_domainTags = new(StringComparer.Ordinal)
    {
        ["air"] = Domain.Airline,
        ["rail"] = Domain.Rail,
        ["telecom"] = Domain.Telecom,
        ["bank"] = Domain.Bank,
        ["shop"] = Domain.OnlineShop,
        ["food"] = Domain.Restaurant,
        ["grocery"] = Domain.Supermarket,
        ["clinic"] = Domain.Clinic,
        ["hotel"] = Domain.Hotel,
        ["courier"] = Domain.Courier,
    };

    private static readonly Dictionary<string, Slot> s_slotNames = new(StringComparer.Ordinal)
    {
        ["company"] = Slot.Company,
        ["staff"] = Slot.Staff,
        ["place"] = Slot.Place,
        ["booking"] = Slot.Booking,
        ["item"] = Slot.Item,
        ["product"] = Slot.Product,
        ["channel"] = Slot.Channel,
        ["mins"] = Slot.Mins,
        ["smins"] = Slot.ShortMins,
        ["hours"] = Slot.Hours,
        ["days"] = Slot.Days,
        ["sdays"] = Slot.ShortDays,
        ["weeks"] = Slot.Weeks,
        ["times"] = Slot.Times,
        ["money"] = Slot.Money,
        ["smallmoney"] = Slot.SmallMoney,
        ["years"] = Slot.Years,
        ["clock"] = Slot.Clock,
        ["ref"] = Slot.Ref,
        ["count"] = Slot.Count,
        ["day"] = Slot.Day,
        ["month"] = Slot.Month,
        ["name"] = Slot.Name,
        ["ordinal"] = Slot.Ordinal,
        ["positive"] = Slot.Positive,
        ["negative"] = Slot.Negative,
    };

    public readonly string[] Literals;
    public readonly Slot[] Slots;
    private readonly int _domains;

    public Template(string text)
    {
        _domains = AllDomains;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            _domains = 0;
            foreach (string tag in text[1..close].Split(','))
            {
                _domains |= 1 << (int)s_domainTags[tag.Trim()];
            }
            text = text[(close + 1)..].TrimStart();
        }

        var literals = new List<string>();
        var slots = new List<Slot>();
        int at = 0;
        while (true)
        {
            int open = text.IndexOf('{', at);
            if (open < 0)
            {
                literals.Add(text[at..]);
                break;
            }
            int close = text.IndexOf('}', open);
            literals.Add(text[at..open]);
            slots.Add(s_slotNames[text[(open + 1)..close]]);
            at = close + 1;
        }
        Literals = [.. literals];
        Slots = [.. slots];
    }

    public bool Fits(Domain domain) => (_domains & (1 << (int)domain)) != 0;
}

/// <summary>Templates of one kind, grouped by the domains they fit so that picking one is a single draw.</summary>
internal sealed class TemplateSet
{
    private readonly Template[][] _byDomain;

    public TemplateSet(IReadOnlyList<string> texts)
    {
        var all = new Template[texts.Count];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = new Template(texts[i]);
        }
        _byDomain = new Template[Template.DomainCount][];
        for (int d = 0; d < Template.DomainCount; d++)
        {
            _byDomain[d] = Array.FindAll(all, t => t.Fits((Domain)d));
        }
        Count = all.Length;
    }

    public int Count { get; }

    public Template Pick(Random random, Domain domain)
    {
        var fitting = _byDomain[(int)domain];
        return fitting[random.Next(fitting.Length)];
    }
}

/// <summary>
/// Draws one synthetic feedback row at a time from a seeded <see cref="Random"/>, writing the comment into a reused
/// buffer: nothing is allocated per row.
/// </summary>
internal sealed class FeedbackGenerator
{
    public static readonly DateTime FirstDate = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int SecondsInYear = 365 * 24 * 60 * 60;

    /// <summary>Percent per score 0..10: 25 % detractors, 25 % passives, 50 % promoters.</summary>
    private static readonly int[] s_scoreWeights = [3, 2, 2, 3, 3, 5, 7, 11, 14, 20, 30];

    /// <summary>Percent per segment, in <see cref="SyntheticFeedback.Segments"/> order.</summary>
    private static readonly int[] s_segmentWeights = [38, 27, 16, 12, 7];

    private static readonly TemplateSet s_negative = new(FeedbackPhrases.Negative);
    private static readonly TemplateSet s_positive = new(FeedbackPhrases.Positive);
    private static readonly TemplateSet s_negativeClauses = new(FeedbackPhrases.NegativeClauses);
    private static readonly TemplateSet s_positiveClauses = new(FeedbackPhrases.PositiveClauses);
    private static readonly TemplateSet s_mixed = new(FeedbackPhrases.Mixed);
    private static readonly TemplateSet s_mild = new(FeedbackPhrases.Mild);
    private static readonly TemplateSet s_openers = new(FeedbackPhrases.Openers);
    private static readonly TemplateSet s_negativeClosers = new(FeedbackPhrases.NegativeClosers);
    private static readonly TemplateSet s_positiveClosers = new(FeedbackPhrases.PositiveClosers);
    private static readonly TemplateSet s_passiveClosers = new(FeedbackPhrases.PassiveClosers);

    private readonly Random _random;
    private readonly StringBuilder _comment = new(512);
    private readonly List<Template> _used = new(8);
    private Domain _domain;

    public FeedbackGenerator(int seed) => _random = new Random(seed);

    /// <summary>Templates and clauses in all, for reporting variety.</summary>
    public static int TemplateCount =>
        s_negative.Count + s_positive.Count + s_negativeClauses.Count + s_positiveClauses.Count + s_mixed.Count +
        s_mild.Count + s_openers.Count + s_negativeClosers.Count + s_positiveClosers.Count + s_passiveClosers.Count;

    public DateTime Date { get; private set; }

    public int Score { get; private set; }

    public string Segment { get; private set; } = "";

    /// <summary>The current row's comment; overwritten by <see cref="Next"/>.</summary>
    public StringBuilder Comment => _comment;

    public void Next()
    {
        Date = FirstDate.AddSeconds(_random.Next(SecondsInYear));
        Score = Weighted(s_scoreWeights);
        Segment = SyntheticFeedback.Segments[Weighted(s_segmentWeights)];
        _domain = (Domain)_random.Next(Template.DomainCount);
        _comment.Clear();
        _used.Clear();

        int r = _random.Next(100);
        int sentences = r < 20 ? 1 : r < 62 ? 2 : 3;
        if (Score <= 6)
        {
            Detractor(sentences);
        }
        else if (Score <= 8)
        {
            Passive(sentences);
        }
        else
        {
            Promoter(sentences);
        }
        Roughen();
    }

    private void Detractor(int sentences)
    {
        bool angry = Score <= 3;
        bool opener = sentences >= 2 && Chance(25);
        int rest = sentences - (opener ? 1 : 0);
        bool closer = rest >= 2 && Chance(angry ? 60 : 35);
        int main = rest - (closer ? 1 : 0);

        if (opener)
        {
            Sentence(s_openers);
        }
        for (int i = 0; i < main; i++)
        {
            // A mild detractor often grants something before the complaint; the complaint comes last and weighs most.
            Sentence(!angry && i == 0 && Chance(Score >= 5 ? 35 : 15) ? s_mixed : s_negative);
            if (angry && Chance(20))
            {
                EndWith(Chance(50) ? "!!" : "!");
            }
        }
        if (closer)
        {
            Sentence(s_negativeClosers);
        }
        if (angry && Chance(6))
        {
            Emoji(FeedbackPhrases.NegativeEmoji);
        }
    }

    private void Passive(int sentences)
    {
        int remaining = sentences;
        if (remaining >= 2 && Chance(15))
        {
            Sentence(s_openers);
            remaining--;
        }
        int r = _random.Next(100);
        if (r < 50 || (remaining == 1 && r < 80))
        {
            Sentence(s_mixed);
            remaining--;
        }
        else if (r < 80)
        {
            Sentence(s_positive);
            Sentence(s_negative);
            remaining -= 2;
        }
        else
        {
            Sentence(s_mild);
            remaining--;
        }
        for (; remaining > 0; remaining--)
        {
            Sentence(Chance(50) ? s_passiveClosers : s_mild);
        }
    }

    private void Promoter(int sentences)
    {
        bool opener = sentences >= 2 && Chance(20);
        int rest = sentences - (opener ? 1 : 0);
        bool closer = rest >= 2 && Chance(Score == 10 ? 55 : 40);
        int main = rest - (closer ? 1 : 0);

        if (opener)
        {
            Sentence(s_openers);
        }
        for (int i = 0; i < main; i++)
        {
            Sentence(s_positive);
            if (Score == 10 && Chance(12))
            {
                EndWith("!");
            }
        }
        if (closer)
        {
            Sentence(s_positiveClosers);
        }
        if (Chance(5))
        {
            Emoji(FeedbackPhrases.PositiveEmoji);
        }
    }

    /// <summary>Real comments are not all tidy: a few are typed in lower case or lack the final full stop.</summary>
    private void Roughen()
    {
        int r = _random.Next(100);
        if (r < 3)
        {
            for (int i = 0; i < _comment.Length; i++)
            {
                _comment[i] = char.ToLowerInvariant(_comment[i]);
            }
        }
        else if (r < 8 && _comment[^1] == '.')
        {
            _comment.Length--;
        }
    }

    private void Sentence(TemplateSet set)
    {
        var template = set.Pick(_random, _domain);
        for (int attempt = 0; attempt < 3 && _used.Contains(template); attempt++)
        {
            template = set.Pick(_random, _domain);
        }
        _used.Add(template);

        if (_comment.Length > 0)
        {
            _comment.Append(' ');
        }
        int start = _comment.Length;
        Render(template);
        _comment[start] = char.ToUpperInvariant(_comment[start]);
    }

    private void Render(Template template)
    {
        for (int i = 0; i < template.Slots.Length; i++)
        {
            _comment.Append(template.Literals[i]);
            Fill(template.Slots[i]);
        }
        _comment.Append(template.Literals[^1]);
    }

    private void Fill(Slot slot)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (slot)
        {
            case <= Slot.Channel:
                _comment.Append(Pick(FeedbackPhrases.DomainFillers[(int)_domain][(int)slot]));
                break;
            case Slot.Mins:
                // Mostly round numbers, as people report them, with the odd exact one.
                _comment.Append(inv, $"{(Chance(75) ? 10 + (5 * _random.Next(17)) : _random.Next(11, 95))}");
                break;
            case Slot.ShortMins:
                _comment.Append(inv, $"{_random.Next(2, 11)}");
                break;
            case Slot.Hours:
                _comment.Append(inv, $"{_random.Next(2, 9)}");
                break;
            case Slot.Days:
                _comment.Append(inv, $"{_random.Next(3, 15)}");
                break;
            case Slot.ShortDays:
                _comment.Append(inv, $"{_random.Next(2, 6)}");
                break;
            case Slot.Weeks:
                _comment.Append(inv, $"{_random.Next(2, 9)}");
                break;
            case Slot.Times:
                _comment.Append(inv, $"{_random.Next(3, 10)}");
                break;
            case Slot.Count:
                _comment.Append(inv, $"{_random.Next(4, 10)}");
                break;
            case Slot.Years:
                _comment.Append(inv, $"{_random.Next(2, 21)}");
                break;
            case Slot.Money:
                int r = _random.Next(100);
                if (r < 50)
                {
                    _comment.Append(inv, $"${_random.Next(8, 400)}");
                }
                else if (r < 85)
                {
                    _comment.Append(inv, $"${_random.Next(5, 200)}.{_random.Next(100):D2}");
                }
                else
                {
                    _comment.Append(inv, $"${_random.Next(1000, 5000):N0}");
                }
                break;
            case Slot.SmallMoney:
                _comment.Append(inv, $"${_random.Next(5, 60)}");
                break;
            case Slot.Clock:
                _comment.Append(inv, $"{_random.Next(7, 22)}:{15 * _random.Next(4):D2}");
                break;
            case Slot.Ref:
                _comment.Append(inv, $"#{_random.Next(100_000, 1_000_000)}");
                break;
            case Slot.Day:
                _comment.Append(Pick(FeedbackPhrases.Days));
                break;
            case Slot.Month:
                _comment.Append(Pick(FeedbackPhrases.Months));
                break;
            case Slot.Name:
                _comment.Append(Pick(FeedbackPhrases.Names));
                break;
            case Slot.Ordinal:
                _comment.Append(Pick(FeedbackPhrases.Ordinals));
                break;
            case Slot.Positive:
                Render(s_positiveClauses.Pick(_random, _domain));
                break;
            case Slot.Negative:
                Render(s_negativeClauses.Pick(_random, _domain));
                break;
            default:
                throw new InvalidOperationException($"slot {slot} has no filler");
        }
    }

    /// <summary>Replaces the final full stop of the last sentence.</summary>
    private void EndWith(string ending)
    {
        if (_comment[^1] == '.')
        {
            _comment.Length--;
            _comment.Append(ending);
        }
    }

    private void Emoji(string[] emoji)
    {
        _comment.Append(' ').Append(Pick(emoji));
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private bool Chance(int percent) => _random.Next(100) < percent;

    private int Weighted(int[] percents)
    {
        int r = _random.Next(100);
        for (int i = 0; i < percents.Length; i++)
        {
            r -= percents[i];
            if (r < 0)
            {
                return i;
            }
        }
        return percents.Length - 1;
    }
}
