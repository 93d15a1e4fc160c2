using Dapper;
using Evident.Core.Ingest;
using Evident.Store.Taxonomy;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Taxonomy;

/// <summary>After a taxonomy change, the stored comments' themes and the rollup's theme rows follow it, whole or not at all.</summary>
public sealed class ThemeReanalysisTests
{
    private const string Feedback = """
        id,date,score,comment,segment
        1,2025-03-01T09:00:00Z,2,"The car park was full, I was on hold for 40 minutes and nobody called me back.",retail
        2,2025-03-01T10:30:00Z,10,"Lovely staff, the nurse was so kind and helpful.",retail
        3,2025-03-02T08:00:00Z,7,The app keeps crashing when I try to pay my bill.,business
        4,2025-03-02T12:00:00Z,,The parcel arrived damaged and late.,business
        5,2025-03-03T12:00:00Z,4,No parking space anywhere near the entrance.,
        6,2025-03-03T13:00:00Z,9,,retail
        7,2025-03-04T13:00:00Z,8,"Great multi storey car park, and the parcel shop was open late.",retail
        """;

    [Fact]
    public async Task On_sqlite_the_swap_keeps_the_sentiment_index_current_and_leaves_one_an_import_set_aside()
    {
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        const string definition = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'feedback_theme_by_sentiment'";
        string? before = await workspace.Connection.ExecuteScalarAsync<string?>(definition);
        Assert.NotNull(before);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"]), null);

        await new ThemeReanalysis(workspace) { BatchSize = 3 }.RunAsync(null);

        // the same index, holding the new rows
        Assert.Equal(before, await workspace.Connection.ExecuteScalarAsync<string?>(definition));
        Assert.Equal("ok", await workspace.Connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(3, await workspace.Connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM feedback_theme INDEXED BY feedback_theme_by_sentiment WHERE workspace_id = @workspace AND theme = 'parking'", new { workspace = workspace.Id }));

        // an import loading an empty table set it aside (and will build it at its end): the swap leaves it to that import
        await workspace.Connection.ExecuteAsync(
            "INSERT INTO deferred_index (name, table_name, definition) VALUES ('feedback_theme_by_sentiment', 'feedback_theme', @before); DROP INDEX feedback_theme_by_sentiment",
            new { before });
        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park"]), null);
        await new ThemeReanalysis(workspace) { BatchSize = 3 }.RunAsync(null);
        Assert.Null(await workspace.Connection.ExecuteScalarAsync<string?>(definition));
        Assert.Equal(1, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
        Assert.Equal(2, await workspace.Connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM feedback_theme WHERE workspace_id = @workspace AND theme = 'parking'", new { workspace = workspace.Id }));
    }

    [Fact]
    public async Task On_sqlite_the_run_reads_comments_and_theme_rows_in_the_order_they_are_stored()
    {
        // Given workspace_id = ?, SQLite's planner walked the day index (every comment, then a sort, for each batch) and
        // the sentiment index (the theme rows at random): over a million comments 371 s instead of 40.
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var parameters = new { workspaceId = workspace.Id, after = 0, limit = 10, now = "2025-03-05 00:00:00", themes = new[] { "parking", "delivery" } };
        string Plan(string statement) => QueryPlan.Of(workspace.Connection, statement, parameters);

        Assert.Contains("INTEGER PRIMARY KEY (rowid>?)", Plan(ThemeReanalysis.BatchSql(StoreDialect.Sqlite)), StringComparison.Ordinal);
        var swap = ThemeReanalysis.SwapSql(StoreDialect.Sqlite);
        string delete = Plan(swap.Changes[0]);
        string rollup = Plan(swap.Rollup.Split(";\n", StringSplitOptions.TrimEntries).Single(s => s.StartsWith("INSERT INTO feedback_rollup ", StringComparison.Ordinal)));
        Assert.Contains("feedback_theme USING PRIMARY KEY (feedback_id=?)", delete, StringComparison.Ordinal);
        Assert.Contains("t USING PRIMARY KEY (feedback_id>?)", rollup, StringComparison.Ordinal);
        Assert.DoesNotContain("feedback_theme_by_sentiment", delete + rollup, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_new_theme_is_found_in_the_stored_comments_and_the_rollup_agrees_with_the_themes(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var untouched = await RollupRowsAsync(workspace, themes: false);
        long before = await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback_theme");
        await new WorkspaceTaxonomy(workspace).SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"]), null);
        Assert.Empty(await CommentsWithAsync(workspace, "parking")); // saving changes the taxonomy, not the stored analysis

        var done = await new ThemeReanalysis(workspace) { BatchSize = 3 }.RunAsync("ana@example.org");

        Assert.Equal(["1", "5", "7"], await CommentsWithAsync(workspace, "parking"));
        Assert.Equal((ThemeReanalysis.Completed, 1L, 6L, 6L), (done.Status, done.TaxonomyVersion, done.Analysed, done.Total));
        Assert.Equal((before, before + 3), (done.RowsBefore, done.RowsAfter));
        await AssertRollupMatchesThemesAsync(workspace);
        Assert.Equal(untouched, await RollupRowsAsync(workspace, themes: false)); // rows for all comments and friction kinds stay
        var parking = (await workspace.Connection.QueryAsync<(string Segment, long N, long Scored, double ScoreSum, long S8)>(
            "SELECT segment, n, scored, score_sum, s8 FROM feedback_rollup WHERE theme = 'parking' ORDER BY day")).ToList();
        Assert.Equal([("retail", 1L, 1L, 2.0, 0L), ("", 1L, 1L, 4.0, 0L), ("retail", 1L, 1L, 8.0, 1L)], parking);
        Assert.Equal(3, (await new WorkspaceTaxonomy(workspace).CommentsPerThemeAsync())["parking"]);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Removing_a_theme_and_re_analysing_takes_it_out_again(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var themesAtImport = await ThemeRowsAsync(workspace);
        var rollupAtImport = await RollupRowsAsync(workspace, themes: true);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park"]), null);
        await taxonomy.SaveAsync(new ThemeEdit("delivery", null, null, ["parcel shop"]), null);
        await new ThemeReanalysis(workspace).RunAsync(null);
        Assert.Contains("7", await CommentsWithAsync(workspace, "delivery")); // a phrase added to a shipped theme

        await taxonomy.RemoveAsync("parking");
        await taxonomy.RemoveAsync("delivery");
        await new ThemeReanalysis(workspace).RunAsync(null);

        Assert.Equal(themesAtImport, await ThemeRowsAsync(workspace));
        Assert.Equal(rollupAtImport, await RollupRowsAsync(workspace, themes: true));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_theme_found_again_with_another_aspect_sentiment_is_stored_as_an_import_under_the_new_taxonomy_would(string dialect)
    {
        // The swap writes only what changed: themes no longer found go, new ones come, and one found again keeps its row
        // with the new aspect sentiment (here cleanliness, which the added phrase also finds in the second sentence).
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        const string Comments = """
            id,date,score,comment
            1,2025-03-01T09:00:00Z,6,"The toilets were spotless and bright. The lobby carpet was a disgrace."
            2,2025-03-02T10:00:00Z,9,"Fast delivery, thank you."
            """;
        var edit = new ThemeEdit("cleanliness", null, null, ["lobby carpet"]);
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Comments, RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var before = await ThemeRowsAsync(workspace);
        await new WorkspaceTaxonomy(workspace).SaveAsync(edit, null);
        await new ThemeReanalysis(workspace).RunAsync(null);
        var after = await ThemeRowsAsync(workspace);

        await using var fresh = await StoreTarget.CreateAsync(dialect);
        await using var imported = await Workspace.OpenAsync(fresh.Location);
        await new WorkspaceTaxonomy(imported).SaveAsync(edit, null);
        await ImportIntoAsync(imported, Comments, await WorkspaceAnalyzer.LoadAsync(imported));
        Assert.Equal(await ThemeRowsAsync(imported), after);
        var (_, _, was) = Assert.Single(before, r => r.Id == "1" && r.Theme == "cleanliness");
        var (_, _, now) = Assert.Single(after, r => r.Id == "1" && r.Theme == "cleanliness");
        Assert.NotEqual(was, now);
        Assert.Equal(before.Where(r => r.Id == "2"), after.Where(r => r.Id == "2"));
        await AssertRollupMatchesThemesAsync(workspace);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_run_stopped_midway_changes_nothing_and_the_next_run_completes_it(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var themesBefore = await ThemeRowsAsync(workspace);
        var rollupBefore = await RollupRowsAsync(workspace, themes: true);
        await new WorkspaceTaxonomy(workspace).SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"]), null);

        using var stop = new CancellationTokenSource();
        var stopped = new ThemeReanalysis(workspace) { BatchSize = 2, Progress = state => { if (state.Analysed >= 2) stop.Cancel(); } };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.RunAsync(null, stop.Token));

        // The pages read the themes from before: nothing half-done is visible.
        Assert.Equal(themesBefore, await ThemeRowsAsync(workspace));
        Assert.Equal(rollupBefore, await RollupRowsAsync(workspace, themes: true));
        var interrupted = (await ThemeReanalysis.ReadStateAsync(workspace))!;
        Assert.True(interrupted.IsRunning);
        Assert.Equal(2, interrupted.Analysed);

        var done = await new ThemeReanalysis(workspace) { BatchSize = 2 }.RunAsync(null);

        Assert.Equal((ThemeReanalysis.Completed, 6L), (done.Status, done.Analysed)); // continued: no comment counted twice
        Assert.Equal(["1", "5", "7"], await CommentsWithAsync(workspace, "parking"));
        await AssertRollupMatchesThemesAsync(workspace);
        Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM theme_reanalysis_row"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_run_for_an_older_taxonomy_is_started_over(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park"]), null);
        using var stop = new CancellationTokenSource();
        var stopped = new ThemeReanalysis(workspace) { BatchSize = 2, Progress = state => { if (state.Analysed >= 2) stop.Cancel(); } };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.RunAsync(null, stop.Token));

        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"]), null);
        var done = await new ThemeReanalysis(workspace) { BatchSize = 2 }.RunAsync(null);

        Assert.Equal((2L, 6L), (done.TaxonomyVersion, done.Analysed));
        Assert.Equal(["1", "5", "7"], await CommentsWithAsync(workspace, "parking"));
        await AssertRollupMatchesThemesAsync(workspace);
    }

    /// <summary>Every theme's rollup rows count exactly the comments stored with it, per source, segment, day and score kind.</summary>
    private static async Task AssertRollupMatchesThemesAsync(Workspace workspace)
    {
        string day = workspace.Dialect == StoreDialect.Sqlite ? "f.day" : "CAST(f.day AS text)";
        string rollupDay = workspace.Dialect == StoreDialect.Sqlite ? "day" : "CAST(day AS text)";
        var fromThemes = (await workspace.Connection.QueryAsync<(string Theme, string Day, string Source, string Segment, long N, double Sentiment)>($"""
            SELECT t.theme, {day}, f.source, coalesce(f.segment, ''), count(*), sum(t.sentiment) FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id
            GROUP BY t.theme, {day}, f.source, coalesce(f.segment, '') ORDER BY 1, 2, 3, 4
            """)).ToList();
        var fromRollup = (await workspace.Connection.QueryAsync<(string Theme, string Day, string Source, string Segment, long N, double Sentiment)>($"""
            SELECT theme, {rollupDay}, source, segment, CAST(sum(n) AS bigint), sum(theme_sentiment_sum) FROM feedback_rollup
            WHERE theme <> '' AND theme NOT LIKE 'friction:%' GROUP BY theme, {rollupDay}, source, segment ORDER BY 1, 2, 3, 4
            """)).ToList();
        Assert.Equal(fromThemes.Select(r => (r.Theme, r.Day, r.Source, r.Segment, r.N)), fromRollup.Select(r => (r.Theme, r.Day, r.Source, r.Segment, r.N)));
        for (int i = 0; i < fromThemes.Count; i++)
        {
            Assert.Equal(fromThemes[i].Sentiment, fromRollup[i].Sentiment, 9);
        }

        await RollupSpans.AssertMatchDaysAsync(workspace.Connection);
    }

    private static async Task<List<string>> CommentsWithAsync(Workspace workspace, string theme) =>
        [.. await workspace.Connection.QueryAsync<string>(
            "SELECT f.external_id FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id WHERE t.theme = @theme ORDER BY f.external_id", new { theme })];

    private static async Task<List<(string Id, string Theme, double Sentiment)>> ThemeRowsAsync(Workspace workspace) =>
        [.. (await workspace.Connection.QueryAsync<(string Id, string Theme, double Sentiment)>(
            "SELECT f.external_id, t.theme, t.sentiment FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id ORDER BY 1, 2"))
            .Select(r => (r.Id, r.Theme, Math.Round(r.Sentiment, 9)))];

    /// <summary>The rollup's theme rows, or its other rows (all comments, friction kinds), with sums rounded past float noise.</summary>
    private static async Task<List<string>> RollupRowsAsync(Workspace workspace, bool themes)
    {
        string which = themes ? "theme <> '' AND theme NOT LIKE 'friction:%'" : "(theme = '' OR theme LIKE 'friction:%')";
        var rows = await workspace.Connection.QueryAsync($"""
            SELECT CAST(day AS text) AS day, source, subject, segment, channel, theme, score_kind, n, with_text, scored, score_sum, s0, s5, s10,
                   sentiment_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction
            FROM feedback_rollup WHERE {which} ORDER BY 1, 2, 3, 4, 5, 6, 7
            """);
        return [.. rows.Select(row => string.Join('|', ((IDictionary<string, object?>)row).Values.Select(v => v is double d ? Math.Round(d, 9).ToString(System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))];
    }
}
