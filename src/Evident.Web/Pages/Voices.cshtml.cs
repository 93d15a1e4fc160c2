using System.Globalization;
using Evident.Store.Evidence;
using Evident.Web.Data;
using Evident.Web.Pages.Shared;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>
/// Every customer comment, searched and filtered through the address, newest first, with the spans behind its signals
/// marked. A frontline user sees only their team's comments: the team is a condition of the query, set from who is
/// signed in.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class VoicesModel(EvidenceService evidence) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The most rows an export holds (the newest first).</summary>
    public const int ExportLimit = 100_000;

    /// <summary>Far enough for any workspace, near enough that the offset cannot overflow.</summary>
    private const long LastPage = 100_000_000;

    public EvidenceService Evidence => evidence;

    public VoicesQuery Query { get; private set; } = new();

    /// <summary>The team a frontline user is limited to; null for everyone else.</summary>
    public string? Team { get; private set; }

    public VoicesChoices Choices { get; private set; } = new([], [], [], []);

    public long Count { get; private set; }

    /// <summary>Whether more comments match than <see cref="Count"/> − 1 (a PostgreSQL search counts only so far).</summary>
    public bool CountIsAtLeast { get; private set; }

    /// <summary>How many comments match, as the page says it: "1,234", or "More than 500" when counting stopped short.</summary>
    public string CountText => CountIsAtLeast ? "More than " + Show.Count(Count - 1) : Show.Count(Count);

    /// <summary>How many pages there are, as the pager says it: "25", or "more than 10".</summary>
    public string PageCountText => CountIsAtLeast ? "more than " + Show.Count((Count - 1) / PageSize) : Show.Count(PageCount);

    public IReadOnlyList<Voice> Voices { get; private set; } = [];

    public long PageNumber { get; private set; } = 1;

    public long FirstShown => (PageNumber - 1) * PageSize + 1;

    public long PageCount => Math.Max(1, (Count + PageSize - 1) / PageSize);

    public bool HasPrevious => PageNumber > 1;

    /// <summary>The page before this one, or the last page when the address asked for one past it.</summary>
    public long PreviousPage => Math.Min(PageNumber - 1, PageCount);

    public bool HasNext => PageNumber * PageSize < Count;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Query = VoicesQuery.Parse(Request.Query);
        Team = Roles.TeamLimit(User);
        PageNumber = long.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out long page) ? Math.Clamp(page, 1, LastPage) : 1;
        var choices = evidence.VoicesChoicesAsync(cancellation);
        var found = await evidence.VoicesAsync(Query.Filter(Team), (PageNumber - 1) * PageSize, PageSize, cancellation);
        Count = found.Count;
        CountIsAtLeast = found.AtLeast;
        Voices = found.Voices;
        Choices = await choices;
    }

    /// <summary>The options of a dropdown: the values present, and the one asked for even when it is not among them.</summary>
    public static IReadOnlyList<string> WithCurrent(IReadOnlyList<string> values, string? current) =>
        current is null || values.Contains(current) ? values : [.. values, current];

    public string PageLink(long page) => "/voices" + Query.ToQueryString(page);

    public string ExportLink => "/voices/export.csv" + Query.ToQueryString();

    public static string SentimentName(int? label) => label switch
    {
        1 => "positive",
        0 => "neutral",
        -1 => "negative",
        _ => "not analysed",
    };

    /// <summary>Where a comment came from and its score: source, segment, team, channel, score (those it has).</summary>
    public static IEnumerable<string> Origin(VoiceRow row)
    {
        yield return row.Source;
        if (row.Segment is not null)
        {
            yield return "segment " + row.Segment;
        }

        if (row.Team is not null)
        {
            yield return "team " + row.Team;
        }

        if (row.Channel is not null)
        {
            yield return row.Channel;
        }

        if (row.Score is not null)
        {
            yield return Score(row);
        }
    }

    public static string Score(VoiceRow row) => row.Score is double score
        ? $"{ScoreKindName(row.ScoreKind)} {score.ToString("0.#", CultureInfo.InvariantCulture)}"
        : "";

    private static string ScoreKindName(string? kind) => kind switch
    {
        "nps" or "csat" or "ces" => kind.ToUpperInvariant(),
        null => "score",
        _ => kind,
    };
}
