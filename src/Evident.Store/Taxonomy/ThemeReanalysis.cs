using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Evident.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Evident.Store.Taxonomy;

/// <summary>Where the workspace's re-analysis stands (table <c>theme_reanalysis</c>): the run going on, or the last one.</summary>
/// <param name="Status"><see cref="ThemeReanalysis.Running"/> or <see cref="ThemeReanalysis.Completed"/>.</param>
/// <param name="RowsBefore">Theme rows (comment × theme) stored when the run began.</param>
/// <param name="RowsAfter">Theme rows once the run completed; null until then.</param>
public sealed record ReanalysisState(
    long TaxonomyVersion, string Status, long DoneThrough, long Analysed, long Total, long RowsBefore, long? RowsAfter,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? StartedBy)
{
    public bool IsRunning => Status == ThemeReanalysis.Running;
}

/// <summary>
/// Finds the themes of every stored comment again with the workspace's taxonomy as it is now, then replaces
/// <c>feedback_theme</c> and the theme rows of <c>feedback_rollup</c> with what it found. The comments are analysed in
/// batches, each committed with how far the run got, into a staging table; the pages keep reading the old themes until
/// one last transaction swaps the new ones in and sums the theme rows of the rollup from them. A run stopped at any
/// point (a crash, Ctrl+C, a server stopping) is continued by the next run for the same taxonomy version; a run for an
/// older version starts over. Only themes change: a comment's sentiment, friction and the rollup's rows for all
/// comments ('') and for friction kinds ('friction:KIND') stay as the import stored them.
/// </summary>
public sealed class ThemeReanalysis(Workspace workspace)
{
    public const string Running = "running";
    public const string Completed = "completed";

    /// <summary>Comments analysed and committed together.</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>Called after each batch commits, with the state as stored.</summary>
    public Action<ReanalysisState>? Progress { get; init; }

    /// <summary>Busy seconds of the last run: reading the comments, analysing them, writing the batches, and the last
    /// transaction (new comments, themes replaced, rollup summed), during which the workspace's other writers wait.</summary>
    public (double Read, double Analyse, double Write, double Swap) Seconds => (_read, _analyse, _write, _swap);

    private double _read, _analyse, _write, _swap;

    private int WorkspaceId => workspace.Id;

    private DbConnection Connection => workspace.Connection;

    /// <summary>The run going on or the last one; null when the workspace was never re-analysed.</summary>
    public static async Task<ReanalysisState?> ReadStateAsync(Workspace workspace, CancellationToken cancellation = default)
    {
        var rows = await workspace.Connection.QueryAsync<(long Version, string Status, long DoneThrough, long Analysed, long Total, long RowsBefore, long? RowsAfter, object StartedAt, object? FinishedAt, string? StartedBy)>(new CommandDefinition(
            """
            SELECT taxonomy_version, status, done_through, analysed, total, rows_before, rows_after, started_at, finished_at, started_by
            FROM theme_reanalysis WHERE workspace_id = @workspaceId
            """, new { workspaceId = workspace.Id }, cancellationToken: cancellation));
        return rows.AsList() is [var r, ..]
            ? new ReanalysisState(r.Version, r.Status, r.DoneThrough, r.Analysed, r.Total, r.RowsBefore, r.RowsAfter, StoreTime.Read(r.StartedAt)!.Value, StoreTime.Read(r.FinishedAt), r.StartedBy)
            : null;
    }

    /// <summary>
    /// Re-analyses every comment with the taxonomy as it is now: continues a run stopped at this version, else starts
    /// one. Returns the completed state. Throws <see cref="StoreException"/> when another run moved the same workspace
    /// on meanwhile, or the taxonomy changed before the end (run again: the next run starts over at the new version).
    /// </summary>
    public async Task<ReanalysisState> RunAsync(string? by, CancellationToken cancellation = default)
    {
        var themes = await new WorkspaceTaxonomy(workspace).LoadAsync(cancellation);
        var analyzer = await Task.Run(() => WorkspaceAnalyzer.For(themes), cancellation);
        var state = await ReadStateAsync(workspace, cancellation);
        if (state is not { IsRunning: true } || state.TaxonomyVersion != themes.Version)
        {
            state = await BeginAsync(themes.Version, by, cancellation);
        }

        Progress?.Invoke(state);
        while (true)
        {
            long started = Stopwatch.GetTimestamp();
            var batch = await ReadBatchAsync(state.DoneThrough, null, cancellation);
            _read += Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (batch.Count == 0)
            {
                break;
            }

            started = Stopwatch.GetTimestamp();
            var found = Analyse(analyzer, batch, cancellation);
            _analyse += Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            await using (var transaction = await Connection.BeginTransactionAsync(cancellation))
            {
                await InsertFoundAsync(found, transaction, cancellation);
                state = await AdvanceAsync(state, batch[^1].Id, batch.Count, transaction, cancellation);
                await transaction.CommitAsync(cancellation);
            }

            _write += Stopwatch.GetElapsedTime(started).TotalSeconds;
            Progress?.Invoke(state);
        }

        return await SwapAsync(state, analyzer, cancellation);
    }

    private async Task<ReanalysisState> BeginAsync(long version, string? by, CancellationToken cancellation)
    {
        await using var transaction = await Connection.BeginTransactionAsync(cancellation);
        var parameters = new { workspaceId = WorkspaceId, version, now = StoreTime.Now(workspace.Dialect), by };
        await Connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM theme_reanalysis_row WHERE workspace_id = @workspaceId;
            DELETE FROM theme_reanalysis WHERE workspace_id = @workspaceId;
            INSERT INTO theme_reanalysis (workspace_id, taxonomy_version, status, done_through, analysed, total, rows_before, started_at, started_by)
            VALUES (@workspaceId, @version, 'running', 0, 0,
                (SELECT count(*) FROM feedback WHERE workspace_id = @workspaceId AND text IS NOT NULL),
                (SELECT count(*) FROM feedback_theme WHERE workspace_id = @workspaceId),
                @now, @by)
            """, parameters, transaction, cancellationToken: cancellation));
        await transaction.CommitAsync(cancellation);
        return (await ReadStateAsync(workspace, cancellation))!;
    }

    /// <summary>The next comments after <paramref name="after"/>, in id order.</summary>
    /// <remarks>The workspace as <see cref="DialectSql.AllRowsOf"/> writes it: given <c>workspace_id = ?</c> SQLite's planner
    /// walked the day index through every comment of the workspace and sorted them for each batch, instead of reading on
    /// from <paramref name="after"/> by id. Over a million comments (200 batches) the reads took 312 of the run's 371 s.</remarks>
    private async Task<List<(long Id, string Text)>> ReadBatchAsync(long after, DbTransaction? transaction, CancellationToken cancellation) =>
        [.. await Connection.QueryAsync<(long Id, string Text)>(new CommandDefinition(
            BatchSql(workspace.Dialect), new { workspaceId = WorkspaceId, after, limit = BatchSize }, transaction, cancellationToken: cancellation))];

    internal static string BatchSql(StoreDialect dialect) =>
        $"SELECT id, text FROM feedback WHERE {dialect.AllRowsOf("workspace_id")} = @workspaceId AND id > @after AND text IS NOT NULL ORDER BY id LIMIT @limit";

    /// <summary>Each comment's themes with their aspect sentiment, and a row of theme '' that marks the comment done.</summary>
    private static List<(long Id, string Theme, double Sentiment)> Analyse(TextAnalyzer analyzer, List<(long Id, string Text)> batch, CancellationToken cancellation)
    {
        var themes = new IReadOnlyList<ThemeHit>[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
            themes[i] = batch[i].Text.Length > 0 ? analyzer.Analyze(batch[i].Text, explain: false).Themes : []);
        var found = new List<(long, string, double)>(batch.Count * 2);
        for (int i = 0; i < batch.Count; i++)
        {
            found.Add((batch[i].Id, "", 0));
            foreach (var theme in themes[i])
            {
                found.Add((batch[i].Id, theme.Id, theme.Sentiment.Compound));
            }
        }

        return found;
    }

    private async Task InsertFoundAsync(List<(long Id, string Theme, double Sentiment)> found, DbTransaction transaction, CancellationToken cancellation)
    {
        if (Connection is NpgsqlConnection postgres)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO theme_reanalysis_row (workspace_id, feedback_id, theme, sentiment)
                SELECT @workspace, f.id, f.theme, f.sentiment FROM unnest(@ids, @themes, @sentiments) AS f (id, theme, sentiment)
                ON CONFLICT DO NOTHING
                """, postgres, (NpgsqlTransaction)transaction);
            command.Parameters.Add(new NpgsqlParameter<int>("workspace", WorkspaceId));
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. found.Select(f => f.Id)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter<string[]>("themes", [.. found.Select(f => f.Theme)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<double[]>("sentiments", [.. found.Select(f => f.Sentiment)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
            await command.ExecuteNonQueryAsync(cancellation);
            return;
        }

        await using var insert = ((SqliteConnection)Connection).CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = "INSERT INTO theme_reanalysis_row (workspace_id, feedback_id, theme, sentiment) VALUES ($w, $id, $theme, $sentiment) ON CONFLICT DO NOTHING";
        insert.Parameters.AddWithValue("$w", WorkspaceId);
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var theme = insert.Parameters.Add("$theme", SqliteType.Text);
        var sentiment = insert.Parameters.Add("$sentiment", SqliteType.Real);
        insert.Prepare();
        foreach (var row in found)
        {
            id.Value = row.Id;
            theme.Value = row.Theme;
            sentiment.Value = row.Sentiment;
            await insert.ExecuteNonQueryAsync(cancellation);
        }
    }

    /// <summary>Records the batch as done, only if nobody else moved this run on since <paramref name="state"/> was read.</summary>
    private async Task<ReanalysisState> AdvanceAsync(ReanalysisState state, long doneThrough, int analysed, DbTransaction transaction, CancellationToken cancellation)
    {
        int updated = await Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE theme_reanalysis SET done_through = @doneThrough, analysed = analysed + @analysed
            WHERE workspace_id = @workspaceId AND status = 'running' AND taxonomy_version = @version AND done_through = @before
            """,
            new { workspaceId = WorkspaceId, doneThrough, analysed, version = state.TaxonomyVersion, before = state.DoneThrough },
            transaction, cancellationToken: cancellation));
        if (updated != 1)
        {
            throw new StoreException("another re-analysis of this workspace moved on meanwhile (from another server or `evident themes reanalyze`); this one stops");
        }

        return state with { DoneThrough = doneThrough, Analysed = state.Analysed + analysed };
    }

    /// <summary>
    /// In one transaction: analyses the comments stored since the last batch, writes what changed in the themes of the
    /// comments analysed, sums the rollup's rows of the themes that changed again from the theme rows, and marks the run
    /// completed.
    /// </summary>
    private async Task<ReanalysisState> SwapAsync(ReanalysisState state, TextAnalyzer analyzer, CancellationToken cancellation)
    {
        long started = Stopwatch.GetTimestamp();
        await using var transaction = await Connection.BeginTransactionAsync(cancellation);
        if (workspace.Dialect == StoreDialect.Postgres)
        {
            // An import committing now would add comments this run has not seen: it waits for the swap (SQLite's
            // writer lock, taken by BEGIN IMMEDIATE, does the same there).
            await Connection.ExecuteAsync(new CommandDefinition(
                "LOCK TABLE feedback IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, commandTimeout: 300, cancellationToken: cancellation));
        }

        long version = await Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT coalesce((SELECT CAST(value AS bigint) FROM workspace_setting WHERE workspace_id = @workspaceId AND name = '{WorkspaceTaxonomy.VersionSetting}'), 0)",
            new { workspaceId = WorkspaceId }, transaction, cancellationToken: cancellation));
        if (version != state.TaxonomyVersion)
        {
            throw new StoreException($"the taxonomy changed during the re-analysis (version {state.TaxonomyVersion}, now {version}): run it again");
        }

        for (var batch = await ReadBatchAsync(state.DoneThrough, transaction, cancellation); batch.Count > 0; batch = await ReadBatchAsync(state.DoneThrough, transaction, cancellation))
        {
            await InsertFoundAsync(Analyse(analyzer, batch, cancellation), transaction, cancellation);
            state = await AdvanceAsync(state, batch[^1].Id, batch.Count, transaction, cancellation);
        }

        var parameters = new { workspaceId = WorkspaceId, now = StoreTime.Now(workspace.Dialect) };
        var swap = SwapSql(workspace.Dialect);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (string statement in swap.Changes)
        {
            // Unbuffered: a change to a large theme returns a row for each of its comments.
            await foreach (string theme in Connection.QueryUnbufferedAsync<string>(statement, parameters, transaction, commandTimeout: 0).WithCancellation(cancellation))
            {
                changed.Add(theme);
            }
        }

        if (changed.Count > 0)
        {
            await Connection.ExecuteAsync(new CommandDefinition(
                swap.Rollup, new { workspaceId = WorkspaceId, themes = changed.ToArray() }, transaction, commandTimeout: 0, cancellationToken: cancellation));
        }

        await Connection.ExecuteAsync(new CommandDefinition(swap.Finish, parameters, transaction, commandTimeout: 0, cancellationToken: cancellation));

        await transaction.CommitAsync(cancellation);
        _swap = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var completed = (await ReadStateAsync(workspace, cancellation))!;
        Progress?.Invoke(completed);
        return completed;
    }

    /// <summary>
    /// The swap's statements: those that write what changed in the theme rows, each returning the theme of every row it
    /// wrote; the rollup's sums of the themes that changed (bound as <c>@themes</c>); the end of the run.
    /// </summary>
    internal static (string[] Changes, string Rollup, string Finish) SwapSql(StoreDialect dialect)
    {
        string bucket = dialect.ScoreBucket("f.score");
        string distribution = string.Join(",\n       ", Enumerable.Range(0, 11).Select(s =>
            $"sum(CASE WHEN f.score IS NOT NULL AND {bucket} = {s} THEN 1 ELSE 0 END)"));
        // SQLite walks the theme rows in the order of feedback_id when the workspace is written as AllRowsOf writes it:
        // the rows to delete are then met in the order they are stored. Given workspace_id = ?, the planner took the
        // sentiment index instead, which meets them at random. Over a million comments (2.1 million theme rows, the
        // `sqlite3` shell): the delete 9.0 -> 5.3 s. PostgreSQL plans these as hash joins either way.
        string deleteWorkspace = dialect.AllRowsOf("workspace_id");
        // The changed themes' rows are found walking every theme row in feedback_id order too, and the comments joined are
        // met in the order they are stored: with two themes changed 0.7 s, with every theme 7.5 s (the `sqlite3` shell).
        // Through the theme's covering sentiment index, which the planner takes given workspace_id = ?, the comments are
        // met at random: 0.9 and 16.0 s.
        string themeRows = $"{dialect.AllRowsOf("t.workspace_id")} = @workspaceId" + (dialect == StoreDialect.Sqlite ? " AND t.feedback_id > 0" : "")
            + " AND " + dialect.AnyOf("t.theme", "themes");
        // Only what changed is written: a theme row no longer found is deleted, a new one inserted, one found again with
        // another aspect sentiment updated; and only the changed themes' rollup rows are summed again. A taxonomy edit
        // changes few of a workspace's theme rows, and writing every one again cost most of the swap: over a million
        // comments (2.1 million theme rows) the delete and insert took 2.9 and 34.7 s on PostgreSQL, which kept every
        // index current row by row, against 1.8-2.6 s for each comparison here; on SQLite 7.7 s with its sentiment index
        // dropped and built again (2.2 s), against 3.0 s for the three with the index kept (the `sqlite3` shell). Summing
        // every theme's rollup rows again took 7.2 s there.
        string[] changes =
        [
            $"""
            DELETE FROM feedback_theme WHERE {deleteWorkspace} = @workspaceId
                AND feedback_id IN (SELECT feedback_id FROM theme_reanalysis_row WHERE workspace_id = @workspaceId AND theme = '')
                AND NOT EXISTS (SELECT 1 FROM theme_reanalysis_row r
                                WHERE r.workspace_id = @workspaceId AND r.feedback_id = feedback_theme.feedback_id AND r.theme = feedback_theme.theme)
            RETURNING theme
            """,
            """
            UPDATE feedback_theme SET sentiment = r.sentiment
            FROM theme_reanalysis_row r
            WHERE r.workspace_id = @workspaceId AND r.theme <> ''
                AND feedback_theme.feedback_id = r.feedback_id AND feedback_theme.theme = r.theme AND feedback_theme.sentiment <> r.sentiment
            RETURNING feedback_theme.theme
            """,
            """
            INSERT INTO feedback_theme (feedback_id, theme, workspace_id, sentiment)
            SELECT r.feedback_id, r.theme, r.workspace_id, r.sentiment
            FROM theme_reanalysis_row r JOIN feedback f ON f.id = r.feedback_id
            WHERE r.workspace_id = @workspaceId AND r.theme <> ''
                AND NOT EXISTS (SELECT 1 FROM feedback_theme t WHERE t.feedback_id = r.feedback_id AND t.theme = r.theme)
            RETURNING theme
            """,
        ];
        // The rollup's theme rows as FeedbackRollup sums them at import: channel '', each comment once per theme, the
        // theme's aspect sentiment in theme_sentiment_sum.
        string rollup = $"""
            DELETE FROM feedback_rollup WHERE workspace_id = @workspaceId AND {dialect.AnyOf("theme", "themes")};
            INSERT INTO feedback_rollup (workspace_id, day, source, subject, segment, channel, theme, score_kind, n, with_text, scored, score_sum, score_sq_sum,
                s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_sum, sentiment_sq_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction)
            SELECT f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), '', t.theme, coalesce(f.score_kind, ''),
                   count(*), count(f.sentiment), count(f.score), coalesce(sum(f.score), 0), coalesce(sum(f.score * f.score), 0),
                   {distribution},
                   coalesce(sum(f.sentiment), 0), coalesce(sum(f.sentiment * f.sentiment), 0),
                   sum(CASE WHEN f.sentiment >= {SentimentScore.PositiveThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} THEN 1 ELSE 0 END),
                   sum(CASE WHEN f.sentiment <= {SentimentScore.NegativeThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} THEN 1 ELSE 0 END),
                   sum(t.sentiment), coalesce(sum(f.effort), 0), count(f.friction)
            FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id
            WHERE {themeRows}
            GROUP BY f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), t.theme, coalesce(f.score_kind, '');
            DELETE FROM {Ingest.Rollups.SpanTable} WHERE workspace_id = @workspaceId AND {dialect.AnyOf("theme", "themes")};
            {Ingest.Rollups.SumIntoSpansSql(dialect, Ingest.Rollups.DayTable, "workspace_id = @workspaceId AND " + dialect.AnyOf("theme", "themes"))};
            """;
        const string Finish = """
            DELETE FROM theme_reanalysis_row WHERE workspace_id = @workspaceId;
            UPDATE theme_reanalysis SET status = 'completed', finished_at = @now,
                rows_after = (SELECT count(*) FROM feedback_theme WHERE workspace_id = @workspaceId)
            WHERE workspace_id = @workspaceId;
            """;
        return (changes, rollup, Finish);
    }
}
