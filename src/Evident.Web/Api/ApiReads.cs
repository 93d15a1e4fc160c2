using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Evident.Core.Evidence;
using Evident.Store.Evidence;
using Evident.Web.Data;
using Evident.Web.Pages;
using Evident.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Web.Api;

/// <summary>
/// The reading endpoints: the same evidence the pages show, computed and kept by <see cref="EvidenceService"/>. The
/// handlers bind the query parameters they take so that the OpenAPI document lists them, and read them through
/// <see cref="QueryCheck"/>, which also refuses any parameter they do not take.
/// </summary>
public static class ApiReads
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Far enough for any workspace, near enough that the offset cannot overflow (as on the Voices page).</summary>
    public const long LastPage = 100_000_000;

    public static readonly string[] Periods = ["day", "week", "month"];

    public static readonly string[] Groupings = [.. EvidenceReader.RollupGroups, .. EvidenceReader.RowGroups];

    public static async Task<IResult> MetricsAsync(
        HttpRequest request, EvidenceService evidence,
        [Description("day, week or month (default month)")] string? period,
        [Description("group the figures by source, segment, channel, team or region")] string? by,
        CancellationToken cancellation)
    {
        var check = new QueryCheck(request.Query);
        check.Only("period", "by");
        period = check.OneOf("period", Periods) ?? "month";
        by = check.OneOf("by", Groupings);
        if (check.Problem() is { } problem)
        {
            return problem;
        }

        var scorecard = await evidence.ScorecardAsync(Period.Parse(period), by, cancellation);
        return TypedResults.Ok(MetricsResponse.Of(period, scorecard));
    }

    public static async Task<IResult> ThemesAsync(
        HttpRequest request, EvidenceService evidence, [Description("day, week or month (default month)")] string? period, CancellationToken cancellation)
    {
        if (!TryPeriod(request, out string name, out var problem))
        {
            return problem;
        }

        var topics = await evidence.TopicsAsync(Period.Parse(name), cancellation);
        await evidence.AnalyzerAsync(cancellation); // the taxonomy that names the themes, fetched without blocking a thread
        return TypedResults.Ok(new ThemesResponse(name, [.. topics.Themes.Select(t => TopicDto.Of(t, evidence.ThemeName(t.Name)))]));
    }

    public static async Task<IResult> DriversAsync(
        HttpRequest request, EvidenceService evidence, [Description("day, week or month (default month)")] string? period, CancellationToken cancellation)
    {
        if (!TryPeriod(request, out string name, out var problem))
        {
            return problem;
        }

        var topics = await evidence.TopicsAsync(Period.Parse(name), cancellation);
        await evidence.AnalyzerAsync(cancellation); // the taxonomy that names the themes, fetched without blocking a thread
        return TypedResults.Ok(new DriversResponse(name,
            DriverMapDto.Of(topics.Themes, t => evidence.ThemeName(t.Name)),
            DriverMapDto.Of(topics.Friction, t => t.Name)));
    }

    public static async Task<IResult> FrictionAsync(
        HttpRequest request, EvidenceService evidence, [Description("day, week or month (default month)")] string? period, CancellationToken cancellation)
    {
        if (!TryPeriod(request, out string name, out var problem))
        {
            return problem;
        }

        var page = await evidence.FrictionAsync(Period.Parse(name), cancellation);
        return TypedResults.Ok(new FrictionResponse(
            name,
            [.. page.Friction.Select(f => TopicDto.Of(f, f.Name))],
            [.. page.ByStage.Select(StageDto.Of)],
            page.Operations is { } operations ? OperationsDto.Of(operations) : null,
            SayDoDto.Of(page.SayDo)));
    }

    // The Voices filters (VoicesQuery), checked first: the page drops a value that does not parse, the API says which
    // parameter was wrong and what it expects. (A comment, not XML documentation: that would replace the summary in
    // the OpenAPI document.)
    public static async Task<IResult> VerbatimsAsync(
        HttpContext context, EvidenceService evidence, [AsParameters] VerbatimsParameters parameters, CancellationToken cancellation)
    {
        _ = parameters; // bound for the OpenAPI document; read and checked from the query below
        var check = new QueryCheck(context.Request.Query);
        check.Only(VerbatimsParameters.Names);
        check.Text("q", VoicesQuery.MaxTermLength);
        check.Text("source");
        check.Text("segment");
        check.Text("theme");
        check.Text("friction");
        check.OneOf("sentiment", VoicesQuery.Sentiments);
        double? scoreMin = check.Number("score_min"), scoreMax = check.Number("score_max");
        if (scoreMin > scoreMax)
        {
            check.Add("score_min", "must not be above score_max");
        }

        DateOnly? from = check.Day("from"), to = check.Day("to");
        if (from > to)
        {
            check.Add("from", "must not be after to");
        }

        long page = check.Whole("page", 1, LastPage, 1);
        int pageSize = (int)check.Whole("page_size", 1, MaxPageSize, DefaultPageSize);
        if (check.Problem() is { } problem)
        {
            return problem;
        }

        // Every value parses, so the page's parser keeps them all.
        var query = VoicesQuery.Parse(context.Request.Query);
        var filter = query.Filter(Roles.TeamLimit(context.User));
        await using var workspace = await evidence.OpenAsync(cancellation);
        // Read from the store directly: the page's VoicesAsync also marks each text up as HTML, which the API does not need.
        var reader = new VoicesReader(workspace);
        long total = await reader.CountAsync(filter, cancellation);
        if (total == 0 && await UnknownFilterAsync(evidence, query, check, cancellation) is { } unknown)
        {
            return unknown;
        }

        long offset = (page - 1) * pageSize;
        var rows = offset < total ? await reader.ReadPageAsync(filter, offset, pageSize, cancellation) : [];
        string? next = offset + pageSize < total ? NextLink(query, page + 1, pageSize) : null;
        return TypedResults.Ok(new VerbatimsResponse(total, page, pageSize, [.. rows.Select(VerbatimDto.Of)], next));
    }

    /// <summary>
    /// A theme or friction kind that nothing is known by, as a problem: a misspelt one would otherwise return no
    /// verbatims, as if none were said. Asked only when nothing matched, so a theme the taxonomy no longer has but
    /// stored comments still carry (removed, not yet re-analysed) still finds them.
    /// </summary>
    private static async Task<IResult?> UnknownFilterAsync(EvidenceService evidence, VoicesQuery query, QueryCheck check, CancellationToken cancellation)
    {
        var analyzer = await evidence.AnalyzerAsync(cancellation);
        if (query.Theme is { } theme && analyzer.Lexicons.Taxonomy.Find(theme) is null)
        {
            check.Add("theme", $"no theme \"{QueryCheck.Shorten(theme)}\"; /api/v1/themes lists the themes by id");
        }

        check.OneOf("friction", [.. analyzer.Lexicons.SignalLabels.Where(l => l.Category == "friction").Select(l => l.Label).Distinct().Order(StringComparer.Ordinal)]);
        return check.Problem();
    }

    private static string NextLink(VoicesQuery query, long page, int pageSize)
    {
        string filters = query.ToQueryString();
        string paging = $"page={page}" + (pageSize != DefaultPageSize ? $"&page_size={pageSize}" : "");
        return $"{ApiEndpoints.Prefix}/verbatims{(filters.Length > 0 ? filters + "&" : "?")}{paging}";
    }

    /// <summary>The period asked for (month by default), or the problem with it; no other parameter is taken.</summary>
    private static bool TryPeriod(HttpRequest request, out string period, [NotNullWhen(false)] out IResult? problem)
    {
        var check = new QueryCheck(request.Query);
        check.Only("period");
        period = check.OneOf("period", Periods) ?? "month";
        problem = check.Problem();
        return problem is null;
    }
}

/// <summary>The filters and paging of GET /api/v1/verbatims, as the OpenAPI document lists them.</summary>
public sealed record VerbatimsParameters(
    [property: FromQuery(Name = "q"), Description("text the comment contains (case-insensitive), at most 200 characters")] string? Q,
    [property: FromQuery(Name = "source"), Description("the source, e.g. survey")] string? Source,
    [property: FromQuery(Name = "segment"), Description("the customer segment")] string? Segment,
    [property: FromQuery(Name = "theme"), Description("a theme id, as /api/v1/themes lists them")] string? Theme,
    [property: FromQuery(Name = "friction"), Description("a friction kind, as /api/v1/friction lists them")] string? Friction,
    [property: FromQuery(Name = "sentiment"), Description("positive, neutral or negative")] string? Sentiment,
    [property: FromQuery(Name = "score_min"), Description("lowest score, included")] string? ScoreMin,
    [property: FromQuery(Name = "score_max"), Description("highest score, included")] string? ScoreMax,
    [property: FromQuery(Name = "from"), Description("first day, yyyy-MM-dd, included")] string? From,
    [property: FromQuery(Name = "to"), Description("last day, yyyy-MM-dd, included")] string? To,
    [property: FromQuery(Name = "page"), Description("page number from 1 (default 1)")] string? Page,
    [property: FromQuery(Name = "page_size"), Description("comments per page, 1 to 200 (default 50)")] string? PageSize)
{
    public static readonly string[] Names = ["q", "source", "segment", "theme", "friction", "sentiment", "score_min", "score_max", "from", "to", "page", "page_size"];
}
