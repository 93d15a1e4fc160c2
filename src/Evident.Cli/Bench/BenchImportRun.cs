using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Evident.Bench.Import;
using Npgsql;

namespace Evident.Cli.Bench;

/// <summary>One measurement of a target: the first import and the re-import of the same file.</summary>
public sealed record ImportMeasurement(
    string Target, string Pass, long RowsRead, long Imported, long Duplicates, double WallSeconds, double ImportSeconds, long PeakMemoryBytes)
{
    public double RowsPerSecond => RowsRead / ImportSeconds;
}

/// <summary>
/// Runs <c>evident import</c> as a child process, so that its wall time and peak memory are those a user sees
/// (process start and lexicon loading included in the wall time; the import's own clock reported beside it).
/// </summary>
internal sealed class BenchImportRun(int rows, string? postgres, string? keep, bool json, bool writerAlone, TextWriter stdout, TextWriter stderr)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellation)
    {
        string folder = Directory.CreateTempSubdirectory("evident-bench-import-").FullName;
        try
        {
            string file = keep ?? Path.Combine(folder, "feedback.csv");
            long bytes;
            if (keep is not null && File.Exists(keep))
            {
                bytes = new FileInfo(keep).Length;
                stderr.WriteLine($"measuring on {keep} ({bytes / 1e6:0.0} MB)");
            }
            else
            {
                stderr.WriteLine($"generating {rows:N0} synthetic feedback rows …");
                var generation = Stopwatch.StartNew();
                await using (var output = File.Create(file))
                {
                    bytes = SyntheticFeedback.WriteCsv(output, rows);
                }

                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1e6:0.0} MB in {generation.Elapsed.TotalSeconds:0.0} s"));
            }

            var results = new List<ImportMeasurement>();
            results.AddRange(await MeasureAsync("sqlite", Path.Combine(folder, "bench.db"), file, cancellation));
            var writers = new Dictionary<string, BenchWriterRun.Result>();
            if (writerAlone)
            {
                writers["sqlite"] = await new BenchWriterRun(file, Path.Combine(folder, "writer.db"), "sqlite", stderr).MeasureAsync(cancellation);
            }

            if (postgres is not null)
            {
                results.AddRange(await InDatabaseAsync(postgres, "", target => MeasureAsync("postgresql", target, file, cancellation), cancellation));
                if (writerAlone)
                {
                    writers["postgresql"] = await InDatabaseAsync(postgres, "_writer", target => new BenchWriterRun(file, target, "postgresql", stderr).MeasureAsync(cancellation), cancellation);
                }
            }

            Print(results, bytes, writers);
            return ExitCodes.Success;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<IEnumerable<ImportMeasurement>> MeasureAsync(string target, string db, string file, CancellationToken cancellation)
    {
        var first = await ImportOnceAsync(target, "first import", db, file, cancellation);
        var again = await ImportOnceAsync(target, "re-import", db, file, cancellation);
        return [first, again];
    }

    private async Task<ImportMeasurement> ImportOnceAsync(string target, string pass, string db, string file, CancellationToken cancellation)
    {
        stderr.WriteLine($"{target}: {pass} …");
        var start = ChildProcess.StartInfo(["import", file, "--kind", "feedback", "--source", "bench", "--db", db, "--json"]);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        double wall = stopwatch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"evident import exited with {process.ExitCode}: {await errors}");
        }

        using var summary = JsonDocument.Parse(await output);
        var root = summary.RootElement;
        var measurement = new ImportMeasurement(target, pass, root.GetProperty("rows_read").GetInt64(), root.GetProperty("imported").GetInt64(),
            root.GetProperty("duplicates").GetInt64(), wall, root.GetProperty("seconds").GetDouble(), root.GetProperty("peak_memory_bytes").GetInt64());
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {measurement.Imported:N0} imported, {measurement.Duplicates:N0} duplicate in {wall:0.00} s wall ({measurement.ImportSeconds:0.00} s importing), peak {measurement.PeakMemoryBytes / 1048576.0:0} MiB"));
        if (root.TryGetProperty("stage_seconds", out var stages))
        {
            stderr.WriteLine($"  busy seconds per stage: {stages}");
        }

        return measurement;
    }

    /// <summary>Runs <paramref name="measure"/> on a database of its own, created on the server of <paramref name="postgres"/>
    /// and dropped after.</summary>
    private static async Task<T> InDatabaseAsync<T>(string postgres, string suffix, Func<string, Task<T>> measure, CancellationToken cancellation)
    {
        string database = $"evident_bench{suffix}_{Environment.ProcessId}";
        await AdministerAsync(postgres, $"CREATE DATABASE {database}", cancellation);
        try
        {
            return await measure(new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools(); // the writer's pooled connections would keep the database in use
            await AdministerAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task AdministerAsync(string connection, string sql, CancellationToken cancellation)
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private void Print(List<ImportMeasurement> results, long bytes, Dictionary<string, BenchWriterRun.Result> writers)
    {
        var machine = MachineInfo.Current();
        long measured = results.Count > 0 ? results[0].RowsRead : rows; // a reused --file holds its own count
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                machine = machine.Describe(),
                rows = measured,
                file_bytes = bytes,
                results = results.Select(r => new
                {
                    target = r.Target, pass = r.Pass, rows_read = r.RowsRead, imported = r.Imported, duplicates = r.Duplicates,
                    wall_seconds = r.WallSeconds, import_seconds = r.ImportSeconds, rows_per_second = r.RowsPerSecond,
                    peak_memory_bytes = r.PeakMemoryBytes,
                }),
                sqlite_writer_alone_seconds = writers.TryGetValue("sqlite", out var sqlite) ? sqlite.Seconds : (double?)null,
                postgresql_writer_alone_seconds = writers.TryGetValue("postgresql", out var postgresql) ? postgresql.Seconds : (double?)null,
            }));
            return;
        }

        stdout.WriteLine(machine.Describe());
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measured:N0} rows, {bytes / 1e6:0.0} MB"));
        stdout.WriteLine("target      pass           imported  duplicate   wall s  import s    rows/s  peak MiB");
        foreach (var r in results)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Target,-11} {r.Pass,-13} {r.Imported,9:N0} {r.Duplicates,10:N0} {r.WallSeconds,8:0.00} {r.ImportSeconds,9:0.00} {r.RowsPerSecond,9:N0} {r.PeakMemoryBytes / 1048576.0,9:0}"));
        }

        foreach (var (target, writer) in writers)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target} writer alone (analysed rows, one thread): {writer.Seconds:0.00} s (chunks {writer.ChunkSeconds:0.00}, finishing {writer.FinishSeconds:0.00})"));
        }
    }
}
