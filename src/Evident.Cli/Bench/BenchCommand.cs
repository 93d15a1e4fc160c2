using System.CommandLine;

namespace Evident.Cli.Bench;

/// <summary><c>evident bench</c>: how fast and how accurate the language engine is, measured on this machine.</summary>
public static class BenchCommand
{
    public static Command Create() => new("bench", "Measure Evident: the language engine (throughput, accuracy on human-rated corpora) and imports.")
    {
        BenchTextCommand.Create(),
        BenchAccuracyCommand.Create(),
        BenchImportCommand.Create(),
        BenchQueryCommand.Create(),
        BenchWebCommand.Create(),
    };
}
