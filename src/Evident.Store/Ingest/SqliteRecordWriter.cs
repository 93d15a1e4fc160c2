using System.Globalization;
using Evident.Core.Records;
using Microsoft.Data.Sqlite;

namespace Evident.Store.Ingest;

/// <summary>
/// SQLite: prepared inserts reused for every row, one <c>BEGIN IMMEDIATE</c> transaction per commit. Holding the
/// write lock, the writer numbers new rows itself (max(id) + 1 …), so that a row's themes and friction can be
/// written without asking the database for each id; a row whose key is already stored is skipped with its children.
/// The rollups of the new rows (summed by the pipeline's analysis stage) are added at commit, one upsert per group.
/// </summary>
internal sealed class SqliteRecordWriter(Workspace workspace) : RecordWriter
{
    private readonly SqliteConnection _connection = (SqliteConnection)workspace.Connection;
    private readonly Dictionary<string, SqliteStatement> _inserts = [];
    private readonly Dictionary<string, object?[]> _values = [];
    private SqliteStatement _theme = null!;
    private SqliteStatement _friction = null!;
    private SqliteStatement _rollup = null!;
    private SqliteStatement _spanRollup = null!;
    private SqliteStatement _person = null!;
    private SqliteStatement _counters = null!;
    private readonly Dictionary<string, long> _nextId = [];
    private readonly PersonsSeen _persons = new();
    private SqliteTransaction? _transaction;
    private PendingCounts _pending;
    private long _runId;
    private BulkLoadLock? _bulkLoad;
    private int _indexesSetAside;

    /// <summary>SQLite's own default: a checkpoint once the WAL holds 1,000 pages.</summary>
    private const int DefaultAutoCheckpoint = 1000;

    /// <summary>A run that wrote this many rows checkpoints at its end (about 1,000 pages of WAL and more).</summary>
    internal const int CheckpointAfterRows = 10_000;

    private long _written;
    private BackgroundCheckpoint? _checkpoint;

    protected override Task PrepareAsync(CancellationToken cancellation)
    {
        foreach (var (table, columns) in new[]
        {
            ("feedback", RecordColumns.Feedback), ("interaction", RecordColumns.Interaction),
            ("journey_event", RecordColumns.Journey), ("communication", RecordColumns.Communication),
        })
        {
            _inserts[table] = Statement(
                $"INSERT INTO {table} (id, workspace_id, import_id, {string.Join(", ", columns)}) VALUES ({Parameters(columns.Length + 3)}) ON CONFLICT DO NOTHING");
            _values[table] = new object?[columns.Length];
        }

        _theme = Statement("INSERT INTO feedback_theme (feedback_id, theme, workspace_id, sentiment) VALUES ($p0, $p1, $p2, $p3) ON CONFLICT DO NOTHING");
        _friction = Statement("INSERT INTO feedback_friction (feedback_id, kind, workspace_id, minutes) VALUES ($p0, $p1, $p2, $p3) ON CONFLICT DO NOTHING");
        _rollup = Statement(Rollups.UpsertValuesSql());
        _spanRollup = Statement(Rollups.UpsertValuesSql(Rollups.SpanTable));
        _person = Statement(
            """
            INSERT INTO person (workspace_id, kind, person_key, segment, region, team, first_seen) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)
            ON CONFLICT DO UPDATE SET segment = coalesce(excluded.segment, person.segment), region = coalesce(excluded.region, person.region),
                team = coalesce(excluded.team, person.team), first_seen = min(person.first_seen, excluded.first_seen)
            """);
        _counters = Statement("UPDATE import_run SET rows_read = rows_read + $p0, imported = imported + $p1, duplicates = duplicates + $p2, rejected = rejected + $p3 WHERE id = $p4");
        // No automatic checkpoint, which SQLite runs on the writer's own thread inside its commit (the writer alone over
        // 1M rows: 20.9-23.5 s with a checkpoint per commit, 18.0-21.4 s with one at the end). Instead each commit of a
        // large run asks BackgroundCheckpoint to copy it on another connection while the writer goes on, and the run
        // checkpoints what is left at its end (FinishRunAsync). Until copied, the WAL holds every committed transaction,
        // which is as durable (a killed import is replayed from it on open).
        Pragma("PRAGMA wal_autocheckpoint=0");
        _checkpoint = new BackgroundCheckpoint(_connection.ConnectionString);
        return Task.CompletedTask;
    }

    public override async Task<long> BeginRunAsync(ImportRunInfo info, CancellationToken cancellation)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO import_run (workspace_id, kind, source, file_name, file_bytes, options, started_at, status) VALUES ($w, $k, $s, $f, $b, $o, $t, 'running') RETURNING id";
        command.Parameters.AddWithValue("$w", workspace.Id);
        command.Parameters.AddWithValue("$k", info.Kind);
        command.Parameters.AddWithValue("$s", info.Source);
        command.Parameters.AddWithValue("$f", info.FileName);
        command.Parameters.AddWithValue("$b", (object?)info.FileBytes ?? DBNull.Value);
        command.Parameters.AddWithValue("$o", (object?)info.OptionsJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$t", StoreTime.Text(DateTimeOffset.UtcNow));
        _runId = (long)(await command.ExecuteScalarAsync(cancellation))!;
        _bulkLoad = SqliteDeferredIndexes.TryLock(workspace.Location.Target);
        if (_bulkLoad is not null)
        {
            _indexesSetAside = SqliteDeferredIndexes.SetAside(_connection, DeferredIndexes.TablesFilledBy(info.Kind), workspace.Notice);
            if (_indexesSetAside == 0)
            {
                ReleaseBulkLoad(); // nothing of ours to build: another import may set its empty tables' aside
            }
        }

        return _runId;
    }

    public override Task<BatchOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellation)
    {
        _transaction ??= _connection.BeginTransaction(deferred: false);
        TakeRollupOf(batch);
        long inserted = 0;
        foreach (var record in batch.Records)
        {
            string table = TableOf(record);
            if (!_nextId.TryGetValue(table, out long id))
            {
                id = MaxId(table, _transaction) + 1;
            }

            if (!Insert(table, id, record))
            {
                if (record is FeedbackRecord stored)
                {
                    NotInserted(stored);
                }

                continue;
            }

            _nextId[table] = id + 1;
            inserted++;
            if (record is FeedbackRecord feedback)
            {
                WriteChildren(id, feedback);
            }

            _persons.Remember(record);
        }

        WritePersons(_persons); // with the chunk, so that only a chunk's persons are ever held
        _persons.Clear();
        long duplicates = batch.Duplicates + batch.Records.Count - inserted;
        _pending = _pending.Add(batch.RowsRead, inserted, duplicates, batch.Rejected);
        _written += inserted;
        return Task.FromResult(new BatchOutcome(inserted, duplicates));
    }

    public override Task CommitAsync(CancellationToken cancellation)
    {
        if (_transaction is null)
        {
            return Task.CompletedTask;
        }

        var rollup = InsertedRollup();
        foreach (var (key, sums) in rollup.NonEmpty())
        {
            Set(_rollup, Rollups.Values(workspace.Id, key, sums, StoreDialect.Sqlite));
            _rollup.Execute();
        }

        foreach (var (key, sums) in rollup.BySpan())
        {
            Set(_spanRollup, Rollups.Values(workspace.Id, key, sums, StoreDialect.Sqlite));
            _spanRollup.Execute();
        }

        Set(_counters, _pending.RowsRead, _pending.Inserted, _pending.Duplicates, _pending.Rejected, _runId);
        _counters.Execute();
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
        if (_written >= CheckpointAfterRows)
        {
            _checkpoint?.Request();
        }

        _nextId.Clear();
        ClearRollup();
        _pending = default;
        return Task.CompletedTask;
    }

    public override Task RollbackAsync()
    {
        if (_transaction is not null)
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _transaction = null;
        }

        _nextId.Clear();
        _persons.Clear();
        ClearRollup();
        _pending = default;
        return Task.CompletedTask;
    }

    private bool Insert(string table, long id, ImportedRecord record)
    {
        var command = _inserts[table];
        command.Bind(0, id);
        command.Bind(1, (long)workspace.Id);
        command.Bind(2, _runId);
        if (record is FeedbackRecord feedback)
        {
            var columns = new StatementColumns(command, 3);
            RecordColumns.Write(feedback, ref columns);
        }
        else
        {
            var values = _values[table];
            RecordColumns.Values(record, values);
            for (int i = 0; i < values.Length; i++)
            {
                command.Bind(i + 3, values[i]);
            }
        }

        return command.Execute() == 1;
    }

    private void WriteChildren(long id, FeedbackRecord feedback)
    {
        if (feedback.Analysis is not { } analysis)
        {
            return;
        }

        // indexed: a foreach over the lists' interface would make an enumerator for every row
        var themes = analysis.Themes;
        for (int i = 0; i < themes.Count; i++)
        {
            _theme.Bind(0, id);
            _theme.Bind(1, themes[i].Theme);
            _theme.Bind(2, (long)workspace.Id);
            _theme.Bind(3, themes[i].Sentiment);
            _theme.Execute();
        }

        var friction = analysis.Friction;
        for (int i = 0; i < friction.Count; i++)
        {
            _friction.Bind(0, id);
            _friction.Bind(1, friction[i].Kind);
            _friction.Bind(2, (long)workspace.Id);
            _friction.Bind(3, friction[i].Minutes);
            _friction.Execute();
        }
    }

    private void WritePersons(PersonsSeen persons)
    {
        string now = StoreTime.Text(DateTimeOffset.UtcNow);
        foreach (var ((kind, key), facts) in persons)
        {
            Set(_person, workspace.Id, kind, key, facts.Segment, facts.Region, facts.Team,
                facts.FirstSeen is { } first ? StoreTime.Text(first) : now);
            _person.Execute();
        }
    }

    public override string? FinishingWork => DeferredIndexes.FinishingWork(_indexesSetAside);

    public override async Task FinishRunAsync(string status, string? error, CancellationToken cancellation)
    {
        if (_bulkLoad is not null)
        {
            SqliteDeferredIndexes.Rebuild(_connection);
            ReleaseBulkLoad();
        }

        await using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE import_run SET status = $s, error = $e, finished_at = $t WHERE id = $id";
        command.Parameters.AddWithValue("$s", status);
        command.Parameters.AddWithValue("$e", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$t", StoreTime.Text(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$id", _runId);
        await command.ExecuteNonQueryAsync(cancellation);
        if (_checkpoint is not null)
        {
            await _checkpoint.WaitAsync();
        }

        // PASSIVE: copies what no reader still needs, never waits for one (a server may be reading meanwhile). A small
        // run (an API call's rows) leaves it to SQLite's usual checkpoint past 1,000 pages: a checkpoint syncs the file.
        if (_written >= CheckpointAfterRows)
        {
            Pragma("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    private void ReleaseBulkLoad()
    {
        _bulkLoad?.Dispose();
        _bulkLoad = null;
    }

    private void Pragma(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long MaxId(string table, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT coalesce(max(id), 0) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Binds a record's values to the statement's parameters from <paramref name="next"/> on, each by its type.</summary>
    private struct StatementColumns(SqliteStatement statement, int next) : IColumnWriter
    {
        public void Text(string? value) => statement.Bind(next++, value);

        public void Number(double? value) => statement.Bind(next++, value);

        public void Integer(int? value)
        {
            if (value is int integer)
            {
                statement.Bind(next++, (long)integer);
            }
            else
            {
                statement.Bind(next++, (string?)null);
            }
        }

        public void Long(long? value)
        {
            if (value is long integer)
            {
                statement.Bind(next++, integer);
            }
            else
            {
                statement.Bind(next++, (string?)null);
            }
        }

        public void Time(DateTimeOffset value) => statement.Bind(next++, value);

        public void Day(DateOnly value) => statement.Bind(next++, value);
    }

    private static void Set(SqliteStatement statement, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            statement.Bind(i, values[i]);
        }
    }

    private SqliteStatement Statement(string sql) => new(_connection.Handle!, sql);

    private static string Parameters(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)));

    public override async ValueTask DisposeAsync()
    {
        if (_checkpoint is not null)
        {
            await _checkpoint.DisposeAsync();
        }

        _transaction?.Dispose();
        ReleaseBulkLoad(); // still held only when the run did not finish: the next opener builds what was set aside
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            Pragma($"PRAGMA wal_autocheckpoint={DefaultAutoCheckpoint}"); // the connection may serve on after the run
        }

        foreach (var statement in (IEnumerable<SqliteStatement>)[.. _inserts.Values, _theme, _friction, _rollup, _spanRollup, _person, _counters])
        {
            statement.Dispose();
        }
    }
}
