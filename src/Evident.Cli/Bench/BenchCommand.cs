using System.CommandLine;

namespace Evident.Cli.Bench;

/// <summary><c>evident bench</c>: how fast and how accurate the language engine is, measured on this machine.</summary>
public static class BenchCommand
{
    public static Command Create() => new("bench", "Measure the language engine: throughput on a file of texts, accuracy on human-rated corpora.")
    {
        BenchTextCommand.Create(),
        BenchAccuracyCommand.Create(),
    };
}
