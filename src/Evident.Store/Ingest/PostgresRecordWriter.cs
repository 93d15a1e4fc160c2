using Evident.Core.Records;
using Evident.Store.Evidence;
using Npgsql;
using NpgsqlTypes;

namespace Evident.Store.Ingest;

/// <summary>
/// PostgreSQL: each batch is sent by binary COPY into temporary staging tables, then moved in one statement per
/// table with <c>ON CONFLICT DO NOTHING</c> (a feedback row's themes and friction follow it only when it was new);
/// the rollups of the new rows are added at commit, in the same transaction.
/// </summary>
internal sealed class PostgresRecordWriter(Workspace workspace) : RecordWriter
{
    /// <summary>Feedback's columns and, last, PostgreSQL's own: the comment's search vector (<see cref="PostgresSearch"/>).</summary>
    private static readonly string[] s_feedbackColumns = [.. RecordColumns.Feedback, "search"];

    private static readonly (string Table, string[] Columns)[] s_tables =
    [
        ("feedback", s_feedbackColumns), ("interaction", RecordColumns.Interaction),
        ("journey_event", RecordColumns.Journey), ("communication", RecordColumns.Communication),
    ];

    private readonly NpgsqlConnection _connection = (NpgsqlConnection)workspace.Connection;
    private readonly PersonsSeen _persons = new();
    private NpgsqlTransaction? _transaction;
    private PendingCounts _pending;
    private long _runId;
    private bool _holdsBulkLock;
    private int _indexesSetAside;
    private long _insertedInRun; // rows this run inserted, committed or not
    private long? _feedbackSequence; // the oid of feedback's id sequence

    /// <summary>Each analysis thread's encoder of feedback rows (<see cref="Prepare"/>).</summary>
    [ThreadStatic]
    private static CopyEncoder? t_encoder;

    /// <summary>Encodes a feedback record's columns for the COPY here, on the analysis threads, so that the one writing
    /// thread only sends bytes.</summary>
    public override void Prepare(ImportedRecord record)
    {
        if (record is FeedbackRecord feedback)
        {
            var encoder = t_encoder ??= new CopyEncoder(4096);
            encoder.Clear();
            EncodeColumns(feedback, encoder);
            feedback.Prepared = encoder.Written.ToArray();
        }
    }

    /// <summary>A feedback record's values in <see cref="s_feedbackColumns"/>' order: its columns, then the search vector
    /// of a customer's comment (null for the rest, as Voices searches only those).</summary>
    private static void EncodeColumns(FeedbackRecord feedback, CopyEncoder into)
    {
        var columns = new CopyColumns(into);
        RecordColumns.Write(feedback, ref columns);
        if (feedback is { Subject: FeedbackRecord.Customer, Text: { } text })
        {
            into.Field(text, PostgresSearch.Vector);
        }
        else
        {
            into.Null();
        }
    }

    /// <summary>As <see cref="EncodeColumns"/>, taking what <see cref="Prepare"/> encoded when it did.</summary>
    private static void WriteColumns(FeedbackRecord feedback, CopyEncoder into)
    {
        if (feedback.Prepared is byte[] encoded)
        {
            into.Raw(encoded);
        }
        else
        {
            EncodeColumns(feedback, into);
        }
    }

    protected override async Task PrepareAsync(CancellationToken cancellation)
    {
        var sql = new List<string>();
        foreach (var (table, columns) in s_tables)
        {
            sql.Add($"CREATE TEMP TABLE IF NOT EXISTS stage_{table} ({string.Join(", ", columns.Select(c => $"{c} {SqlType(c)}"))}) ON COMMIT DELETE ROWS");
        }

        sql.Add("CREATE TEMP TABLE IF NOT EXISTS stage_feedback_theme (source text, external_id text, theme text, sentiment double precision) ON COMMIT DELETE ROWS");
        sql.Add("CREATE TEMP TABLE IF NOT EXISTS stage_feedback_friction (source text, external_id text, kind text, minutes double precision) ON COMMIT DELETE ROWS");
        sql.Add("CREATE TEMP TABLE IF NOT EXISTS stage_person (LIKE person) ON COMMIT DELETE ROWS");
        sql.Add("CREATE TEMP TABLE IF NOT EXISTS stage_rollup (LIKE feedback_rollup) ON COMMIT DELETE ROWS");
        await Execute(string.Join(";\n", sql), cancellation);
    }

    public override async Task<long> BeginRunAsync(ImportRunInfo info, CancellationToken cancellation)
    {
        int? setAside = await PostgresDeferredIndexes.SetAsideAsync(_connection, DeferredIndexes.TablesFilledBy(info.Kind), workspace.Notice, cancellation);
        _holdsBulkLock = setAside is not null;
        _indexesSetAside = setAside ?? 0;
        await using var command = new NpgsqlCommand(
            "INSERT INTO import_run (workspace_id, kind, source, file_name, file_bytes, options, started_at, status) VALUES (@w, @k, @s, @f, @b, @o, now(), 'running') RETURNING id",
            _connection);
        command.Parameters.AddWithValue("w", workspace.Id);
        command.Parameters.AddWithValue("k", info.Kind);
        command.Parameters.AddWithValue("s", info.Source);
        command.Parameters.AddWithValue("f", info.FileName);
        command.Parameters.AddWithValue("b", NpgsqlDbType.Bigint, (object?)info.FileBytes ?? DBNull.Value);
        command.Parameters.AddWithValue("o", NpgsqlDbType.Text, (object?)info.OptionsJson ?? DBNull.Value);
        _runId = (long)(await command.ExecuteScalarAsync(cancellation))!;
        return _runId;
    }

    public override async Task<BatchOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellation)
    {
        _transaction ??= await _connection.BeginTransactionAsync(cancellation);
        TakeRollupOf(batch);
        if (batch.Records.Count == 0)
        {
            // A re-import's chunk, every row stored: only the counters move. Emptying the six staging tables for it was a
            // round trip a chunk, about 1 s of a million-row re-import; the next batch with rows empties them.
            _pending = _pending.Add(batch.RowsRead, 0, batch.Duplicates, batch.Rejected);
            return new BatchOutcome(0, batch.Duplicates);
        }

        if (batch.SourcesWereEmpty && await TryCopyFeedbackAsync(batch, cancellation))
        {
            await WritePersonsAsync(batch.Records, cancellation);
            _pending = _pending.Add(batch.RowsRead, batch.Records.Count, batch.Duplicates, batch.Rejected);
            _insertedInRun += batch.Records.Count;
            return new BatchOutcome(batch.Records.Count, batch.Duplicates);
        }

        // Staging tables empty themselves at commit; a transaction spans several batches, so empty them here too.
        // DELETE, not TRUNCATE: truncating a table inside a transaction gives it a new file each time.
        await Execute("DELETE FROM stage_feedback; DELETE FROM stage_interaction; DELETE FROM stage_journey_event; DELETE FROM stage_communication; DELETE FROM stage_feedback_theme; DELETE FROM stage_feedback_friction", cancellation);
        long inserted = 0;
        foreach (var (table, columns) in s_tables)
        {
            int staged = await StageAsync(table, columns, batch.Records, cancellation);
            if (staged == 0)
            {
                continue;
            }

            if (table == "feedback")
            {
                var byKey = new Dictionary<(string, string), FeedbackRecord>();
                foreach (var f in batch.Records.OfType<FeedbackRecord>())
                {
                    byKey[(f.Source, f.ExternalId)] = f;
                }

                await StageChildrenAsync([.. byKey.Values], cancellation);
                inserted += await MoveFeedbackAsync(byKey, cancellation);
            }
            else
            {
                inserted += await Execute(
                    $"INSERT INTO {table} (workspace_id, import_id, {string.Join(", ", columns)}) SELECT {workspace.Id}, {_runId}, {string.Join(", ", columns)} FROM stage_{table} ON CONFLICT DO NOTHING",
                    cancellation);
            }
        }

        await WritePersonsAsync(batch.Records, cancellation);
        long duplicates = batch.Duplicates + batch.Records.Count - inserted;
        _pending = _pending.Add(batch.RowsRead, inserted, duplicates, batch.Rejected);
        _insertedInRun += inserted;
        return new BatchOutcome(inserted, duplicates);
    }

    public override async Task CommitAsync(CancellationToken cancellation)
    {
        if (_transaction is null)
        {
            return;
        }

        var rollup = InsertedRollup();
        if (rollup.Count > 0)
        {
            await CopyRollupsAsync(rollup, cancellation);
            await Execute(Rollups.UpsertFromSql("stage_rollup"), cancellation);
            await Execute(Rollups.SumIntoSpansSql(StoreDialect.Postgres, "stage_rollup", "TRUE"), cancellation);
        }

        await using (var counters = new NpgsqlCommand(
            "UPDATE import_run SET rows_read = rows_read + @r, imported = imported + @i, duplicates = duplicates + @d, rejected = rejected + @j WHERE id = @id",
            _connection))
        {
            counters.Parameters.AddWithValue("r", _pending.RowsRead);
            counters.Parameters.AddWithValue("i", _pending.Inserted);
            counters.Parameters.AddWithValue("d", _pending.Duplicates);
            counters.Parameters.AddWithValue("j", _pending.Rejected);
            counters.Parameters.AddWithValue("id", _runId);
            await counters.ExecuteNonQueryAsync(cancellation);
        }

        await _transaction.CommitAsync(cancellation);
        await _transaction.DisposeAsync();
        _transaction = null;
        ClearRollup();
        _pending = default; // the persons were written and let go chunk by chunk
    }

    private async Task CopyRollupsAsync(FeedbackRollup rollup, CancellationToken cancellation)
    {
        var columns = Rollups.Columns;
        await using var copy = await PostgresCopy.BeginAsync(_connection, "stage_rollup", string.Join(", ", columns), cancellation);
        foreach (var (key, sums) in rollup.NonEmpty())
        {
            var values = Rollups.Values(workspace.Id, key, sums, StoreDialect.Postgres);
            copy.StartRow(values.Length);
            for (int i = 0; i < values.Length; i++)
            {
                // The distribution columns s0..s10 are integer; the other counts bigint.
                object? value = values[i] is long count && columns[i] is ['s', >= '0' and <= '9', ..] ? (int)count : values[i];
                copy.Value(value, columns[i]);
            }

            await copy.RowDoneAsync(cancellation);
        }

        await copy.CompleteAsync(cancellation);
    }

    /// <summary>
    /// A first import's fast path: feedback (and its themes and friction) copied straight into the tables with ids
    /// taken from the sequence, skipping the staging tables and the conflict checks (35 µs a row on the server). A
    /// repeat within the file breaks the unique key; the chunk is then rolled back to its savepoint and staged.
    /// </summary>
    private async Task<bool> TryCopyFeedbackAsync(IngestBatch batch, CancellationToken cancellation)
    {
        var feedback = new List<FeedbackRecord>(batch.Records.Count);
        foreach (var record in batch.Records)
        {
            if (record is not FeedbackRecord f)
            {
                return false;
            }

            feedback.Add(f);
        }

        if (feedback.Count == 0)
        {
            return false;
        }

        var ids = new List<long>(feedback.Count);
        // The sequence is named once: pg_get_serial_sequence inside the select ran per row, and the ids of a million
        // rows took 4.4 s of server time instead of about 0.5 s (psql: 300,000 ids 875 ms against 160 ms).
        _feedbackSequence ??= await FeedbackSequenceAsync(cancellation);
        await using (var next = new NpgsqlCommand($"SELECT nextval({_feedbackSequence}::regclass) FROM generate_series(1, @n)", _connection))
        {
            next.Parameters.AddWithValue("n", feedback.Count);
            await using var reader = await next.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        await _transaction!.SaveAsync("chunk", cancellation);
        try
        {
            await CopyFeedbackAsync(feedback, ids, cancellation);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await _transaction.RollbackAsync("chunk", cancellation);
            return false;
        }

        await _transaction.ReleaseAsync("chunk", cancellation);
        return true;
    }

    private async Task CopyFeedbackAsync(List<FeedbackRecord> feedback, List<long> ids, CancellationToken cancellation)
    {
        await using (var rows = await PostgresCopy.BeginAsync(_connection, "feedback", $"id, workspace_id, import_id, {string.Join(", ", s_feedbackColumns)}", cancellation))
        {
            for (int r = 0; r < feedback.Count; r++)
            {
                rows.StartRow(3 + s_feedbackColumns.Length);
                rows.Int64(ids[r]);
                rows.Int32(workspace.Id);
                rows.Int64(_runId);
                WriteColumns(feedback[r], rows);
                await rows.RowDoneAsync(cancellation);
            }

            await rows.CompleteAsync(cancellation);
        }

        await CopyChildrenAsync("feedback_theme", "feedback_friction", "feedback_id, workspace_id", feedback, (copy, r) =>
        {
            copy.Int64(ids[r]);
            copy.Int32(workspace.Id);
        }, cancellation);
    }

    /// <summary>Moves the staged feedback, then its children for the rows that were new; remembers their ids for the rollup.</summary>
    private async Task<long> MoveFeedbackAsync(Dictionary<(string, string), FeedbackRecord> staged, CancellationToken cancellation)
    {
        string columns = string.Join(", ", s_feedbackColumns);
        string sql = $"""
            WITH ins AS (
                INSERT INTO feedback (workspace_id, import_id, {columns})
                SELECT {workspace.Id}, {_runId}, {columns} FROM stage_feedback
                ON CONFLICT DO NOTHING
                RETURNING id, source, external_id),
            themes AS (
                INSERT INTO feedback_theme (feedback_id, theme, workspace_id, sentiment)
                SELECT ins.id, t.theme, {workspace.Id}, t.sentiment
                FROM ins JOIN stage_feedback_theme t ON t.source = ins.source AND t.external_id = ins.external_id
                ON CONFLICT DO NOTHING),
            friction AS (
                INSERT INTO feedback_friction (feedback_id, kind, workspace_id, minutes)
                SELECT ins.id, f.kind, {workspace.Id}, f.minutes
                FROM ins JOIN stage_feedback_friction f ON f.source = ins.source AND f.external_id = ins.external_id
                ON CONFLICT DO NOTHING)
            SELECT source, external_id FROM ins
            """;
        var inserted = new HashSet<(string, string)>();
        await using (var command = new NpgsqlCommand(sql, _connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (key, record) in staged)
        {
            if (!inserted.Contains(key))
            {
                NotInserted(record);
            }
        }

        return inserted.Count;
    }

    private async Task<int> StageAsync(string table, string[] columns, List<ImportedRecord> records, CancellationToken cancellation)
    {
        int staged = 0;
        var values = new object?[columns.Length];
        PostgresCopy? copy = null;
        try
        {
            foreach (var record in records)
            {
                if (TableOf(record) != table)
                {
                    continue;
                }

                copy ??= await PostgresCopy.BeginAsync(_connection, $"stage_{table}", string.Join(", ", columns), cancellation);
                copy.StartRow(columns.Length);
                if (record is FeedbackRecord feedback)
                {
                    WriteColumns(feedback, copy);
                }
                else
                {
                    RecordColumns.Values(record, values);
                    for (int i = 0; i < values.Length; i++)
                    {
                        copy.Value(values[i], columns[i]);
                    }
                }

                await copy.RowDoneAsync(cancellation);
                staged++;
            }

            if (copy is not null)
            {
                await copy.CompleteAsync(cancellation);
            }
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }

        return staged;
    }

    private Task StageChildrenAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken cancellation) =>
        CopyChildrenAsync("stage_feedback_theme", "stage_feedback_friction", "source, external_id", feedback, (copy, r) =>
        {
            copy.Text(feedback[r].Source);
            copy.Text(feedback[r].ExternalId);
        }, cancellation);

    /// <summary>Copies the themes and friction of <paramref name="feedback"/>, each once per row, into the two tables
    /// named; <paramref name="writeKey"/> writes the columns <paramref name="keyColumns"/> that tie a child to row r.</summary>
    private async Task CopyChildrenAsync(
        string themeTable, string frictionTable, string keyColumns, IReadOnlyList<FeedbackRecord> feedback,
        Action<PostgresCopy, int> writeKey, CancellationToken cancellation)
    {
        var seen = new HashSet<string>();
        await using (var themes = await PostgresCopy.BeginAsync(_connection, themeTable, $"{keyColumns}, theme, sentiment", cancellation))
        {
            for (int r = 0; r < feedback.Count; r++)
            {
                seen.Clear();
                foreach (var theme in feedback[r].Analysis?.Themes ?? [])
                {
                    if (seen.Add(theme.Theme))
                    {
                        themes.StartRow(4);
                        writeKey(themes, r);
                        themes.Text(theme.Theme);
                        themes.Double(theme.Sentiment);
                    }
                }

                await themes.RowDoneAsync(cancellation);
            }

            await themes.CompleteAsync(cancellation);
        }

        await using var friction = await PostgresCopy.BeginAsync(_connection, frictionTable, $"{keyColumns}, kind, minutes", cancellation);
        for (int r = 0; r < feedback.Count; r++)
        {
            seen.Clear();
            foreach (var kind in feedback[r].Analysis?.Friction ?? [])
            {
                if (seen.Add(kind.Kind))
                {
                    friction.StartRow(4);
                    writeKey(friction, r);
                    friction.Text(kind.Kind);
                    friction.Double(kind.Minutes);
                }
            }

            await friction.RowDoneAsync(cancellation);
        }

        await friction.CompleteAsync(cancellation);
    }

    /// <summary>Upserts the persons the chunk's records name, with the chunk, so that only a chunk's persons are ever held.</summary>
    private async Task WritePersonsAsync(List<ImportedRecord> records, CancellationToken cancellation)
    {
        var persons = _persons;
        persons.Clear();
        foreach (var record in records)
        {
            persons.Remember(record);
        }

        if (persons.Count == 0)
        {
            return;
        }

        await Execute("DELETE FROM stage_person", cancellation); // emptied at commit too; a transaction spans many chunks
        await using (var copy = await PostgresCopy.BeginAsync(_connection, "stage_person", "workspace_id, kind, person_key, segment, region, team, first_seen", cancellation))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var ((kind, key), facts) in persons)
            {
                copy.StartRow(7);
                copy.Int32(workspace.Id);
                copy.Text(kind);
                copy.Text(key);
                copy.Text(facts.Segment);
                copy.Text(facts.Region);
                copy.Text(facts.Team);
                copy.Time(facts.FirstSeen ?? now);
                await copy.RowDoneAsync(cancellation);
            }

            await copy.CompleteAsync(cancellation);
        }

        await Execute(
            """
            INSERT INTO person (workspace_id, kind, person_key, segment, region, team, first_seen)
            SELECT workspace_id, kind, person_key, segment, region, team, first_seen FROM stage_person
            ON CONFLICT (workspace_id, kind, person_key) DO UPDATE SET
                segment = coalesce(excluded.segment, person.segment), region = coalesce(excluded.region, person.region),
                team = coalesce(excluded.team, person.team), first_seen = least(person.first_seen, excluded.first_seen)
            """, cancellation);
    }

    public override async Task RollbackAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        ClearRollup();
        _persons.Clear();
        _pending = default;
    }

    public override string? FinishingWork => DeferredIndexes.FinishingWork(_indexesSetAside);

    /// <summary>The tables whose rows carry a natural key that a re-import looks up.</summary>
    private static readonly string[] s_keyedTables = ["feedback", "interaction", "journey_event", "communication"];

    public override async Task FinishRunAsync(string status, string? error, CancellationToken cancellation)
    {
        if (_holdsBulkLock)
        {
            _holdsBulkLock = false;
            await PostgresDeferredIndexes.RebuildAndUnlockAsync(_connection, cancellation);
        }

        // Fresh statistics after a bulk load, so that the next import's key lookups probe the index instead of
        // hashing a whole source (planned from the stale "empty table" estimate, they took 10 µs a key). Not after a
        // run that added nothing: the statistics stand, and taking them again was 0.8-1.0 s of a million rows'
        // 5-6 s re-import (statement log).
        // The tables whose keys are looked up are vacuumed too, which marks the new rows' pages all-visible: until then
        // (autovacuum comes a minute or two later) every index-only look-up also reads the row's page and sets its hint
        // bits. A re-import of the million right after its first import took 5.5-7.0 s; after the vacuum (0.67 s, only
        // the pages not yet all-visible are read), 4.9 s. No index is scanned: a load leaves no dead rows to clean.
        if (_insertedInRun > 0)
        {
            foreach (string table in s_keyedTables)
            {
                await Execute($"VACUUM (ANALYZE, INDEX_CLEANUP OFF) {table}", cancellation); // one statement a command: VACUUM runs in no transaction
            }

            await Execute("ANALYZE feedback_theme", cancellation);
        }

        await using var command = new NpgsqlCommand("UPDATE import_run SET status = @s, error = @e, finished_at = now() WHERE id = @id", _connection);
        command.Parameters.AddWithValue("s", status);
        command.Parameters.AddWithValue("e", NpgsqlDbType.Text, (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("id", _runId);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>The PostgreSQL type of a staged column, as the schema declares it.</summary>
    private static string SqlType(string column) => column switch
    {
        "created_at" or "started_at" or "first_response_at" or "ended_at" or "at" => "timestamptz",
        "day" => "date",
        "search" => "tsvector",
        "values_hash" => "bigint",
        "score" or "sentiment" or "sentiment_pos" or "sentiment_neu" or "sentiment_neg" or "effort" or "wait_minutes"
            or "first_response_seconds" or "resolution_seconds" or "wait_seconds" or "hold_seconds" or "value" or "readability" => "double precision",
        "sentiment_label" or "analysis_version" or "transfers" or "menu_steps" or "messages" or "we_count" or "you_count" or "words" => "integer",
        _ => "text",
    };

    private async Task<long> FeedbackSequenceAsync(CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("SELECT pg_get_serial_sequence('feedback', 'id')::regclass::oid::bigint", _connection);
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private async Task<int> Execute(string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }

    /// <summary>A feedback row's columns (<see cref="RecordColumns.Write{TWriter}"/>) straight into a COPY.</summary>
    private readonly struct CopyColumns(CopyEncoder copy) : IColumnWriter
    {
        public void Text(string? value) => copy.Text(value);

        public void Number(double? value) => copy.Double(value);

        public void Integer(int? value) => copy.Int32(value);

        public void Long(long? value) => copy.Int64(value);

        public void Time(DateTimeOffset value) => copy.Time(value);

        public void Day(DateOnly value) => copy.Day(value);
    }
}
