using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using Evident.Core.Evidence;

namespace Evident.Store.Evidence;

/// <summary>
/// Which customer comments to read. Every condition is optional; <see cref="Team"/> is the one a caller must set from
/// who is asking (a frontline user's team), never from the request.
/// </summary>
public sealed record VoicesFilter
{
    /// <summary>
    /// Words (all required) and "quoted phrases" the text holds, matched on their stems by the full-text index
    /// (<see cref="SearchTerms"/>); a search without a word in it (<c>%</c>) is a case-insensitive substring.
    /// </summary>
    public string? Text { get; init; }

    public string? Source { get; init; }

    public string? Segment { get; init; }

    /// <summary>A theme id the comment names (feedback_theme).</summary>
    public string? Theme { get; init; }

    /// <summary>A friction kind the comment shows (feedback_friction).</summary>
    public string? Friction { get; init; }

    /// <summary>The stored sentiment label: -1, 0 or 1.</summary>
    public int? SentimentLabel { get; init; }

    public double? ScoreMin { get; init; }

    public double? ScoreMax { get; init; }

    /// <summary>First and last day, both included.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Only this team's comments; "" (a frontline user without a team) matches none.</summary>
    public string? Team { get; init; }
}

/// <summary>A customer comment as Voices lists and exports it: the stored columns, its themes and friction kinds.</summary>
public sealed record VoiceRow(
    long Id,
    DateTimeOffset At,
    string Source,
    string? Segment,
    string? Team,
    string? Channel,
    string? ScoreKind,
    double? Score,
    double? Sentiment,
    int? SentimentLabel,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Friction,
    string Text)
{
    /// <summary>The source's id for the comment (or <c>sha256:…</c> of its content): with <see cref="Source"/>, its key.</summary>
    public string ExternalId { get; init; } = "";
}

/// <summary>The values the filters can take in a workspace: sources, segments, theme ids and friction kinds present.</summary>
public sealed record VoicesChoices(IReadOnlyList<string> Sources, IReadOnlyList<string> Segments, IReadOnlyList<string> Themes, IReadOnlyList<string> Friction);

/// <summary>
/// Customer comments (subject 'customer', with text) by filter, newest first: counted, read a page at a time, or
/// streamed for export. Employee comments are never read here: they are shown only in anonymised figures. A reader
/// is for one request: it remembers what the full-text index told it (how many matches, whether it had caught up).
/// </summary>
/// <remarks>
/// Pages run newest day first and, within a day, the comment stored last first: the order of <c>feedback_by_day</c>
/// (workspace, day, then the row's id), read without sorting, which stops once a page is full, so a page touches its
/// own rows however large the workspace. (Sorting each day by the instant instead made SQLite compute every column of
/// a whole day's comments before keeping fifty: 9 ms became 140 ms a page over a million rows.) Counts come from the rollup when it can tell them. Theme
/// and friction are <c>id IN (…)</c> over their tables' (workspace, theme|kind, feedback_id) indexes. The text search
/// goes through the full-text index (migration 0007): on SQLite the FTS5 table, counted from the index alone when no
/// other condition is asked, and read from the matches outward when they are few; on PostgreSQL the GIN index of
/// the stored <c>search</c> column (<c>to_tsvector('english', text)</c>, migration 0012), counted only so far when
/// asked (<see cref="CountUpToAsync"/>). While SQLite's index has not caught up with the latest import
/// (<see cref="SearchIndex"/>), and for a search with no word in it, the text is matched as a substring (<c>LIKE</c>,
/// which folds case for ASCII letters only; <c>ILIKE</c>), which reads every text the other conditions leave.
/// </remarks>
public sealed class VoicesReader(Workspace workspace)
{
    /// <summary>What a search term's wildcard characters are escaped with in the <c>LIKE</c> pattern.</summary>
    private const char LikeEscape = '\\';

    /// <summary>Full-text matches counted by this reader (a page's count and its rows ask the same), by FTS5 query.</summary>
    private readonly Dictionary<string, long> indexMatches = new(StringComparer.Ordinal);

    /// <summary>Whether SQLite's full-text index had caught up when this reader first asked.</summary>
    private bool? indexCurrent;

    private DbConnection Connection => workspace.Connection;

    private bool Sqlite => workspace.Dialect == StoreDialect.Sqlite;

    /// <summary>
    /// How many comments match: from the rollup when it keeps every condition asked (source, segment, one theme or
    /// friction kind, sentiment, days), else from the rows.
    /// </summary>
    public async Task<long> CountAsync(VoicesFilter filter, CancellationToken cancellation = default) =>
        (await CountUpToAsync(filter, null, cancellation)).Count;

    /// <summary>
    /// As <see cref="CountAsync(VoicesFilter, CancellationToken)"/>, but a PostgreSQL text search stops counting past
    /// <paramref name="upTo"/>: its GIN index cannot count, so an exact count visits every match's row (a common word over
    /// a million comments: 750 ms; a thousand of them: 15 ms). <c>AtLeast</c> says the count is <paramref name="upTo"/> + 1
    /// and there are more. Every other count is exact.
    /// </summary>
    public async Task<(long Count, bool AtLeast)> CountUpToAsync(VoicesFilter filter, long? upTo, CancellationToken cancellation = default)
    {
        if (upTo is long bound && !Sqlite && !SearchTerms.Parse(filter.Text).IsEmpty)
        {
            var bounded = await QueryAsync(filter, counting: true, cancellation);
            bounded.Parameters.Add("bound", bound + 1);
            long found = await Scalar($"SELECT count(*) FROM (SELECT 1 FROM {bounded.From} WHERE {bounded.Where} LIMIT @bound) matched", bounded.Parameters, cancellation);
            return (found, found > bound);
        }

        return (await ExactCountAsync(filter, cancellation), false);
    }

    private async Task<long> ExactCountAsync(VoicesFilter filter, CancellationToken cancellation)
    {
        if (RollupCount(filter) is { } rollup)
        {
            return await Scalar(rollup.Sql, rollup.Parameters, cancellation);
        }

        var query = await QueryAsync(filter, counting: true, cancellation);
        if (query.IndexMatches is long matches && filter with { Text = null } == new VoicesFilter())
        {
            return matches; // the index holds exactly the customer comments with text, each workspace's marked
        }

        return await Scalar($"SELECT count(*) FROM {query.From} WHERE {query.Where}", query.Parameters, cancellation);
    }

    private async Task<long> Scalar(string sql, DynamicParameters parameters, CancellationToken cancellation) =>
        Convert.ToInt64(await Connection.ExecuteScalarAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellation)), CultureInfo.InvariantCulture);

    /// <summary>
    /// The count summed from <c>feedback_rollup</c>, whose <c>with_text</c>, <c>positive</c> and <c>negative</c> count
    /// the analysed comments (every stored text is analysed) with the sentiment label's thresholds; null when a
    /// condition is one the rollup does not keep (text, team, score, a theme and a friction kind together).
    /// </summary>
    private (string Sql, DynamicParameters Parameters)? RollupCount(VoicesFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Text) || filter.Team is not null || filter.ScoreMin is not null || filter.ScoreMax is not null
            || (!string.IsNullOrEmpty(filter.Theme) && !string.IsNullOrEmpty(filter.Friction)))
        {
            return null;
        }

        string counted = filter.SentimentLabel switch
        {
            null => "with_text",
            1 => "positive",
            -1 => "negative",
            0 => "with_text - positive - negative",
            _ => "0",
        };
        var parameters = new DynamicParameters();
        parameters.Add("workspace", workspace.Id);
        parameters.Add("theme", !string.IsNullOrEmpty(filter.Theme) ? filter.Theme
            : !string.IsNullOrEmpty(filter.Friction) ? FeedbackSums.FrictionPrefix + filter.Friction : "");
        var where = new StringBuilder("workspace_id = @workspace AND subject = 'customer' AND theme = @theme");
        Equal(where, parameters, "source", "source", filter.Source);
        Equal(where, parameters, "segment", "segment", filter.Segment);
        Days(where, parameters, "day", filter);
        return ($"SELECT coalesce(sum({counted}), 0) FROM feedback_rollup WHERE {where}", parameters);
    }

    /// <summary>
    /// One page, newest day first, each day's comments by id, last stored first, so that pages neither repeat nor skip a row. A far page
    /// costs the rows before it (OFFSET), which is fine for people paging; export reads everything in one pass.
    /// </summary>
    public async Task<IReadOnlyList<VoiceRow>> ReadPageAsync(VoicesFilter filter, long offset, int limit, CancellationToken cancellation = default)
    {
        var rows = new List<VoiceRow>(limit);
        await foreach (var row in ReadAsync(filter, offset, limit, cancellation))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The newest <paramref name="limit"/> matching comments, read as they are consumed (for a streamed export).</summary>
    public IAsyncEnumerable<VoiceRow> StreamAsync(VoicesFilter filter, int limit, CancellationToken cancellation = default) =>
        ReadAsync(filter, 0, limit, cancellation);

    /// <summary>What the filters can offer, from the rollup (a few hundred rows, not the comments).</summary>
    public async Task<VoicesChoices> ReadChoicesAsync(CancellationToken cancellation = default)
    {
        var parameters = new { workspace = workspace.Id };
        async Task<IReadOnlyList<string>> Distinct(string column, string condition) =>
        [
            .. (await Connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT DISTINCT {column} FROM feedback_rollup WHERE workspace_id = @workspace AND subject = 'customer' AND {condition}",
                parameters, cancellationToken: cancellation)))
            .Where(value => value.Length > 0).Order(StringComparer.Ordinal),
        ];

        var friction = await Distinct("theme", "theme LIKE 'friction:%'");
        return new VoicesChoices(
            await Distinct("source", "theme = ''"),
            await Distinct("segment", "theme = ''"),
            await Distinct("theme", "theme <> '' AND theme NOT LIKE 'friction:%'"),
            [.. friction.Select(kind => kind[FeedbackSums.FrictionPrefix.Length..])]);
    }

    private async IAsyncEnumerable<VoiceRow> ReadAsync(VoicesFilter filter, long offset, int limit, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var (from, where, parameters, _) = await QueryAsync(filter, counting: false, cancellation);
        parameters.Add("limit", limit);
        parameters.Add("offset", offset);
        // The themes of each row come from feedback_theme's primary key (feedback_id, theme): a few index reads a row.
        string themes = Sqlite
            ? "(SELECT group_concat(x.theme, ',') FROM feedback_theme x WHERE x.feedback_id = f.id)"
            : "(SELECT string_agg(x.theme, ',' ORDER BY x.theme) FROM feedback_theme x WHERE x.feedback_id = f.id)";
        string sql = $"""
            SELECT f.id, f.created_at, f.source, f.segment, f.team, f.channel, f.score_kind, f.score, f.sentiment, f.sentiment_label, {themes}, f.friction, f.text, f.external_id
            FROM {from} WHERE {where}
            ORDER BY f.day DESC, f.id DESC LIMIT @limit OFFSET @offset
            """;
        await using var reader = await Connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellation));
        while (await reader.ReadAsync(cancellation))
        {
            yield return new VoiceRow(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                Time(reader.GetValue(1)),
                reader.GetString(2),
                Text(reader, 3),
                Text(reader, 4),
                Text(reader, 5),
                Text(reader, 6),
                Number(reader, 7),
                Number(reader, 8),
                reader.IsDBNull(9) ? null : Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
                List(Text(reader, 10)),
                List(Text(reader, 11)),
                reader.GetString(12))
            {
                ExternalId = reader.GetString(13),
            };
        }
    }

    /// <summary>
    /// Fewer full-text matches than this are read from the matches outward (each one's row found by id, then sorted);
    /// more are read in time order, each row checked against the matches, which stops as soon as a page is full.
    /// </summary>
    private const long FewMatches = 2_000;

    /// <summary>
    /// The rows <paramref name="filter"/> asks for: what to read them from, the conditions with every value bound as a
    /// parameter, and, when the full-text index answered, how many comments it matched.
    /// </summary>
    /// <param name="counting">Rows to count, not to page through: full-text matches are always read outward (a row
    /// found by id for each), which beats walking every comment in time order when no page fills up early.</param>
    private async Task<Query> QueryAsync(VoicesFilter filter, bool counting, CancellationToken cancellation)
    {
        var (where, parameters) = Where(filter);
        string from = "feedback f";
        long? matches = null;
        var terms = SearchTerms.Parse(filter.Text);
        if (string.IsNullOrEmpty(filter.Text))
        {
            // No search.
        }
        else if (terms.IsEmpty)
        {
            Substring(where, parameters, "pattern", filter.Text);
        }
        else if (Sqlite && !(indexCurrent ??= await SearchIndex.IsCurrentAsync(workspace, cancellation)))
        {
            // Each word or phrase as a substring, all required: what the index would find, short of the stems.
            for (int i = 0; i < terms.Groups.Count; i++)
            {
                Substring(where, parameters, "pattern" + i.ToString(CultureInfo.InvariantCulture), string.Join(' ', terms.Groups[i]));
            }
        }
        else if (Sqlite)
        {
            parameters.Add("match", terms.ToFts5(SearchIndex.WorkspaceToken(workspace)));
            string match = parameters.Get<string>("match");
            if (!indexMatches.TryGetValue(match, out long counted))
            {
                counted = await Scalar("SELECT count(*) FROM feedback_search WHERE feedback_search MATCH @match", parameters, cancellation);
                indexMatches[match] = counted;
            }

            matches = counted;
            if (counting && filter with { Text = null, Theme = null, Friction = null } == new VoicesFilter())
            {
                // Only sets of ids besides the words (a theme, a friction kind): counted from the index and those sets,
                // without reading a comment's row (matching each of 18,000 "waiting" matches to its row took 420-580 ms;
                // this 120). The + keeps SQLite from handing the id set to FTS5, which then ran the match once per id (14 s).
                var sets = new StringBuilder("feedback_search MATCH @match");
                if (!string.IsNullOrEmpty(filter.Theme))
                {
                    sets.Append(" AND +feedback_search.rowid IN (SELECT feedback_id FROM feedback_theme WHERE workspace_id = @workspace AND theme = @theme)");
                }

                if (!string.IsNullOrEmpty(filter.Friction))
                {
                    sets.Append(" AND +feedback_search.rowid IN (SELECT feedback_id FROM feedback_friction WHERE workspace_id = @workspace AND kind = @friction)");
                }

                return new Query("feedback_search", sets.ToString(), parameters, matches);
            }

            if (counting || matches <= FewMatches)
            {
                from = "feedback_search CROSS JOIN feedback f ON f.id = feedback_search.rowid";
                where.Append(" AND feedback_search MATCH @match");
            }
            else
            {
                where.Append(" AND f.id IN (SELECT rowid FROM feedback_search WHERE feedback_search MATCH @match)");
            }
        }
        else
        {
            // The stored tsvector and the partial index's conditions (in Where) as migration 0012 names them. Each word
            // or phrase is its own tsquery, built from the words the import stored (PostgresSearch); one made only of
            // stop words ("the", "not"), which no vector holds, is matched as a substring instead.
            var phrases = new List<string>();
            for (int i = 0; i < terms.Groups.Count; i++)
            {
                if (PostgresSearch.Phrase(terms.Groups[i]) is string phrase)
                {
                    phrases.Add("(" + phrase + ")");
                }
                else
                {
                    Substring(where, parameters, "pattern" + i.ToString(CultureInfo.InvariantCulture), string.Join(' ', terms.Groups[i]));
                }
            }

            if (phrases.Count > 0)
            {
                parameters.Add("query", string.Join(" & ", phrases));
                where.Append(" AND f.search @@ @query::tsquery");
            }
        }

        return new Query(from, where.ToString(), parameters, matches);
    }

    private void Substring(StringBuilder where, DynamicParameters parameters, string name, string text)
    {
        where.Append(CultureInfo.InvariantCulture, $" AND f.text {(Sqlite ? "LIKE" : "ILIKE")} @{name} ESCAPE '\\'");
        parameters.Add(name, "%" + EscapeLike(text) + "%");
    }

    private sealed record Query(string From, string Where, DynamicParameters Parameters, long? IndexMatches);

    /// <summary>The conditions of <paramref name="filter"/> but its text, every value bound as a parameter.</summary>
    private (StringBuilder Where, DynamicParameters Parameters) Where(VoicesFilter filter)
    {
        var parameters = new DynamicParameters();
        parameters.Add("workspace", workspace.Id);
        var where = new StringBuilder("f.workspace_id = @workspace AND f.subject = 'customer' AND f.text IS NOT NULL");
        if (filter.Team is string team)
        {
            // A frontline user with no team sees nothing, not the comments that have no team.
            where.Append(team.Length == 0 ? " AND 1 = 0" : " AND f.team = @team");
            parameters.Add("team", team);
        }

        Equal(where, parameters, "f.source", "source", filter.Source);
        Equal(where, parameters, "f.segment", "segment", filter.Segment);
        if (!string.IsNullOrEmpty(filter.Theme))
        {
            where.Append(" AND f.id IN (SELECT feedback_id FROM feedback_theme WHERE workspace_id = @workspace AND theme = @theme)");
            parameters.Add("theme", filter.Theme);
        }

        if (!string.IsNullOrEmpty(filter.Friction))
        {
            where.Append(" AND f.id IN (SELECT feedback_id FROM feedback_friction WHERE workspace_id = @workspace AND kind = @friction)");
            parameters.Add("friction", filter.Friction);
        }

        if (filter.SentimentLabel is int label)
        {
            where.Append(" AND f.sentiment_label = @label");
            parameters.Add("label", label);
        }

        if (filter.ScoreMin is double scoreMin)
        {
            where.Append(" AND f.score >= @scoreMin");
            parameters.Add("scoreMin", scoreMin);
        }

        if (filter.ScoreMax is double scoreMax)
        {
            where.Append(" AND f.score <= @scoreMax");
            parameters.Add("scoreMax", scoreMax);
        }

        Days(where, parameters, "f.day", filter);
        return (where, parameters);
    }

    private void Days(StringBuilder where, DynamicParameters parameters, string column, VoicesFilter filter)
    {
        if (filter.From is DateOnly from)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} >= @from");
            parameters.Add("from", DayValue(from));
        }

        if (filter.To is DateOnly to)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} <= @to");
            parameters.Add("to", DayValue(to));
        }
    }

    private static void Equal(StringBuilder where, DynamicParameters parameters, string column, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} = @{name}");
            parameters.Add(name, value);
        }
    }

    /// <summary>SQLite keeps days as 'yyyy-MM-dd' text; PostgreSQL as date.</summary>
    private object DayValue(DateOnly day) => Sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    /// <summary>The term with <c>%</c>, <c>_</c> and the escape character itself made literal.</summary>
    public static string EscapeLike(string term)
    {
        var escaped = new StringBuilder(term.Length + 4);
        foreach (char c in term)
        {
            if (c is '%' or '_' or LikeEscape)
            {
                escaped.Append(LikeEscape);
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string[] List(string? commaSeparated) =>
        commaSeparated is null ? [] : commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static double? Number(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(object value) => value switch
    {
        string text => StoreTime.Parse(text),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        _ => throw new InvalidCastException($"a time stored as {value.GetType()}"),
    };
}
