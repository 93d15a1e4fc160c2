using Dapper;
using Evident.Core.Ingest;
using Evident.Store.Ingest;
using Evident.Store.Status;
using Evident.Text;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Ingest;

/// <summary>The import pipeline end to end, on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class ImportTests
{
    private const string Feedback = """
        id,date,score,comment,segment
        1,2025-03-01T09:00:00Z,2,I was on hold for 40 minutes and nobody called me back.,retail
        2,2025-03-01T10:30:00Z,10,"Lovely staff, the nurse was so kind and helpful.",retail
        3,2025-03-02T08:00:00Z,7,The app keeps crashing when I try to pay my bill.,business
        4,2025-03-02T12:00:00Z,,The parcel arrived damaged and late.,business
        """;

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Import_stores_each_row_with_its_analysis(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);

        var (totals, rejects) = await ImportAsync(target.Location, Feedback, RecordKind.Feedback);

        Assert.Empty(rejects);
        Assert.Equal((4, 4, 0, 0), (totals.RowsRead, totals.Imported, totals.Duplicates, totals.Rejected));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var rows = (await workspace.Connection.QueryAsync<(string Id, double? Score, string? Kind, int Label, string? Segment, string? Friction, double? Wait)>(
            "SELECT external_id, score, score_kind, sentiment_label, segment, friction, wait_minutes FROM feedback ORDER BY external_id")).ToList();
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => r.Id));
        Assert.Equal((2.0, "nps", -1, "retail"), (rows[0].Score, rows[0].Kind, rows[0].Label, rows[0].Segment));
        Assert.Contains("wait", rows[0].Friction);
        Assert.Equal(40, rows[0].Wait);
        Assert.Equal(1, rows[1].Label);
        Assert.Null(rows[3].Score);
        var themes = (await workspace.Connection.QueryAsync<(string Id, string Theme, double Sentiment)>(
            "SELECT f.external_id, t.theme, t.sentiment FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id")).ToList();
        Assert.Contains(themes, t => t is { Id: "1", Theme: "wait-time", Sentiment: < 0 });
        Assert.Contains(themes, t => t is { Id: "2", Theme: "staff-attitude", Sentiment: > 0 });
        Assert.Contains(themes, t => t is { Id: "3", Theme: "digital-self-service" });
        Assert.Contains(themes, t => t is { Id: "4", Theme: "lost-or-damaged-item" });
    }

    [Theory]
    [InlineData(SqliteRecordWriter.CheckpointAfterRows, true)]
    [InlineData(4, false)]
    public async Task A_large_sqlite_import_checkpoints_at_its_end_and_gives_its_connection_back_as_it_was(int rows, bool checkpointed)
    {
        await using var target = await StoreTarget.CreateAsync("sqlite");
        var csv = new System.Text.StringBuilder("id,date,score,comment\n");
        for (int i = 0; i < rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},2025-03-0{1 + i % 9},{i % 11},The queue was long but the staff were kind.\n");
        }

        // Another connection stays open, as a server's would: closing the import's connection is then not the
        // last close, which would checkpoint the WAL whatever the import did.
        await using var server = await Workspace.OpenAsync(target.Location);
        await using (var importing = await Workspace.OpenAsync(target.Location))
        {
            Assert.Equal(rows, (await ImportIntoAsync(importing, csv.ToString())).Imported);
            Assert.Equal(1000, await importing.Connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
        }

        // The database file alone, without its WAL (as a copy that ignores it would be), holds the imported rows
        // after a large run; a small one (an API call's) leaves them to SQLite's usual checkpoint.
        string copy = Path.Combine(Path.GetDirectoryName(target.Location.Target)!, "copy.db");
        File.Copy(target.Location.Target, copy);
        await using var alone = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=false");
        await alone.OpenAsync();
        bool hasTable = await alone.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'feedback')");
        Assert.Equal(checkpointed ? rows : 0, hasTable ? await alone.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback") : 0);
        Assert.Equal(rows, await server.Connection.ExecuteScalarAsync<long>("SELECT sum(n) FROM feedback_rollup WHERE theme = ''"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_chunk_part_stored_part_new_imports_exactly_the_new_rows(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // One chunk of 5,000 keys of which 3,000 are stored: the lookup's count falls short, so it fetches them.
        const int stored = 3_000, all = 5_000;
        static string Rows(int count) => "id,date,score,comment\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"k{i},2025-03-0{1 + i % 9},{i % 11},Fine.\n"));
        await ImportAsync(target.Location, Rows(stored), RecordKind.Feedback);

        var (again, _) = await ImportAsync(target.Location, Rows(all), RecordKind.Feedback);
        var (third, _) = await ImportAsync(target.Location, Rows(all), RecordKind.Feedback);

        Assert.Equal((all, all - stored, stored), (again.RowsRead, again.Imported, again.Duplicates));
        Assert.Equal((all, 0, all), (third.RowsRead, third.Imported, third.Duplicates));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(all, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT external_id) FROM feedback"));
        Assert.Equal(all, await workspace.Connection.ExecuteScalarAsync<long>("SELECT sum(n) FROM feedback_rollup WHERE theme = ''"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Reimporting_the_same_file_adds_nothing_and_leaves_rollups_alone(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        var before = await RollupTotalsAsync(target);

        var (again, _) = await ImportAsync(target.Location, Feedback, RecordKind.Feedback);

        Assert.Equal((4, 0, 4), (again.RowsRead, again.Imported, again.Duplicates));
        Assert.Equal(before, await RollupTotalsAsync(target));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(4, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback"));
        // The run's counters are committed although no chunk had a row to write.
        Assert.Equal(("completed", 4L, 0L, 4L), await workspace.Connection.QuerySingleAsync<(string, long, long, long)>(
            "SELECT status, rows_read, imported, duplicates FROM import_run ORDER BY id DESC LIMIT 1"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_row_stored_since_with_other_values_is_rejected_naming_its_id_and_the_stored_row_stays(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        var before = await RollupTotalsAsync(target);

        // The export again a week later: row 3's score corrected, its columns in another order, and one row more.
        const string later = """
            comment,segment,score,date,id
            I was on hold for 40 minutes and nobody called me back.,retail,2,2025-03-01T09:00:00Z,1
            "Lovely staff, the nurse was so kind and helpful.",retail,10,2025-03-01T10:30:00Z,2
            The app keeps crashing when I try to pay my bill.,business,8,2025-03-02T08:00:00Z,3
            The parcel arrived damaged and late.,business,,2025-03-02T12:00:00Z,4
            Quick and easy.,retail,9,2025-03-03T09:00:00Z,5
            """;
        var (again, rejects) = await ImportAsync(target.Location, later, RecordKind.Feedback);

        Assert.Equal((5, 1, 3, 1), (again.RowsRead, again.Imported, again.Duplicates, again.Rejected));
        var reject = Assert.Single(rejects);
        Assert.Equal(4, reject.Line);
        Assert.Contains("the id \"3\" is stored already, with other values", reject.Reason, StringComparison.Ordinal);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(7.0, await workspace.Connection.ExecuteScalarAsync<double>("SELECT score FROM feedback WHERE external_id = '3'"));
        var after = await RollupTotalsAsync(target);
        Assert.Equal((before.N + 1, before.ScoreSum + 9), (after.N, after.ScoreSum)); // the new row's, and no other change
        Assert.Equal((1L, 1L, 3L), await workspace.Connection.QuerySingleAsync<(long, long, long)>(
            "SELECT rejected, imported, duplicates FROM import_run ORDER BY id DESC LIMIT 1"));

        // Imported again, the same: still rejected, never stored.
        var (third, _) = await ImportAsync(target.Location, later, RecordKind.Feedback);
        Assert.Equal((0, 4, 1), (third.Imported, third.Duplicates, third.Rejected));
    }

    [SkippableTheory]
    [InlineData("sqlite", false)]
    [InlineData("postgres", false)]
    [InlineData("sqlite", true)]
    [InlineData("postgres", true)]
    public async Task Changed_rows_are_found_in_chunks_wholly_and_partly_stored_in_any_key_order(string dialect, bool shuffled)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        const int stored = 3_000, all = 5_000;
        int[] changed = [100, 2_047, 2_500];
        var order = Enumerable.Range(0, all).ToArray();
        if (shuffled)
        {
            new Random(7).Shuffle(order);
        }

        string Rows(int count, bool later) => "id,date,score,comment\n" + string.Concat(order.Where(i => i < count).Select(i =>
            $"k{i:D4},2025-03-0{1 + i % 9},{(later && changed.Contains(i) ? 10 - i % 11 : i % 11)},Fine.\n"));
        await ImportAsync(target.Location, Rows(stored, later: false), RecordKind.Feedback);

        var (again, rejects) = await ImportAsync(target.Location, Rows(all, later: true), RecordKind.Feedback);

        Assert.Equal((all - stored, stored - changed.Length, changed.Length), (again.Imported, again.Duplicates, again.Rejected));
        Assert.Equal(changed.Select(i => $"\"k{i:D4}\"").Order(), rejects.Select(r => r.Reason.Split(' ')[2]).Order());
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(all, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_same_export_saved_under_a_new_name_is_refused_before_anything_is_written(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        const string monday = "id,date,score,comment\n1,2025-03-01,2,Slow.\n2,2025-03-01,9,Kind.\n3,2025-03-02,7,Fine.\n";
        string friday = monday + "4,2025-03-04,10,Quick.\n";
        await ImportNamedByFileAsync(target.Location, monday, "tickets-2025-03-03");

        var refused = await Assert.ThrowsAsync<StoreException>(() => ImportNamedByFileAsync(target.Location, friday, "tickets-2025-03-07"));

        Assert.Equal(
            "tickets-2025-03-07.csv: 3 of its first 4 rows are stored already, with the same values, under source \"tickets-2025-03-03\"; its "
            + "source, named after the file (\"tickets-2025-03-07\"), is new, so each of them would be stored a second time. Give it the source "
            + "\"tickets-2025-03-03\" to add only its new rows, or a source of its own to keep it apart. Nothing was imported.",
            refused.Message);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            Assert.Equal(3, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback"));
            // The run is kept as failed, with why, for status and the import page.
            var run = (await ImportRuns.LatestAsync(workspace, 1))[0];
            Assert.Equal(("failed", refused.Message), (run.Status, run.Error));
        }

        // Given as the old source, only the new row is added; given as a source of its own, it is kept apart, as told.
        var (asOld, _) = await ImportAsync(target.Location, friday, RecordKind.Feedback, source: "tickets-2025-03-03");
        Assert.Equal((1, 3), (asOld.Imported, asOld.Duplicates));
        Assert.Equal(4, (await ImportAsync(target.Location, friday, RecordKind.Feedback, source: "friday")).Totals.Imported);
        // Another system whose ids overlap says other things under them: not the same rows.
        Assert.Equal(3, (await ImportNamedByFileAsync(target.Location, monday.Replace("Slow.", "Late.", StringComparison.Ordinal).Replace("Kind.", "Rude.", StringComparison.Ordinal), "zendesk")).Imported);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_stored_before_values_were_hashed_are_never_found_changed(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            await workspace.Connection.ExecuteAsync("UPDATE feedback SET values_hash = NULL"); // as migration 19 leaves older rows
        }

        var (again, rejects) = await ImportAsync(target.Location, Feedback.Replace(",7,", ",8,", StringComparison.Ordinal), RecordKind.Feedback);

        Assert.Empty(rejects);
        Assert.Equal((0, 4), (again.Imported, again.Duplicates));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_engine_loads_for_rows_to_analyse_and_never_for_a_re_import_of_stored_rows(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        Lazy<TextAnalyzer> Engine() => new(() => TextAnalyzer.Default);

        var first = Engine();
        Assert.Equal(4, (await ImportLazilyAsync(target.Location, Feedback, first)).Imported);
        Assert.True(first.IsValueCreated);

        var again = Engine();
        Assert.Equal(4, (await ImportLazilyAsync(target.Location, Feedback, again)).Duplicates);
        Assert.False(again.IsValueCreated);

        var oneMore = Engine();
        Assert.Equal(1, (await ImportLazilyAsync(target.Location, Feedback + "\n5,2025-03-03T09:00:00Z,9,Quick and easy.,retail", oneMore)).Imported);
        Assert.True(oneMore.IsValueCreated);

        // Interactions carry no text to analyse: a first import of them never loads it either.
        var interactions = Engine();
        Assert.Equal(1, (await ImportLazilyAsync(target.Location, "id,started_at,channel\nt1,2025-03-01T09:00:00Z,phone\n", interactions, RecordKind.Interactions)).Imported);
        Assert.False(interactions.IsValueCreated);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_partly_stored_file_in_many_chunks_adds_its_new_rows_in_the_files_order(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        static string Csv(IEnumerable<int> ids) =>
            "id,date,comment\n" + string.Concat(ids.Select(i => $"k{i:D2},2025-03-{1 + i % 28:D2},The queue was long.\n"));
        await ImportAsync(target.Location, Csv(Enumerable.Range(0, 40).Where(i => i % 3 == 0)), RecordKind.Feedback);
        // Chunks of three, each with stored and new keys in no order: on PostgreSQL two look-ups take the chunks in
        // turn, and the chunks must still reach the writer in the file's order. The first chunk repeats a new key.
        int[] order = [.. Enumerable.Range(0, 40).Select(i => i * 17 % 40)];
        Assert.Equal(17, order[1]);

        var (again, _) = await ImportAsync(target.Location, Csv(order.Take(2).Append(17).Concat(order.Skip(2))), RecordKind.Feedback, chunkSize: 3);

        var added = order.Where(i => i % 3 != 0).Select(i => $"k{i:D2}").ToList();
        Assert.Equal((41, added.Count, 41 - added.Count), (again.RowsRead, again.Imported, again.Duplicates));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var stored = (await workspace.Connection.QueryAsync<string>("SELECT external_id FROM feedback ORDER BY id")).ToList();
        Assert.Equal(added, stored[(40 - added.Count)..]);
        Assert.Equal(40, await workspace.Connection.ExecuteScalarAsync<long>("SELECT sum(n) FROM feedback_rollup WHERE theme = ''"));
    }

    [SkippableFact]
    public async Task A_postgres_import_takes_fresh_statistics_only_when_it_added_rows()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        const string Analyses = "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'feedback'"; // ANALYZE run by hand, not autovacuum's

        long migrated, afterFirst; // a migration analyses the table too
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            migrated = await workspace.Connection.ExecuteScalarAsync<long>(Analyses);
        }

        await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            afterFirst = await workspace.Connection.ExecuteScalarAsync<long>(Analyses);
        }

        var (again, _) = await ImportAsync(target.Location, Feedback, RecordKind.Feedback);
        await using var check = await Workspace.OpenAsync(target.Location);

        Assert.Equal(migrated + 1, afterFirst);
        Assert.Equal(0, again.Imported);
        Assert.Equal(afterFirst, await check.Connection.ExecuteScalarAsync<long>(Analyses));
    }

    [SkippableFact]
    public async Task A_postgres_import_leaves_the_pages_of_the_rows_it_added_all_visible()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        // Enough rows for several pages; a re-import's index-only look-ups then read no row's page.
        var csv = new System.Text.StringBuilder("id,date,nps,comment\n");
        for (int i = 0; i < 2_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"r{i:D5},2026-03-01T10:00:00Z,{i % 11},\"The queue was long, {i} minutes.\"\n");
        }

        await ImportAsync(target.Location, csv.ToString(), RecordKind.Feedback);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var (pages, allVisible) = await workspace.Connection.QuerySingleAsync<(int, int)>(
            "SELECT relpages, relallvisible FROM pg_class WHERE relname = 'feedback'");
        Assert.True(pages > 1, $"{pages} pages");
        Assert.Equal(pages, allVisible);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_without_an_id_are_keyed_by_their_content(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        const string noIds = """
            date,comment
            2025-03-01,The queue was long.
            2025-03-01,The queue was long.
            2025-03-02,The queue was long.
            """;

        var (first, _) = await ImportAsync(target.Location, noIds, RecordKind.Feedback);
        var (second, _) = await ImportAsync(target.Location, noIds, RecordKind.Feedback);

        // The same words on the same day are one row; on another day they are another.
        Assert.Equal((2, 1), (first.Imported, first.Duplicates));
        Assert.Equal((0, 3), (second.Imported, second.Duplicates));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_id_repeated_in_a_later_chunk_of_a_first_import_counts_once(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // Chunks of two rows: row 1 comes back whole in the second chunk, when nothing of the source was stored before
        // the import began (PostgreSQL copies such chunks straight in, and must fall back when the key repeats).
        const string content = """
            id,date,score,comment
            1,2025-03-01,9,Great.
            2,2025-03-01,3,The queue was long.
            3,2025-03-02,8,Fine.
            1,2025-03-01,9,Great.
            4,2025-03-04,10,Lovely.
            """;

        var (totals, _) = await ImportAsync(target.Location, content, RecordKind.Feedback, batchSize: 2);

        Assert.Equal((5, 4, 1), (totals.RowsRead, totals.Imported, totals.Duplicates));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(4, await workspace.Connection.ExecuteScalarAsync<long>("SELECT sum(n) FROM feedback_rollup WHERE theme = ''"));
        Assert.Equal(30.0, await workspace.Connection.ExecuteScalarAsync<double>("SELECT sum(score_sum) FROM feedback_rollup WHERE theme = ''"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_nul_character_in_a_value_is_taken_out_and_the_row_stored_on_both(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // PostgreSQL's text holds no NUL: this file failed its whole import there, on every rerun.
        const string content = "id,date,comment,note\n1,2025-03-01,good,a\n2,2025-03-01,bad\0text,b\0c\n3,2025-03-02,fine,d\n";

        var (totals, rejects) = await ImportAsync(target.Location, content, RecordKind.Feedback);

        Assert.Empty(rejects);
        Assert.Equal((3, 3), (totals.RowsRead, totals.Imported));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(("badtext", "{\"note\":\"bc\"}"), await workspace.Connection.QuerySingleAsync<(string, string)>(
            "SELECT text, attributes FROM feedback WHERE external_id = '2'"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_id_or_segment_too_long_to_index_is_rejected_at_its_column_and_the_rest_stored_on_both(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // Random letters, so that PostgreSQL cannot compress them under its index's limit: one such id failed its whole
        // import there ("index row requires 9024 bytes").
        var random = new Random(3);
        string Letters(int n) => new([.. Enumerable.Range(0, n).Select(_ => (char)('a' + random.Next(26)))]);
        string content = $"id,date,comment,segment\n1,2025-03-01,good,a\n{Letters(9_000)},2025-03-01,long id,b\n3,2025-03-02,fine,{Letters(9_000)}\n4,2025-03-02,ok,{Letters(200)}\n";

        var (totals, rejects) = await ImportAsync(target.Location, content, RecordKind.Feedback);

        Assert.Equal((4, 2, 2), (totals.RowsRead, totals.Imported, totals.Rejected));
        Assert.Equal([(3L, "id"), (4L, "segment")], rejects.Select(r => (r.Line, r.Column)));
        Assert.Equal("an id is a name or a code of at most 500 characters, not 9,000: does the column hold something else (map it to another field, or keep it with the row)?", rejects[0].Reason);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_id_a_file_repeats_with_other_values_is_rejected_naming_the_first_line(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // The id column is a customer's number, not the row's: each row says something else and must not vanish as a
        // duplicate. Row 2 comes back whole (an export's repeat) and is one. Chunks of two rows, so that the repeats
        // are in other chunks than their first.
        const string content = """
            id,date,score,comment
            1,2025-03-01,9,Great.
            2,2025-03-01,3,The queue was long.
            3,2025-03-02,8,Fine.
            1,2025-03-03,0,Never again.
            2,2025-03-01,3,The queue was long.
            """;

        var (totals, rejects) = await ImportAsync(target.Location, content, RecordKind.Feedback, batchSize: 2);
        var (again, rejectedAgain) = await ImportAsync(target.Location, content, RecordKind.Feedback, batchSize: 2);

        Assert.Equal((5, 3, 1, 1), (totals.RowsRead, totals.Imported, totals.Duplicates, totals.Rejected));
        var reject = Assert.Single(rejects);
        Assert.Equal((5, "id"), (reject.Line, reject.Column));
        Assert.StartsWith("line 2 gave the id \"1\" too, with other values", reject.Reason);
        Assert.Contains("--map \"id=-\"", reject.Reason);
        // Importing the file again says the same, and stores nothing more.
        Assert.Equal((0, 4, 1), (again.Imported, again.Duplicates, again.Rejected));
        Assert.Equal(reject, Assert.Single(rejectedAgain));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(9.0, await workspace.Connection.ExecuteScalarAsync<double>("SELECT score FROM feedback WHERE external_id = '1'"));
        Assert.Equal(3, await workspace.Connection.ExecuteScalarAsync<long>("SELECT sum(n) FROM feedback_rollup WHERE theme = ''"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_id_repeated_within_one_transaction_is_taken_out_of_the_rollup(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // Chunks of two rows in one transaction: the pre-check cannot see id 1 (not committed), the analysis stage sums
        // the repeat into the rollup, and the writer, finding the key stored, must take it out again. A file's repeat
        // with other values is rejected as it is read; a source that does not look (TWCS threads) still passes it on.
        const string content = """
            id,date,score,comment
            1,2025-03-01,9,Great.
            2,2025-03-01,3,The queue was long and the staff were rude.
            3,2025-03-02,8,Fine.
            1,2025-04-20,0,A second row with the first id: the wait was awful.
            4,2025-03-04,10,Lovely.
            """;

        var (totals, _) = await RunAsync(target.Location, MappedOnly(content), "feedback", "test", batchSize: 100, chunkSize: 2);

        Assert.Equal((5, 4, 1), (totals.RowsRead, totals.Imported, totals.Duplicates));
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var connection = workspace.Connection;
        Assert.Equal((4L, 30.0), await connection.QuerySingleAsync<(long, double)>("SELECT sum(n), sum(score_sum) FROM feedback_rollup WHERE theme = ''"));
        Assert.Equal((4L, 30.0), await connection.QuerySingleAsync<(long, double)>("SELECT sum(n), sum(score_sum) FROM feedback_rollup_span WHERE theme = ''"));
        // The repeat's day, themes and friction leave no row behind, not even one of zeros.
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback_rollup WHERE day >= '2025-04-01' OR n = 0"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback_rollup_span WHERE day >= '2025-04-01' OR n = 0"));
        var themes = (await connection.QueryAsync<(string, long)>(
            "SELECT theme, sum(n) FROM feedback_rollup WHERE theme <> '' AND theme NOT LIKE 'friction:%' GROUP BY theme ORDER BY theme")).ToList();
        Assert.Equal(await connection.QueryAsync<(string, long)>("SELECT theme, count(*) FROM feedback_theme GROUP BY theme ORDER BY theme"), themes);
        Assert.Contains(themes, t => t.Item1 == "staff-attitude");
        Assert.Equal(
            await connection.QueryAsync<(string, long)>("SELECT 'friction:' || kind, count(*) FROM feedback_friction GROUP BY kind ORDER BY kind"),
            await connection.QueryAsync<(string, long)>("SELECT theme, sum(n) FROM feedback_rollup WHERE theme LIKE 'friction:%' GROUP BY theme ORDER BY theme"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rollups_add_up_to_the_rows_across_batches_and_imports(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        var lines = new List<string> { "id,date,nps,comment,segment,channel" };
        var random = new Random(7);
        string[] comments = ["On hold for an hour.", "Great staff, very kind.", "Refund still not processed.", "Fine.", "The app crashed twice and the queue was long."];
        for (int i = 0; i < 300; i++)
        {
            lines.Add($"{i},2025-0{1 + random.Next(3)}-1{random.Next(10)}T10:00:00Z,{random.Next(11)},\"{comments[random.Next(comments.Length)]}\",{(i % 3 == 0 ? "retail" : "")},{(i % 2 == 0 ? "phone" : "")}");
        }

        string all = string.Join('\n', lines);
        await ImportAsync(target.Location, string.Join('\n', lines.Take(151)), RecordKind.Feedback, batchSize: 40);
        // Chunks of 64: the first two held only stored keys, the third both stored and new ones, the rest only new.
        var (second, _) = await ImportAsync(target.Location, all, RecordKind.Feedback, batchSize: 64);
        Assert.Equal((300, 150, 150), (second.RowsRead, second.Imported, second.Duplicates));

        await using var workspace = await Workspace.OpenAsync(target.Location);
        var connection = workspace.Connection;
        var byRows = await connection.QuerySingleAsync<(long N, double ScoreSum, long Promoters, long Negative)>(
            "SELECT count(*), sum(score), count(CASE WHEN score >= 9 THEN 1 END), count(CASE WHEN sentiment <= -0.05 THEN 1 END) FROM feedback");
        var byRollup = await connection.QuerySingleAsync<(long N, double ScoreSum, long Promoters, long Negative)>(
            "SELECT sum(n), sum(score_sum), sum(s9) + sum(s10), sum(negative) FROM feedback_rollup WHERE theme = ''");
        Assert.Equal(300, byRows.N);
        Assert.Equal(byRows, byRollup);
        var themeRows = (await connection.QueryAsync<(string Theme, long N)>("SELECT theme, count(*) FROM feedback_theme GROUP BY theme ORDER BY theme")).ToList();
        var themeRollup = (await connection.QueryAsync<(string Theme, long N)>("SELECT theme, sum(n) FROM feedback_rollup WHERE theme <> '' AND theme NOT LIKE 'friction:%' GROUP BY theme ORDER BY theme")).ToList();
        Assert.NotEmpty(themeRows);
        Assert.Equal(themeRows, themeRollup);
        const string frictionByRows = "SELECT 'friction:' || ff.kind, count(*), sum(f.sentiment) FROM feedback_friction ff JOIN feedback f ON f.id = ff.feedback_id GROUP BY ff.kind ORDER BY 1";
        const string frictionByRollup = "SELECT theme, sum(n), sum(theme_sentiment_sum) FROM feedback_rollup WHERE theme LIKE 'friction:%' GROUP BY theme ORDER BY theme";
        var frictionRows = (await connection.QueryAsync<(string Kind, long N, double Sentiment)>(frictionByRows)).ToList();
        Assert.NotEmpty(frictionRows);
        Assert.Equal(Rounded(frictionRows), Rounded(await connection.QueryAsync<(string, long, double)>(frictionByRollup)));

        // The rollup per span, kept at import, and as migration 0010 sums it from the rollup per day.
        await RollupSpans.AssertMatchDaysAsync(connection);
        await connection.ExecuteAsync("DELETE FROM feedback_rollup_span; DELETE FROM schema_migration WHERE version = 10");
        await using (var reopened = await Workspace.OpenAsync(target.Location))
        {
            await RollupSpans.AssertMatchDaysAsync(reopened.Connection);
        }

        // Channel rows for all feedback, as kept at import, and as migration 0003 sums them from the stored rows.
        const string byChannel = "SELECT channel, sum(n), sum(score_sum), sum(s0) + sum(s10), sum(with_friction) FROM feedback_rollup WHERE theme = '' GROUP BY channel ORDER BY channel";
        var channels = (await connection.QueryAsync<(string, long, double, long, long)>(byChannel)).ToList();
        Assert.Equal(300, channels.Sum(c => c.Item2));
        Assert.Equal(["", "phone"], channels.Select(c => c.Item1));
        await connection.ExecuteAsync("DELETE FROM feedback_rollup WHERE theme = ''; DELETE FROM schema_migration WHERE version = 3");
        await using (var reopened = await Workspace.OpenAsync(target.Location))
        {
            Assert.Equal(channels, (await reopened.Connection.QueryAsync<(string, long, double, long, long)>(byChannel)).ToList());
        }

        // A workspace from before friction rollups: the migration sums the stored rows into the same figures.
        await connection.ExecuteAsync("DELETE FROM feedback_rollup WHERE theme LIKE 'friction:%'; DELETE FROM schema_migration WHERE version IN (2, 3)");
        await using (var reopened = await Workspace.OpenAsync(target.Location))
        {
            Assert.Equal(Rounded(frictionRows), Rounded(await reopened.Connection.QueryAsync<(string, long, double)>(frictionByRollup)));
        }
        var retail = await connection.ExecuteScalarAsync<long>("SELECT sum(n) FROM feedback_rollup WHERE theme = '' AND segment = 'retail'");
        Assert.Equal(100, retail);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Bad_rows_are_rejected_with_their_line_and_column_and_the_rest_imported(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        const string content = """
            id,date,score,comment
            1,2025-03-01,9,Good.
            2,yesterday,9,Bad date.
            3,2025-03-02,11,Score out of range.
            4,2025-03-03,3,"Multi-line
            comment that is fine."
            5,2025-03-04,,
            """;

        var (totals, rejects) = await ImportAsync(target.Location, content, RecordKind.Feedback);

        Assert.Equal((5, 2, 3), (totals.RowsRead, totals.Imported, totals.Rejected));
        Assert.Collection(rejects,
            r => Assert.Equal((3L, "date"), (r.Line, r.Column)),
            r => Assert.Equal((4L, "score"), (r.Line, r.Column)),
            r => Assert.Equal(7L, r.Line));
        Assert.Contains("0 to 10", rejects[1].Reason);
        Assert.Contains("neither a text nor a score", rejects[2].Reason);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_kind_is_stored_and_counted_by_status(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Feedback, RecordKind.Feedback, source: "survey");
        await ImportAsync(target.Location, """
            id,customer_id,channel,started_at,first_response_at,ended_at,transfers,team
            c1,p1,phone,2025-03-01T09:00:00Z,2025-03-01T09:12:30Z,2025-03-01T09:40:00Z,2,billing
            c2,p2,chat,2025-03-02T09:00:00Z,,2025-03-02T09:05:00Z,0,support
            """, RecordKind.Interactions, source: "calls");
        await ImportAsync(target.Location, """
            customer_id,event,stage,at
            p1,visit,store,2025-03-01T12:00:00Z
            p1,churn,account,2025-04-01T12:00:00Z
            """, RecordKind.Journey, source: "crm");
        await ImportAsync(target.Location, """
            id,date,author,audience,text
            m1,2025-03-01,CEO,internal,Thank you to our people for everything you do for our patients. Buy now and save.
            """, RecordKind.Comms, source: "memos");
        await ImportAsync(target.Location, """
            id,date,enps,comment,team
            e1,2025-03-01,3,Too many tickets and not enough people on the team.,support
            """, RecordKind.Pulse, source: "pulse");

        await using var workspace = await Workspace.OpenAsync(target.Location);
        var status = await WorkspaceStatus.ReadAsync(workspace);

        Assert.Equal(4, status.Counts["feedback"]);
        Assert.Equal(2, status.Counts["interactions"]);
        Assert.Equal(2, status.Counts["journey"]);
        Assert.Equal(1, status.Counts["comms"]);
        Assert.Equal(1, status.Counts["pulse"]);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), status.From);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 12, 0, 0, TimeSpan.Zero), status.To);
        Assert.Equal(5, status.LastImports.Count);
        Assert.All(status.LastImports, run => Assert.Equal("completed", run.Status));
        var call = await workspace.Connection.QuerySingleAsync<(double? FirstResponse, double? Resolution, int Transfers)>(
            "SELECT first_response_seconds, resolution_seconds, transfers FROM interaction WHERE external_id = 'c1'");
        Assert.Equal((750.0, 2400.0, 2), (call.FirstResponse, call.Resolution, call.Transfers));
        var memo = await workspace.Connection.QuerySingleAsync<string>("SELECT signals FROM communication");
        Assert.Contains("employee-focus", memo);
        Assert.Contains("sales-pressure", memo);
        var employee = await workspace.Connection.QuerySingleAsync<(string Subject, string Kind, string Team)>(
            "SELECT subject, score_kind, team FROM feedback WHERE source = 'pulse'");
        Assert.Equal(("employee", "enps", "support"), employee);
        var persons = (await workspace.Connection.QueryAsync<(string Kind, string Key)>("SELECT kind, person_key FROM person ORDER BY person_key")).ToList();
        Assert.Equal([("customer", "p1"), ("customer", "p2")], persons);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Persons_are_upserted_chunk_by_chunk_with_their_first_time_and_latest_segment(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // two rows per chunk: p1 spans three chunks, later rows older than earlier ones, its last row without a segment
        await ImportAsync(target.Location, """
            id,date,score,comment,customer_id,segment
            r1,2025-03-05,8,Fine.,p1,retail
            r2,2025-03-02,6,Slow.,p2,online
            r3,2025-03-01,9,Great.,p1,online
            r4,2025-03-09,7,Okay.,p3,
            r5,2025-03-07,5,Late again.,p1,
            """, RecordKind.Feedback, chunkSize: 2);

        await using var workspace = await Workspace.OpenAsync(target.Location);
        var persons = (await workspace.Connection.QueryAsync<(string Key, string? Segment, string FirstSeen)>(
            dialect == "sqlite"
                ? "SELECT person_key, segment, first_seen FROM person ORDER BY person_key"
                : "SELECT person_key, segment, to_char(first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM person ORDER BY person_key")).ToList();
        Assert.Equal(["p1", "p2", "p3"], persons.Select(p => p.Key));
        Assert.Equal("online", persons[0].Segment); // the latest segment given; the last row gave none
        Assert.StartsWith("2025-03-01", persons[0].FirstSeen); // the earliest row, from the second chunk
        Assert.Null(persons[2].Segment);
    }

    private static List<(string, long, double)> Rounded(IEnumerable<(string Kind, long N, double Sentiment)> rows) =>
        [.. rows.Select(r => (r.Kind, r.N, Math.Round(r.Sentiment, 6)))];

    private static async Task<(long N, double ScoreSum, long Themed)> RollupTotalsAsync(StoreTarget target)
    {
        await using var workspace = await Workspace.OpenAsync(target.Location);
        return await workspace.Connection.QuerySingleAsync<(long, double, long)>(
            "SELECT sum(CASE WHEN theme = '' THEN n ELSE 0 END), sum(CASE WHEN theme = '' THEN score_sum ELSE 0 END), sum(CASE WHEN theme <> '' THEN n ELSE 0 END) FROM feedback_rollup");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Status_reads_a_workspace_whose_only_import_never_finished(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        await using (var writer = await RecordWriter.CreateAsync(workspace, CancellationToken.None))
        {
            await writer.BeginRunAsync(new ImportRunInfo("feedback", "survey", "/data/survey.csv", 100), CancellationToken.None);
            // as when the process is killed: the run is never finished
        }

        var status = await WorkspaceStatus.ReadAsync(workspace);

        var run = Assert.Single(status.LastImports);
        Assert.Equal("running", run.Status);
        Assert.Null(run.FinishedAt); // the newest run's empty finished_at once made SQLite type the column as a blob
        Assert.Equal("survey.csv", run.Name);
    }
}
