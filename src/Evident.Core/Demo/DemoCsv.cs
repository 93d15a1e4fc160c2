using System.Globalization;
using System.Text;

namespace Evident.Core.Demo;

/// <summary>Writes CSV as RFC 4180 quotes it (a field with a comma, a quote or a line break is quoted, its quotes
/// doubled), in UTF-8 without a byte-order mark, with invariant numbers and ISO 8601 UTC times.</summary>
internal sealed class DemoCsv : IDisposable
{
    private readonly StreamWriter _writer;
    private bool _first = true;

    public DemoCsv(string path, params string[] columns)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        foreach (string column in columns)
        {
            Field(column);
        }

        EndRow();
    }

    public int Rows { get; private set; } = -1;

    public DemoCsv Field(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' ')
        {
            _writer.Write(value);
            return this;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
        return this;
    }

    public DemoCsv Field(int? value)
    {
        Separate();
        if (value is int v)
        {
            _writer.Write(v.ToString(CultureInfo.InvariantCulture));
        }

        return this;
    }

    public DemoCsv Field(double? value)
    {
        Separate();
        if (value is double v)
        {
            _writer.Write(v.ToString("0.##", CultureInfo.InvariantCulture));
        }

        return this;
    }

    public DemoCsv Field(DateTime? value)
    {
        Separate();
        if (value is DateTime v)
        {
            _writer.Write(v.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return this;
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _first = true;
        Rows++;
    }

    private void Separate()
    {
        if (!_first)
        {
            _writer.Write(',');
        }

        _first = false;
    }

    public void Dispose() => _writer.Dispose();
}
