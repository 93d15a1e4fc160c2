using System.Data.Common;
using System.Globalization;
using Dapper;
using Evident.Core.Evidence;
using Evident.Text;

namespace Evident.Store.Evidence;

/// <summary>Which rollup rows to read: every row (theme ''), the rows per theme, or the rows per friction kind.</summary>
public enum RollupSlice { All, Themes, Friction }

/// <summary>
/// Reads what the evidence is computed from. Scores, themes and friction come from <c>feedback_rollup</c> (never a
/// scan of the feedback rows) when grouped by nothing, source, segment or channel; grouping by team or region sums the
/// feedback rows themselves (an index scan of the workspace). Interactions, journey events and communications are read
/// as rows (they have no rollup yet). All SQL is parameterised; values are bound, never spliced in.
/// </summary>
public sealed class EvidenceReader(Workspace workspace)
{
    /// <summary>Groupings served by the rollup.</summary>
    public static readonly IReadOnlyList<string> RollupGroups = ["source", "segment", "channel"];

    /// <summary>Groupings the theme and friction rows of the rollup keep (they are not kept per channel).</summary>
    public static readonly IReadOnlyList<string> TopicGroups = ["source", "segment"];

    /// <summary>Groupings summed from the feedback rows.</summary>
    public static readonly IReadOnlyList<string> RowGroups = ["team", "region"];

    /// <summary>
    /// What topics (themes, friction kinds) are computed from: mentions, the classes of the score distribution that
    /// NPS and top-2-box read (0–3 in bucket 0, 4–5 in bucket 4, 6, 7–8 in bucket 7, 9–10 in bucket 9), aspect sentiment
    /// and effort. Score sums, the rows' sentiment sums, positive, negative and with-friction are not read (zero): over
    /// a million rows this takes SQLite's adding-up of 45,000 theme rows from about 190 ms to 100 ms.
    /// </summary>
    private static readonly string s_topicSums =
        "sum(n), sum(with_text), 0, 0, sum(s0 + s1 + s2 + s3), 0, 0, 0, sum(s4 + s5), 0, sum(s6), sum(s7 + s8), 0, sum(s9 + s10), 0"
        + ", 0, 0, 0, 0, sum(theme_sentiment_sum), sum(effort_sum), 0";

    private static readonly string s_sums =
        "sum(n), sum(with_text), sum(score_sum), sum(score_sq_sum), " + string.Join(", ", Enumerable.Range(0, 11).Select(i => $"sum(s{i})"))
        + ", sum(sentiment_sum), sum(sentiment_sq_sum), sum(positive), sum(negative), sum(theme_sentiment_sum), sum(effort_sum), sum(with_friction)";

    private DbConnection Connection => workspace.Connection;

    private bool Sqlite => workspace.Dialect == StoreDialect.Sqlite;

    /// <param name="subject">customer or employee.</param>
    /// <param name="slice">For <see cref="RollupSlice.Themes"/> and <see cref="RollupSlice.Friction"/> only what topics use is
    /// read (mentions, the score classes of NPS and top-2-box, aspect sentiment, effort): score sums, the rows' sentiment
    /// sums, positive, negative and with-friction counts are zero, and the distribution is coarsened to those classes.</param>
    /// <param name="by">null, or a grouping from <see cref="RollupGroups"/> or <see cref="RowGroups"/>.</param>
    /// <param name="periods">
    /// Sums per week or month rather than per day, for a reader that only asks which period a row falls in (topics:
    /// <see cref="Period.Label"/>): each row's day is its period's first (the month's first day, the ISO week's Monday).
    /// Over a million comments the theme rows come back as 1,000 rows instead of 10,000, and carrying each row into .NET
    /// costs more than SQLite's summing. Rollup groupings only; rows summed from the feedback keep their days.
    /// </param>
    public async Task<IReadOnlyList<FeedbackSums>> ReadFeedbackSumsAsync(
        string subject, string? by = null, RollupSlice slice = RollupSlice.All, PeriodKind? periods = null, CancellationToken cancellation = default)
    {
        string sql;
        if (by is null || (slice == RollupSlice.All ? RollupGroups : TopicGroups).Contains(by))
        {
            string? periodStart = periods switch
            {
                PeriodKind.Month => Sqlite ? "date(d.day, 'start of month')" : "CAST(date_trunc('month', d.day::timestamp) AS date)",
                PeriodKind.Week => Sqlite ? "date(d.day, 'weekday 0', '-6 days')" : "CAST(date_trunc('week', d.day::timestamp) AS date)",
                _ => null,
            };
            string group = by ?? "''";
            string grouping = by is null ? "" : ", " + by; // PostgreSQL refuses a constant in GROUP BY
            string filter = slice switch
            {
                RollupSlice.All => "theme = ''",
                RollupSlice.Themes => "theme <> '' AND theme NOT LIKE 'friction:%'",
                _ => "theme <> '' AND theme LIKE 'friction:%'", // theme <> '': what feedback_rollup_span_topics holds
            };
            string sums = slice == RollupSlice.All ? s_sums : s_topicSums;
            sql = $"SELECT day, {group} AS grp, theme, score_kind, {sums} FROM feedback_rollup WHERE workspace_id = @workspace AND subject = @subject AND {filter} "
                + $"GROUP BY day{grouping}, theme, score_kind";
            if (periodStart is not null)
            {
                // From the rollup per span (a week's days within one month: weeks and months are whole spans), per span
                // first, in the order of its rows (or of its topics index), which sums without sorting; then the far fewer
                // span rows per period. Grouping by the period at once sorted all the rows.
                var columns = Enumerable.Range(0, sums.Split(", ").Length).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToList();
                string inner = $"SELECT day, {group} AS grp, theme, score_kind, "
                    + string.Join(", ", sums.Split(", ").Select((sum, i) => $"{sum} AS {columns[i]}"))
                    + $" FROM {Ingest.Rollups.SpanTable} WHERE workspace_id = @workspace AND subject = @subject AND {filter} GROUP BY day{grouping}, theme, score_kind";
                sql = $"SELECT {periodStart}, d.grp, d.theme, d.score_kind, "
                    + string.Join(", ", columns.Select(c => $"sum(d.{c})"))
                    + $" FROM ({inner}) d GROUP BY 1, d.grp, d.theme, d.score_kind";
            }
        }
        else if (RowGroups.Contains(by) && slice == RollupSlice.All)
        {
            sql = RowSumsSql(by, subject);
        }
        else
        {
            throw new ArgumentException(slice == RollupSlice.All
                ? $"cannot group by '{by}': use one of {string.Join(", ", RollupGroups.Concat(RowGroups))}"
                : $"themes and friction are grouped by {string.Join(" or ", TopicGroups)} only", nameof(by));
        }

        var command = new CommandDefinition(sql, new { workspace = workspace.Id, subject }, cancellationToken: cancellation);
        await using var reader = await Connection.ExecuteReaderAsync(command);
        var rows = new List<FeedbackSums>();
        while (await reader.ReadAsync(cancellation))
        {
            var distribution = new long[11];
            for (int i = 0; i < 11; i++)
            {
                distribution[i] = Long(reader, 8 + i);
            }

            rows.Add(new FeedbackSums(
                Day(reader.GetValue(0)), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Long(reader, 4), Long(reader, 5), Double(reader, 6), Double(reader, 7), distribution,
                Double(reader, 19), Double(reader, 20), Long(reader, 21), Long(reader, 22), Double(reader, 23), Double(reader, 24), Long(reader, 25)));
        }

        return rows;
    }

    /// <summary>A label threshold written into SQL, as the rollups count it at ingest (<see cref="SentimentScore.Label"/>).</summary>
    private static string Threshold(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rollup's sums computed over the feedback rows, grouped by a column the rollup does not keep.</summary>
    /// <remarks>
    /// Every row of the workspace is read (<see cref="AllRowsOf"/>: over a million comments, the `sqlite3` shell, the
    /// customers' sums 4.0 s through the day index, 1.2 s scanning the table). The employees' subject is written as the
    /// constant, which lets SQLite's planner take the partial index of their rows (<c>feedback_employee_by_team</c>):
    /// 3.0 s through the day index, 1 ms.
    /// </remarks>
    internal string RowSumsSql(string column, string subject)
    {
        string workspaceColumn = AllRowsOf("workspace_id");
        string subjectFilter = subject == "employee" ? "subject = 'employee'" : "subject = @subject";
        string bucket = workspace.Dialect.ScoreBucket("score");
        string buckets = string.Join(", ", Enumerable.Range(0, 11).Select(i => $"sum(CASE WHEN score IS NOT NULL AND {bucket} = {i} THEN 1 ELSE 0 END)"));
        return $"""
            SELECT day, coalesce({column}, ''), '', coalesce(score_kind, ''), count(*), count(sentiment), coalesce(sum(score), 0), coalesce(sum(score * score), 0), {buckets},
                   coalesce(sum(sentiment), 0), coalesce(sum(sentiment * sentiment), 0), sum(CASE WHEN sentiment >= {Threshold(SentimentScore.PositiveThreshold)} THEN 1 ELSE 0 END),
                   sum(CASE WHEN sentiment <= {Threshold(SentimentScore.NegativeThreshold)} THEN 1 ELSE 0 END), 0, coalesce(sum(effort), 0), count(CASE WHEN friction IS NOT NULL THEN 1 END)
            FROM feedback WHERE {workspaceColumn} = @workspace AND {subjectFilter}
            GROUP BY day, coalesce({column}, ''), coalesce(score_kind, '')
            """;
    }

    internal string InteractionsSql => $"""
        SELECT started_at, person_key, channel, team, agent, reason, outcome, first_response_seconds, resolution_seconds,
               wait_seconds, hold_seconds, transfers, menu_steps
        FROM interaction WHERE {AllRowsOf("workspace_id")} = @workspace
        """;

    public async Task<IReadOnlyList<InteractionFact>> ReadInteractionsAsync(CancellationToken cancellation = default)
    {
        await using var reader = await Connection.ExecuteReaderAsync(new CommandDefinition(InteractionsSql, new { workspace = workspace.Id }, cancellationToken: cancellation));
        var rows = new List<InteractionFact>();
        while (await reader.ReadAsync(cancellation))
        {
            // Typed reads: one interaction row is 13 values, and boxing each through GetValue doubled the time.
            rows.Add(new InteractionFact(
                Time(reader.GetValue(0)), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                Real(reader, 7), Real(reader, 8), Real(reader, 9), Real(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetInt32(11), reader.IsDBNull(12) ? null : reader.GetInt32(12)));
        }

        return rows;
    }

    /// <summary>Every scored answer of a kind given by a known person, oldest first.</summary>
    public async Task<IReadOnlyList<ScoredAnswer>> ReadPersonScoresAsync(string scoreKind, CancellationToken cancellation = default)
    {
        const string sql = "SELECT person_key, created_at, score, sentiment FROM feedback WHERE workspace_id = @workspace AND score_kind = @scoreKind AND person_key IS NOT NULL AND score IS NOT NULL";
        await using var reader = await Connection.ExecuteReaderAsync(new CommandDefinition(sql, new { workspace = workspace.Id, scoreKind }, cancellationToken: cancellation));
        var rows = new List<ScoredAnswer>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add(new ScoredAnswer(reader.GetString(0), Time(reader.GetValue(1)), Double(reader, 2), NullableDouble(reader, 3)));
        }

        rows.Sort((a, b) => a.At.CompareTo(b.At));
        return rows;
    }

    internal string JourneySql => $"SELECT person_key, action, at, stage FROM journey_event WHERE {AllRowsOf("workspace_id")} = @workspace";

    public async Task<IReadOnlyList<JourneyFact>> ReadJourneyAsync(CancellationToken cancellation = default)
    {
        await using var reader = await Connection.ExecuteReaderAsync(new CommandDefinition(JourneySql, new { workspace = workspace.Id }, cancellationToken: cancellation));
        var rows = new List<JourneyFact>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add(new JourneyFact(reader.GetString(0), reader.GetString(1), Time(reader.GetValue(2)), Text(reader, 3)));
        }

        return rows;
    }

    internal string CommunicationsSql => $"""
        SELECT external_id, created_at, author, audience, channel, text, in_reply_to, signals, we_count, you_count, words, readability, sentiment
        FROM communication WHERE {AllRowsOf("workspace_id")} = @workspace
        """;

    public async Task<IReadOnlyList<CommunicationFact>> ReadCommunicationsAsync(CancellationToken cancellation = default)
    {
        await using var reader = await Connection.ExecuteReaderAsync(new CommandDefinition(CommunicationsSql, new { workspace = workspace.Id }, cancellationToken: cancellation));
        var rows = new List<CommunicationFact>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add(new CommunicationFact(
                reader.GetString(0), Time(reader.GetValue(1)), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.GetString(5), Text(reader, 6),
                Signals(Text(reader, 7)), reader.IsDBNull(8) ? 0 : (int)Long(reader, 8), reader.IsDBNull(9) ? 0 : (int)Long(reader, 9),
                reader.IsDBNull(10) ? 0 : (int)Long(reader, 10), NullableDouble(reader, 11), NullableDouble(reader, 12)));
        }

        rows.Sort((a, b) => a.At.CompareTo(b.At));
        return rows;
    }

    /// <summary>The customer feedback answered by replies, by external id (any source).</summary>
    public async Task<IReadOnlyList<VerbatimRow>> ReadFeedbackByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellation = default)
    {
        var sources = (await Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT source FROM feedback_rollup WHERE workspace_id = @workspace AND theme = ''", new { workspace = workspace.Id }, cancellationToken: cancellation))).ToList();
        var rows = new List<VerbatimRow>();
        foreach (var chunk in externalIds.Chunk(500))
        {
            foreach (string source in sources)
            {
                // (source, external_id) is the unique key: the lookup uses its index.
                rows.AddRange(await ReadVerbatimsAsync(
                    $"SELECT {VerbatimColumns} FROM feedback f WHERE f.workspace_id = @workspace AND f.source = @source AND {AnyOf("f.external_id", "ids")}",
                    new { workspace = workspace.Id, source, ids = chunk }, cancellation));
            }
        }

        return rows;
    }

    /// <summary>All feedback of the given people, oldest first (to find what a customer said next).</summary>
    public async Task<IReadOnlyList<VerbatimRow>> ReadFeedbackOfPeopleAsync(IReadOnlyCollection<string> people, CancellationToken cancellation = default)
    {
        var rows = new List<VerbatimRow>();
        foreach (var chunk in people.Chunk(500))
        {
            rows.AddRange(await ReadVerbatimsAsync(
                $"SELECT {VerbatimColumns} FROM feedback f WHERE f.workspace_id = @workspace AND {AnyOf("f.person_key", "people")}",
                new { workspace = workspace.Id, people = chunk }, cancellation));
        }

        rows.Sort((a, b) => a.At.CompareTo(b.At));
        return rows;
    }

    /// <summary>
    /// Customer comments that name a theme, most negative (or positive) aspect first — read in the order of
    /// <c>feedback_theme_by_sentiment</c>, so only the rows shown are touched — or that show a friction kind, newest
    /// first (the friction index is in id order). With a start day, only comments from that day on.
    /// </summary>
    public Task<IReadOnlyList<VerbatimRow>> ReadVerbatimsAsync(string themeOrFriction, bool negativeFirst, int limit, DateOnly? from = null, CancellationToken cancellation = default)
    {
        bool friction = themeOrFriction.StartsWith(FeedbackSums.FrictionPrefix, StringComparison.Ordinal);
        string sql = friction
            ? $"""
                SELECT {VerbatimColumns} FROM feedback_friction x JOIN feedback f ON f.id = x.feedback_id
                WHERE x.workspace_id = @workspace AND x.kind = @key AND f.subject = 'customer' AND f.text IS NOT NULL AND f.day >= @from
                ORDER BY x.feedback_id DESC LIMIT @limit
                """
            : $"""
                SELECT {VerbatimColumns} FROM feedback_theme x JOIN feedback f ON f.id = x.feedback_id
                WHERE x.workspace_id = @workspace AND x.theme = @key AND f.subject = 'customer' AND f.text IS NOT NULL AND f.day >= @from
                ORDER BY x.sentiment {(negativeFirst ? "ASC" : "DESC")} LIMIT @limit
                """;
        string key = friction ? themeOrFriction[FeedbackSums.FrictionPrefix.Length..] : themeOrFriction;
        object day = Sqlite ? (from ?? DateOnly.MinValue).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : from ?? DateOnly.MinValue;
        return ReadVerbatimsAsync(sql, new { workspace = workspace.Id, key, limit, from = day }, cancellation);
    }

    /// <summary>
    /// Customer comments of known people, without their text (friction list, sentiment and score are what is used):
    /// for friction by journey stage.
    /// </summary>
    public async Task<IReadOnlyList<VerbatimRow>> ReadKnownCustomersCommentsAsync(CancellationToken cancellation = default) =>
        await ReadVerbatimsAsync(
            "SELECT f.id, f.source, f.external_id, f.subject, f.person_key, f.created_at, f.score_kind, f.score, NULL, f.sentiment, f.team, f.segment, f.friction "
            + "FROM feedback f WHERE f.workspace_id = @workspace AND f.person_key IS NOT NULL AND f.subject = 'customer' AND f.sentiment IS NOT NULL",
            new { workspace = workspace.Id }, cancellation);

    /// <summary>Employee comments with their team (to be shown only for groups above the anonymity threshold).</summary>
    public async Task<IReadOnlyList<VerbatimRow>> ReadEmployeeCommentsAsync(CancellationToken cancellation = default) =>
        await ReadVerbatimsAsync(
            $"SELECT {VerbatimColumns} FROM feedback f WHERE f.workspace_id = @workspace AND f.subject = 'employee'",
            new { workspace = workspace.Id }, cancellation);

    /// <summary>Texts of customer comments from a day on, for emerging phrases (newest first, at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<string>> ReadRecentTextsAsync(DateOnly from, int limit, CancellationToken cancellation = default)
    {
        object day = Sqlite ? from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : from;
        return [.. await Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT text FROM feedback WHERE workspace_id = @workspace AND day >= @day AND subject = 'customer' AND text IS NOT NULL ORDER BY day DESC, id DESC LIMIT @limit",
            new { workspace = workspace.Id, day, limit }, cancellationToken: cancellation))];
    }

    /// <summary>The workspace column of a query that reads every row of the workspace (<see cref="DialectSql.AllRowsOf"/>).</summary>
    private string AllRowsOf(string column) => workspace.Dialect.AllRowsOf(column);

    /// <summary>"column is one of @parameter" (<see cref="DialectSql.AnyOf"/>).</summary>
    private string AnyOf(string column, string parameter) => workspace.Dialect.AnyOf(column, parameter);

    private const string VerbatimColumns = "f.id, f.source, f.external_id, f.subject, f.person_key, f.created_at, f.score_kind, f.score, f.text, f.sentiment, f.team, f.segment, f.friction";

    private async Task<IReadOnlyList<VerbatimRow>> ReadVerbatimsAsync(string sql, object parameters, CancellationToken cancellation)
    {
        await using var reader = await Connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellation));
        var rows = new List<VerbatimRow>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add(new VerbatimRow(
                Long(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), Time(reader.GetValue(5)), Text(reader, 6),
                NullableDouble(reader, 7), Text(reader, 8), NullableDouble(reader, 9), Text(reader, 10), Text(reader, 11), Text(reader, 12)));
        }

        return rows;
    }

    private static HashSet<string> Signals(string? list) =>
        list is null ? new HashSet<string>() : new HashSet<string>(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static double Double(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static double? Real(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    private static double? NullableDouble(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly Day(object value) => value switch
    {
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        _ => throw new InvalidCastException($"a day stored as {value.GetType()}"),
    };

    private static DateTimeOffset Time(object value) => value switch
    {
        string text => StoreTime.Parse(text),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        _ => throw new InvalidCastException($"a time stored as {value.GetType()}"),
    };
}
