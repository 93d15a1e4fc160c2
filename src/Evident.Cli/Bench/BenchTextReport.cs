using System.Globalization;
using Evident.Bench.Text;

namespace Evident.Cli.Bench;

/// <summary>The texts measured on.</summary>
/// <param name="MeanChars">Mean UTF-16 characters per text.</param>
public sealed record BenchInput(string File, int Texts, double MeanChars)
{
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}, {Texts:N0} {(Texts == 1 ? "text" : "texts")}, {MeanChars:0.0} chars per text on average");
}

/// <summary>Everything <c>evident bench text</c> prints, in the shape of its JSON.</summary>
public sealed record BenchTextReport(MachineInfo Machine, BenchInput Input, double SecondsPerMeasurement, IReadOnlyList<ThroughputResult> Results);

/// <summary>A build of the engine in a comparison: its file and the commit it was built from, when it says.</summary>
public sealed record BuildDescription(string Path, string? Commit)
{
    public string Describe() => Commit is null ? Path : $"{Path} (commit {Commit[..Math.Min(7, Commit.Length)]})";
}

/// <summary>Everything <c>evident bench text --compare</c> prints, in the shape of its JSON.</summary>
public sealed record BenchCompareReport(MachineInfo Machine, BenchInput Input, BuildDescription Baseline, BuildDescription Candidate, double SecondsPerWindow, BuildComparisonResult Result);
