using System.Globalization;

namespace Evident.Core.Ingest;

/// <summary>
/// A rejects file (<c>FILE.rejects.csv</c> from <c>evident import</c>): one line per rejected row (line, column,
/// reason, and the item of a JSON array, empty for other inputs). Created at the first reject; a stale one from an earlier run is removed at the start, so the file always
/// describes the last run.
/// </summary>
public sealed class RejectsFile : IDisposable
{
    public const string Header = "line,column,reason,item";

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

    /// <summary>Of <see cref="Count"/>, the rows stored already with other values (<see cref="RowReject.StoredWithOtherValues"/>).</summary>
    public int StoredWithOtherValues { get; private set; }

    public void Add(RowReject reject)
    {
        if (_writer is null)
        {
            _writer = new StreamWriter(Path, append: false) { NewLine = "\n" };
            _writer.WriteLine(Header);
        }

        Count++;
        StoredWithOtherValues += reject.StoredWithOtherValues ? 1 : 0;
        _writer.WriteLine(string.Join(',', reject.LineText, Quote(reject.Column ?? ""), Quote(reject.Reason),
            reject.Item > 0 ? reject.Item.ToString(CultureInfo.InvariantCulture) : ""));
        if (_first.Count < Remembered)
        {
            _first.Add(reject);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => _writer?.Dispose();
}
