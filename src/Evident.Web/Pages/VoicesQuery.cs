using System.Globalization;
using Evident.Store.Evidence;
using Evident.Text;

namespace Evident.Web.Pages;

/// <summary>
/// The Voices filters as the address carries them (<c>/voices?theme=wait-time&amp;sentiment=negative</c>), shared by
/// the page and the CSV export. A value that does not parse is dropped, not guessed at. There is no team filter: the
/// team limit comes from who is signed in, never from the address.
/// </summary>
public sealed record VoicesQuery
{
    /// <summary>Longer search terms are cut: a substring search of a page's length finds nothing a shorter one misses.</summary>
    public const int MaxTermLength = 200;

    public static readonly string[] Sentiments = ["positive", "neutral", "negative"];

    public string? Q { get; init; }

    public string? Source { get; init; }

    public string? Segment { get; init; }

    public string? Theme { get; init; }

    public string? Friction { get; init; }

    /// <summary>positive, neutral or negative.</summary>
    public string? Sentiment { get; init; }

    public double? ScoreMin { get; init; }

    public double? ScoreMax { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public static VoicesQuery Parse(IQueryCollection query)
    {
        string? q = Value(query, "q");
        string? sentiment = Value(query, "sentiment");
        return new VoicesQuery
        {
            Q = q is { Length: > MaxTermLength } ? q[..MaxTermLength] : q,
            Source = Value(query, "source"),
            Segment = Value(query, "segment"),
            Theme = Value(query, "theme"),
            Friction = Value(query, "friction"),
            Sentiment = sentiment is not null && Array.IndexOf(Sentiments, sentiment) >= 0 ? sentiment : null,
            ScoreMin = Number(Value(query, "score_min")),
            ScoreMax = Number(Value(query, "score_max")),
            From = Day(Value(query, "from")),
            To = Day(Value(query, "to")),
        };
    }

    /// <summary>What the store reads: these filters, limited to <paramref name="team"/> when the user is frontline.</summary>
    public VoicesFilter Filter(string? team) => new()
    {
        Text = Q,
        Source = Source,
        Segment = Segment,
        Theme = Theme,
        Friction = Friction,
        SentimentLabel = Sentiment switch
        {
            "positive" => (int)SentimentLabel.Positive,
            "neutral" => (int)SentimentLabel.Neutral,
            "negative" => (int)SentimentLabel.Negative,
            _ => null,
        },
        ScoreMin = ScoreMin,
        ScoreMax = ScoreMax,
        From = From,
        To = To,
        Team = team,
    };

    /// <summary>The filters as a query string ("?q=…&amp;theme=…"), with a page number when past the first.</summary>
    public string ToQueryString(long page = 1)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(name, value));
            }
        }

        Add("q", Q);
        Add("source", Source);
        Add("segment", Segment);
        Add("theme", Theme);
        Add("friction", Friction);
        Add("sentiment", Sentiment);
        Add("score_min", NumberText(ScoreMin));
        Add("score_max", NumberText(ScoreMax));
        Add("from", DayText(From));
        Add("to", DayText(To));
        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        return QueryString.Create(pairs).ToUriComponent();
    }

    public static string? NumberText(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    public static string? DayText(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
