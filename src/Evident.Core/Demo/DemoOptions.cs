using Evident.Core.Ingest;

namespace Evident.Core.Demo;

/// <summary>How the demo organisation is made.</summary>
/// <param name="Seed">The same seed writes byte-identical files.</param>
/// <param name="Scale">How many patients, and so how many rows: 1 is about 140,000 rows in all; 0.1 a tenth of that.</param>
public sealed record DemoOptions(int Seed = DemoOptions.DefaultSeed, double Scale = 1.0)
{
    public const int DefaultSeed = 504;

    public const double MinScale = 0.01;

    public const double MaxScale = 100;

    public static DemoOptions Default { get; } = new();

    /// <summary>Why the options cannot make a demo, or null.</summary>
    public string? Problem() => double.IsFinite(Scale) && Scale is >= MinScale and <= MaxScale
        ? null
        : $"the demo scale must be between {MinScale} and {MaxScale}, found {Scale}";
}

/// <summary>A file the demo wrote: where, what its rows are, the source name to import it under, and how many rows.</summary>
public sealed record DemoFile(string Path, RecordKind Kind, string Source, int Rows);
