using System.Diagnostics;
using System.Text;
using Evident.Text;

namespace Evident.Bench.Text;

/// <summary>
/// Throughput of one mode on one or all cores. Over several rounds, the round with the median rate, and the lowest and
/// highest rate of any round (equal to the rate itself after one round; 0 before <see cref="TextThroughput.Summarise"/>).
/// </summary>
public sealed record ThroughputResult(string Mode, int Threads, long Texts, double Seconds, long Bytes, double AllocatedBytesPerText)
{
    public double TextsPerSecond => Texts / Seconds;
    public double MegabytesPerSecond => Bytes / Seconds / 1_000_000;

    public int Rounds { get; init; } = 1;

    public double MinTextsPerSecond { get; init; }

    public double MaxTextsPerSecond { get; init; }
}

/// <summary>
/// Measures texts per second after warm-up: the sentiment fast path and the full analysis, on one thread and on
/// all cores, with the bytes allocated per text.
/// </summary>
public static class TextThroughput
{
    /// <summary>
    /// Measures the four combinations (sentiment and full, one thread and all cores) <paramref name="rounds"/> times. The
    /// machines this runs on drift by a third or more within minutes, so with more than one round the order alternates
    /// (forwards, then backwards) and each combination reports its median round with the range of all of them: a slow
    /// spell then shows as a wide range instead of as one mode looking slower than the other.
    /// </summary>
    public static IReadOnlyList<ThroughputResult> Run(TextAnalyzer analyzer, IReadOnlyList<string> texts, TimeSpan duration, int rounds = 1, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        long bytes = 0;
        foreach (string t in texts)
        {
            bytes += Encoding.UTF8.GetByteCount(t);
        }
        Action<string> sentiment = t => analyzer.ScoreSentiment(t);
        Action<string> full = t => analyzer.Analyze(t);
        (string Mode, Action<string> Work, bool AllCores)[] measurements =
            [("sentiment", sentiment, false), ("sentiment", sentiment, true), ("full", full, false), ("full", full, true)];
        var byMeasurement = new List<ThroughputResult>[measurements.Length];
        for (int m = 0; m < measurements.Length; m++)
        {
            byMeasurement[m] = [];
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < measurements.Length; k++)
            {
                int m = round % 2 == 0 ? k : measurements.Length - 1 - k;
                var (mode, work, allCores) = measurements[m];
                if (round == 0 && !allCores)
                {
                    Warm(texts, work);
                }
                string threads = allCores ? $"{Environment.ProcessorCount} threads" : "1 thread";
                progress?.Invoke(rounds == 1 ? $"{mode}, {threads}" : $"{mode}, {threads} (round {round + 1} of {rounds})");
                byMeasurement[m].Add(allCores ? AllCores(mode, texts, bytes, work, duration) : SingleThread(mode, texts, bytes, work, duration));
            }
        }
        return [.. byMeasurement.Select(Summarise)];
    }

    /// <summary>The round with the median rate (the lower middle one of an even count), with the range of all rounds.</summary>
    internal static ThroughputResult Summarise(IReadOnlyList<ThroughputResult> rounds)
    {
        var sorted = rounds.OrderBy(r => r.TextsPerSecond).ToList();
        return sorted[(sorted.Count - 1) / 2] with
        {
            Rounds = sorted.Count,
            MinTextsPerSecond = sorted[0].TextsPerSecond,
            MaxTextsPerSecond = sorted[^1].TextsPerSecond,
        };
    }

    /// <summary>
    /// Runs the work until the JIT has settled: tiered compilation with dynamic PGO can take several seconds to
    /// replace instrumented code, so warm-up lasts until two half-second windows agree within 3 % (at most 15 s).
    /// </summary>
    internal static void Warm(IReadOnlyList<string> texts, Action<string> work)
    {
        var total = Stopwatch.StartNew();
        double previous = 0;
        while (total.Elapsed < TimeSpan.FromSeconds(15))
        {
            long n = 0;
            var window = Stopwatch.StartNew();
            while (window.Elapsed < TimeSpan.FromMilliseconds(500))
            {
                foreach (string t in texts)
                {
                    work(t);
                }
                n += texts.Count;
            }
            double rate = n / window.Elapsed.TotalSeconds;
            if (total.Elapsed > TimeSpan.FromSeconds(2) && previous > 0 && Math.Abs(rate - previous) / previous < 0.03)
            {
                return;
            }
            previous = rate;
        }
    }

    internal static ThroughputResult SingleThread(string mode, IReadOnlyList<string> texts, long corpusBytes, Action<string> work, TimeSpan duration)
    {
        long passes = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        do
        {
            foreach (string t in texts)
            {
                work(t);
            }
            passes++;
        }
        while (sw.Elapsed < duration);
        sw.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long n = passes * texts.Count;
        return new ThroughputResult(mode, 1, n, sw.Elapsed.TotalSeconds, passes * corpusBytes, (double)allocated / n);
    }

    /// <summary>
    /// One worker per core, timed from the moment all of them are running (a thread started late on a busy machine once
    /// found the window already over and measured nothing: 0 texts, "Infinity" bytes per text); each makes at least one
    /// pass.
    /// </summary>
    private static ThroughputResult AllCores(string mode, IReadOnlyList<string> texts, long corpusBytes, Action<string> work, TimeSpan duration)
    {
        int threads = Environment.ProcessorCount;
        long totalPasses = 0;
        var sw = new Stopwatch();
        using var ready = new CountdownEvent(threads);
        using var go = new ManualResetEventSlim();
        var workers = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = new Thread(() =>
            {
                ready.Signal();
                go.Wait();
                long passes = 0;
                do
                {
                    foreach (string t in texts)
                    {
                        work(t);
                    }
                    passes++;
                }
                while (sw.Elapsed < duration);
                Interlocked.Add(ref totalPasses, passes);
            });
            workers[w].Start();
        }
        ready.Wait();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        sw.Start();
        go.Set();
        foreach (var t in workers)
        {
            t.Join();
        }
        sw.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long n = totalPasses * texts.Count;
        return new ThroughputResult(mode, threads, n, sw.Elapsed.TotalSeconds, totalPasses * corpusBytes, (double)allocated / n);
    }
}
