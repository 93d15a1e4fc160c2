using Evident.Core.Records;
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
    private static readonly (string Table, string[] Columns)[] s_tables =
    [
        ("feedback", RecordColumns.Feedback), ("interaction", RecordColumns.Interaction),
        ("journey_event", RecordColumns.Journey), ("communication", RecordColumns.Communication),
    ];

    private readonly NpgsqlConnection _connection = (NpgsqlConnection)workspace.Connection;
    private readonly List<long> _newFeedback = [];
    private readonly Dictionary<(string Kind, string Key), FeedbackRecord?> _persons = [];
    private NpgsqlTransaction? _transaction;
    private PendingCounts _pending;
    private long _runId;

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
        await Execute(string.Join(";\n", sql), cancellation);
    }

    public override async Task<long> BeginRunAsync(ImportRunInfo info, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO import_run (workspace_id, kind, source, file_name, file_bytes, started_at, status) VALUES (@w, @k, @s, @f, @b, now(), 'running') RETURNING id",
            _connection);
        command.Parameters.AddWithValue("w", workspace.Id);
        command.Parameters.AddWithValue("k", info.Kind);
        command.Parameters.AddWithValue("s", info.Source);
        command.Parameters.AddWithValue("f", info.FileName);
        command.Parameters.AddWithValue("b", NpgsqlDbType.Bigint, (object?)info.FileBytes ?? DBNull.Value);
        _runId = (long)(await command.ExecuteScalarAsync(cancellation))!;
        return _runId;
    }

    public override async Task<BatchOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellation)
    {
        _transaction ??= await _connection.BeginTransactionAsync(cancellation);
        // Staging tables empty themselves at commit; a transaction spans several batches, so empty them here too.
        await Execute("TRUNCATE stage_feedback, stage_interaction, stage_journey_event, stage_communication, stage_feedback_theme, stage_feedback_friction", cancellation);
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
                await StageChildrenAsync(batch.Records.OfType<FeedbackRecord>(), cancellation);
                inserted += await MoveFeedbackAsync(cancellation);
            }
            else
            {
                inserted += await Execute(
                    $"INSERT INTO {table} (workspace_id, import_id, {string.Join(", ", columns)}) SELECT {workspace.Id}, {_runId}, {string.Join(", ", columns)} FROM stage_{table} ON CONFLICT DO NOTHING",
                    cancellation);
            }
        }

        RememberPersons(batch.Records);
        long duplicates = batch.Duplicates + batch.Records.Count - inserted;
        _pending = _pending.Add(batch.RowsRead, inserted, duplicates, batch.Rejected);
        return new BatchOutcome(inserted, duplicates);
    }

    public override async Task CommitAsync(CancellationToken cancellation)
    {
        if (_transaction is null)
        {
            return;
        }

        if (_newFeedback.Count > 0)
        {
            await using var rollup = new NpgsqlCommand(Rollups.UpsertSql("f.id = ANY(@ids)"), _connection);
            rollup.Parameters.AddWithValue("ids", _newFeedback.ToArray());
            await rollup.ExecuteNonQueryAsync(cancellation);
        }

        await WritePersonsAsync(cancellation);
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
        _newFeedback.Clear();
        _persons.Clear();
        _pending = default;
    }

    /// <summary>Moves the staged feedback, then its children for the rows that were new; remembers their ids for the rollup.</summary>
    private async Task<long> MoveFeedbackAsync(CancellationToken cancellation)
    {
        string columns = string.Join(", ", RecordColumns.Feedback);
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
            SELECT id FROM ins
            """;
        int inserted = 0;
        await using (var command = new NpgsqlCommand(sql, _connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                _newFeedback.Add(reader.GetInt64(0));
                inserted++;
            }
        }

        return inserted;
    }

    private async Task<int> StageAsync(string table, string[] columns, List<ImportedRecord> records, CancellationToken cancellation)
    {
        int staged = 0;
        var values = new object?[columns.Length];
        NpgsqlBinaryImporter? import = null;
        try
        {
            foreach (var record in records)
            {
                if (TableOf(record) != table)
                {
                    continue;
                }

                import ??= await _connection.BeginBinaryImportAsync($"COPY stage_{table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellation);
                RecordColumns.Values(record, values);
                await import.StartRowAsync(cancellation);
                for (int i = 0; i < values.Length; i++)
                {
                    await WriteValueAsync(import, values[i], columns[i], cancellation);
                }

                staged++;
            }

            if (import is not null)
            {
                await import.CompleteAsync(cancellation);
            }
        }
        finally
        {
            if (import is not null)
            {
                await import.DisposeAsync();
            }
        }

        return staged;
    }

    private async Task StageChildrenAsync(IEnumerable<FeedbackRecord> feedback, CancellationToken cancellation)
    {
        await using (var themes = await _connection.BeginBinaryImportAsync("COPY stage_feedback_theme (source, external_id, theme, sentiment) FROM STDIN (FORMAT BINARY)", cancellation))
        {
            foreach (var record in feedback)
            {
                foreach (var theme in record.Analysis?.Themes ?? [])
                {
                    await themes.WriteRowAsync(cancellation, record.Source, record.ExternalId, theme.Theme, theme.Sentiment);
                }
            }

            await themes.CompleteAsync(cancellation);
        }

        await using var friction = await _connection.BeginBinaryImportAsync("COPY stage_feedback_friction (source, external_id, kind, minutes) FROM STDIN (FORMAT BINARY)", cancellation);
        foreach (var record in feedback)
        {
            foreach (var kind in record.Analysis?.Friction ?? [])
            {
                await friction.StartRowAsync(cancellation);
                await friction.WriteAsync(record.Source, NpgsqlDbType.Text, cancellation);
                await friction.WriteAsync(record.ExternalId, NpgsqlDbType.Text, cancellation);
                await friction.WriteAsync(kind.Kind, NpgsqlDbType.Text, cancellation);
                if (kind.Minutes is double minutes)
                {
                    await friction.WriteAsync(minutes, NpgsqlDbType.Double, cancellation);
                }
                else
                {
                    await friction.WriteNullAsync(cancellation);
                }
            }
        }

        await friction.CompleteAsync(cancellation);
    }

    private void RememberPersons(List<ImportedRecord> records)
    {
        var persons = _persons;
        foreach (var record in records)
        {
            switch (record)
            {
                case FeedbackRecord { PersonKey: { } key } f:
                    persons[(f.Subject, key)] = f;
                    break;
                case InteractionRecord { PersonKey: { } key }:
                    persons.TryAdd((FeedbackRecord.Customer, key), null);
                    break;
                case JourneyRecord j:
                    persons.TryAdd((FeedbackRecord.Customer, j.PersonKey), null);
                    break;
            }
        }
    }

    private async Task WritePersonsAsync(CancellationToken cancellation)
    {
        var persons = _persons;
        if (persons.Count == 0)
        {
            return;
        }

        await using (var import = await _connection.BeginBinaryImportAsync("COPY stage_person (workspace_id, kind, person_key, segment, region, team, first_seen) FROM STDIN (FORMAT BINARY)", cancellation))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var ((kind, key), f) in persons)
            {
                await import.StartRowAsync(cancellation);
                await import.WriteAsync(workspace.Id, NpgsqlDbType.Integer, cancellation);
                await import.WriteAsync(kind, NpgsqlDbType.Text, cancellation);
                await import.WriteAsync(key, NpgsqlDbType.Text, cancellation);
                await WriteValueAsync(import, f?.Segment, "segment", cancellation);
                await WriteValueAsync(import, f?.Region, "region", cancellation);
                await WriteValueAsync(import, f?.Team, "team", cancellation);
                await import.WriteAsync((f?.CreatedAt ?? now).ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellation);
            }

            await import.CompleteAsync(cancellation);
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

    public override async Task FinishRunAsync(string status, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("UPDATE import_run SET status = @s, finished_at = now() WHERE id = @id", _connection);
        command.Parameters.AddWithValue("s", status);
        command.Parameters.AddWithValue("id", _runId);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task WriteValueAsync(NpgsqlBinaryImporter import, object? value, string column, CancellationToken cancellation)
    {
        switch (value)
        {
            case null:
                await import.WriteNullAsync(cancellation);
                break;
            case DateTimeOffset time:
                await import.WriteAsync(time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellation);
                break;
            case DateOnly day:
                await import.WriteAsync(day, NpgsqlDbType.Date, cancellation);
                break;
            case string text:
                await import.WriteAsync(text, NpgsqlDbType.Text, cancellation);
                break;
            case double number:
                await import.WriteAsync(number, NpgsqlDbType.Double, cancellation);
                break;
            case int integer:
                await import.WriteAsync(integer, NpgsqlDbType.Integer, cancellation);
                break;
            default:
                throw new InvalidOperationException($"no COPY type for {value.GetType().Name} in column {column}");
        }
    }

    /// <summary>The PostgreSQL type of a staged column, as the schema declares it.</summary>
    private static string SqlType(string column) => column switch
    {
        "created_at" or "started_at" or "first_response_at" or "ended_at" or "at" => "timestamptz",
        "day" => "date",
        "score" or "sentiment" or "sentiment_pos" or "sentiment_neu" or "sentiment_neg" or "effort" or "wait_minutes"
            or "first_response_seconds" or "resolution_seconds" or "wait_seconds" or "hold_seconds" or "value" or "readability" => "double precision",
        "sentiment_label" or "analysis_version" or "transfers" or "menu_steps" or "messages" or "we_count" or "you_count" or "words" => "integer",
        _ => "text",
    };

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
}
