using System.Globalization;
using Evident.Core.Ingest;

namespace Evident.Cli.Import;

/// <summary>
/// <c>FILE.rejects.csv</c>: one line per rejected row (line, column, reason). Created at the first reject; a stale
/// one from an earlier run is removed at the start, so the file always describes the last run.
/// </summary>
internal sealed class RejectsFile : IDisposable
{
    private const int Remembered = 10;
    private readonly List<RowReject> _first = [];
    private StreamWriter? _writer;

    public RejectsFile(string path)
    {
        Path = path;
        File.Delete(path);
    }

    /// <summary>The first rejects, to show when the run ends.</summary>
    public IReadOnlyList<RowReject> First => _first;

    public string Path { get; }

    public int Count { get; private set; }

    public void Add(RowReject reject)
    {
        if (_writer is null)
        {
            _writer = new StreamWriter(Path, append: false) { NewLine = "\n" };
            _writer.WriteLine("line,column,reason");
        }

        Count++;
        _writer.WriteLine(string.Join(',', reject.Line.ToString(CultureInfo.InvariantCulture), Quote(reject.Column ?? ""), Quote(reject.Reason)));
        if (_first.Count < Remembered)
        {
            _first.Add(reject);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => _writer?.Dispose();
}
