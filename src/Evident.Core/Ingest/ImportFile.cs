using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Evident.Core.Input;

namespace Evident.Core.Ingest;

/// <summary>What to import: a file, what its rows are, which columns feed which fields, and where the rows come from.</summary>
/// <param name="Path">The file, or <see cref="InputFile.StandardInputPath"/>.</param>
/// <param name="Kind">What the rows are; not needed for an export recognised by its shape (TWCS).</param>
/// <param name="Map">"COLUMN=field" overrides (<c>--map</c>); "COLUMN=-" drops a column.</param>
/// <param name="Source">The source name; null for the default (the file's name without extension).</param>
public sealed record ImportRequest(string Path, RecordKind? Kind, IReadOnlyList<string> Map, string? Source, InputFormat Format)
{
    /// <summary>How messages and the run name the file; by default the path as given. A file uploaded to a server
    /// is stored under a name of the server's choosing and named here by the name it had.</summary>
    public string? Name { get; init; }

    /// <summary>How dates that read either way (3/4/2025) are read (<c>--dates</c>); unknown: as the file's other
    /// dates show.</summary>
    public DateOrder Dates { get; init; }
}

/// <summary>An export recognised by its shape.</summary>
public enum KnownExport
{
    None,
    /// <summary>Qualtrics CSV: question texts and ImportIds under the column ids.</summary>
    Qualtrics,
    /// <summary>Customer Support on Twitter: tweets threaded into feedback, replies and interactions.</summary>
    Twcs,
}

/// <summary>
/// An import file recognised and opened: its format and columns, the export it is (if any), the column map as
/// matched, and its records. The same steps serve <c>evident import</c> and the Imports page, so that a file imports
/// the same way from both. A file that cannot be read at all fails in <see cref="TryOpen"/>; one that reads but whose
/// columns do not give the required fields opens with a <see cref="Problem"/> and no records.
/// </summary>
public sealed class ImportFile : IDisposable
{
    /// <summary>Rows checked for UTF-8 before anything is written.</summary>
    private const int EncodingCheckRows = 1_000;

    private readonly PeekingReader _reader;
    private readonly IRecordSource? _records;

    private ImportFile(PeekingReader reader, string name, KnownExport export, string kind, string source, ColumnMap? map,
        IReadOnlyList<string?>? questions, string? problem, IReadOnlyList<string> description, IRecordSource? records)
    {
        _reader = reader;
        Name = name;
        Export = export;
        Kind = kind;
        Source = source;
        Map = map;
        Questions = questions;
        Problem = problem;
        Description = description;
        _records = records;
    }

    /// <summary>How messages name the file.</summary>
    public string Name { get; }

    public InputFormat Format => _reader.Format;

    public IReadOnlyList<string> Columns => _reader.Columns;

    public long? TotalBytes => _reader.TotalBytes;

    public KnownExport Export { get; }

    /// <summary>The kind recorded for the run: a <see cref="RecordKinds"/> name, or <c>twcs</c>.</summary>
    public string Kind { get; }

    public string Source { get; }

    /// <summary>The source is the file's name (no source was given): a later export under another name would be
    /// another source, every row of it stored again (the import then checks, see <c>ImportRunInfo.SourceNamedByFile</c>).</summary>
    public bool SourceNamedByFile { get; private init; }

    /// <summary>Which column feeds which field, as matched (required fields perhaps without a column: see
    /// <see cref="Problem"/>); null for TWCS, which needs none, and after an override that names no column or field.</summary>
    public ColumnMap? Map { get; }

    /// <summary>A Qualtrics export's question text per column; null otherwise.</summary>
    public IReadOnlyList<string?>? Questions { get; }

    /// <summary>Why the rows cannot be imported as mapped, and what to do; null when they can.</summary>
    public string? Problem { get; }

    /// <summary>The recognised export and the mapping, one line each, for a preview.</summary>
    public IReadOnlyList<string> Description { get; }

    /// <summary>
    /// What the user should know before the rows are imported, one sentence each: a workbook's sheets that are not read;
    /// how dates that could be read day-first or month-first (3/4/2025) are read, and the row that says so, or why they
    /// are refused (the file's dates disagree, or none tells).
    /// </summary>
    public IReadOnlyList<string> Notes { get; private init; } = [];

    /// <summary>The records, read once; only when there is no <see cref="Problem"/>.</summary>
    public IRecordSource Records => _records ?? throw new InvalidOperationException(Problem);

    /// <param name="problem">What is wrong, starting with the file's name, when the file cannot be read at all.</param>
    public static bool TryOpen(ImportRequest request, [NotNullWhen(true)] out ImportFile? file, [NotNullWhen(false)] out string? problem)
    {
        file = null;
        string name = request.Name ?? InputFile.DisplayName(request.Path);
        if (!InputFile.TryOpen(request.Path, request.Format, out var opened, out problem))
        {
            if (request.Name is not null)
            {
                problem = problem.Replace(request.Path, request.Name, StringComparison.Ordinal);
            }

            return false;
        }

        var reader = new PeekingReader(opened);
        problem = NotUtf8(reader, name) ?? NotAnArray(reader, name) ?? Recognise(request, reader, name, out file);
        if (problem is not null)
        {
            reader.Dispose();
        }

        return problem is null;
    }

    private static string? Recognise(ImportRequest request, PeekingReader reader, string name, out ImportFile? file)
    {
        file = null;
        if (KnownExports.IsTwcs(reader.Columns))
        {
            if (request.Path == InputFile.StandardInputPath)
            {
                return "<stdin>: a Customer Support on Twitter export is read twice (threads first, then tweets); give it as a file";
            }

            string twcsSource = request.Source ?? "twcs";
            var tweets = TwcsRecordSource.Open(request.Path, reader, twcsSource);
            file = new ImportFile(reader, name, KnownExport.Twcs, "twcs", twcsSource, null, null, null,
                ["Customer Support on Twitter export: customer tweets → feedback, company tweets → comms (replies), threads → interactions"], tweets);
            return null;
        }

        if (request.Kind is not RecordKind kind)
        {
            return $"{name}: say what the rows are with --kind {string.Join("|", RecordKinds.Names)}";
        }

        string source = request.Source ?? DefaultSource(request.Path, name);
        if (reader.Format == InputFormat.Lines)
        {
            // Plain lines hold a text and nothing else, and every kind needs a time: a CSV piped in (or a file named
            // without .csv) was sniffed as lines, and the message was "no column for the required field 'date'".
            file = new ImportFile(reader, name, KnownExport.None, kind.Name(), source, null, null,
                $"{name} was read as plain lines (one text each, no columns), and {kind.Name()} rows need columns such as a date; "
                + "say how the file is written: --format csv (or tsv, json, jsonl) on the command line, or a name ending .csv (.tsv, .json, .jsonl)", [], null);
            return null;
        }

        var questions = reader.Format is InputFormat.Csv or InputFormat.Tsv or InputFormat.Excel ? KnownExports.TakeQualtricsQuestions(reader) : null;
        var export = questions is null ? KnownExport.None : KnownExport.Qualtrics;
        string? problem = ColumnMap.TryMatch(kind, reader.Columns, request.Map, questions, out var map, out string? overrideProblem)
            ? map.MissingRequired() ?? IdNotEachRowsOwn(reader, map)
            : overrideProblem;
        if (problem is not null)
        {
            file = new ImportFile(reader, name, export, kind.Name(), source, map, questions,
                $"{name} (read as {reader.Format.DisplayName()}): {problem}", [], null);
            return null;
        }

        var (dates, note) = DatesOf(reader, map!, request.Dates);
        file = new ImportFile(reader, name, export, kind.Name(), source, map, questions, null, Describe(map!, export),
            new MappedRecordSource(reader, new RowMapper(map!, source, dates, reader.SeparatedBySemicolons)))
        {
            Notes = [.. new[] { reader.SheetNote, note }.OfType<string>()],
            SourceNamedByFile = request.Source is null,
        };
        return null;
    }

    /// <summary>Rows read ahead, at most, for a date that says whether the file writes day or month first.</summary>
    internal const int DateOrderRows = 20_000;

    /// <summary>
    /// How the file writes dates that read either way (3/4/2025): as its other dates must be read, a day after the
    /// 12th showing which comes first (25/12/2025 day-first, 12/25/2025 month-first). Looked for in the first 1,000
    /// rows, and up to <see cref="DateOrderRows"/> when those hold such dates and none that tells (a file in date order
    /// starting on the 1st); unknown when none tells or two disagree, and then such dates are rejected, as they were
    /// before the file's order was read.
    /// </summary>
    private static (DateOrder Order, string? Note) DatesOf(PeekingReader reader, ColumnMap map, DateOrder given)
    {
        int[] columns = [.. map.FieldList.Where(f => f.Type == FieldType.Time).Select(f => map.ColumnOf(f.Name)).Where(c => c >= 0)];
        if (columns.Length == 0)
        {
            return (DateOrder.Unknown, null);
        }

        string? dayFirst = null, monthFirst = null;
        bool either = false;
        int looked = 0;
        foreach (int rows in (int[])[EncodingCheckRows, DateOrderRows])
        {
            var peeked = reader.Peek(rows);
            for (; looked < peeked.Count && (dayFirst is null || monthFirst is null); looked++)
            {
                var row = peeked[looked];
                foreach (int column in columns)
                {
                    if (column < row.Fields.Count && row.Fields[column] is { } value)
                    {
                        var (asDayFirst, asMonthFirst) = Values.Readings(value);
                        either |= asDayFirst && asMonthFirst;
                        dayFirst ??= asDayFirst && !asMonthFirst ? $"{row.Place}'s \"{value.Trim()}\"" : null;
                        monthFirst ??= asMonthFirst && !asDayFirst ? $"{row.Place}'s \"{value.Trim()}\"" : null;
                    }
                }
            }

            if (dayFirst is not null || monthFirst is not null || !either)
            {
                break;
            }
        }

        static string ReadAs(DateOrder order, string because) => $"dates that read either way (3/4/2025) are read {order.Name()}, {because}";
        const string Rejected = "dates that read either way (3/4/2025) are rejected";
        const string SayHow = "say how with --dates day-first or --dates month-first on the command line";
        if (given != DateOrder.Unknown)
        {
            string? against = given == DateOrder.DayFirst ? monthFirst : dayFirst;
            return (given, against is not null ? ReadAs(given, $"as --dates says, though {against} reads only the other way")
                : either ? ReadAs(given, "as --dates says")
                : null);
        }

        return (dayFirst, monthFirst) switch
        {
            (not null, null) => (DateOrder.DayFirst, ReadAs(DateOrder.DayFirst, $"as {dayFirst} shows")),
            (null, not null) => (DateOrder.MonthFirst, ReadAs(DateOrder.MonthFirst, $"as {monthFirst} shows")),
            (not null, not null) => (DateOrder.Unknown,
                $"the dates disagree ({dayFirst} is day-first, {monthFirst} month-first): {Rejected}; write dates as yyyy-MM-dd, or {SayHow}"),
            _ => (DateOrder.Unknown, either
                ? $"no date in the first rows says whether the day or the month comes first (a day after the 12th): {Rejected}; {SayHow}, or write dates as yyyy-MM-dd"
                : null),
        };
    }

    /// <summary>
    /// An id column that repeats with other values in a tenth or more of the first rows is not each row's own id (a
    /// ticket's number in an export of its comments), and the file is refused before anything is written: importing it
    /// would keep each id's first row and reject the others (see <see cref="RepeatedIds"/>), and mapping the column away
    /// afterwards would import those first rows again, under keys made of their content. A few such rows (an export
    /// holding an edited row twice) are rejected one by one as the file is read.
    /// </summary>
    private static string? IdNotEachRowsOwn(PeekingReader reader, ColumnMap map)
    {
        int column = map.ColumnOf(Fields.Id);
        if (column < 0)
        {
            return null;
        }

        var ids = new RepeatedIds();
        int rows = 0, repeats = 0;
        string example = "";
        foreach (var row in reader.Peek(EncodingCheckRows))
        {
            if (row.Error is not null || column >= row.Fields.Count || row.Fields[column]?.Trim() is not { Length: > 0 } id)
            {
                continue;
            }

            rows++;
            if (ids.EarlierLineWithOtherValues(id, row.Fields, column, row.Position) is long earlier && repeats++ == 0)
            {
                example = $"{row.Place} gives \"{id}\" as {row.PlaceOf(earlier)} did";
            }
        }

        if (repeats < 2 || repeats * 10 < rows)
        {
            return null;
        }

        string name = map.Columns[column];
        return string.Create(CultureInfo.InvariantCulture,
            $"the column '{name}', read as each row's id, repeats with other values in {repeats:N0} of the first {rows:N0} rows ({example}): ")
            + "it seems not to be each row's own id, and those rows would be rejected as repeats. "
            + $"Give it another field, or ignore it (--map \"{name}=-\" on the command line), and rows are keyed by their content";
    }

    private static List<string> Describe(ColumnMap map, KnownExport export)
    {
        var lines = new List<string>();
        if (export == KnownExport.Qualtrics)
        {
            lines.Add("Qualtrics export: its question-text and ImportId rows are skipped");
        }

        foreach (var (field, column) in map.Pairs())
        {
            if (column is not null)
            {
                lines.Add($"{field.Name,-24} ← {column}");
            }
        }

        if (map.AttributeColumns.Count > 0)
        {
            lines.Add($"{"attributes",-24} ← {string.Join(", ", map.AttributeNames)}");
        }

        return lines;
    }

    /// <summary>
    /// A .json file that is not an array of rows (one object, as an API's response, or objects one per line) fails at once
    /// with what to do, rather than being mapped as a file of no columns.
    /// </summary>
    private static string? NotAnArray(PeekingReader reader, string name)
    {
        if (reader.Format != InputFormat.JsonArray || reader.Peek(1) is not [{ Error: { } error }] ||
            !error.Message.StartsWith("expected a JSON array", StringComparison.Ordinal))
        {
            return null;
        }

        return $"{error.Format(name)}: the rows must be one JSON array of objects ([{{…}}, {{…}}]). Objects one per line are "
            + $"JSON Lines: name the file .jsonl or give --format jsonl. Rows inside an object need taking out first, e.g. jq '.responses' {name} > rows.json";
    }

    /// <summary>A file in another encoding fails at once, before anything is written: bytes that are not UTF-8 in
    /// its first rows mean the whole file is in another encoding, not that a few rows are damaged.</summary>
    private static string? NotUtf8(PeekingReader reader, string name)
    {
        foreach (var row in reader.Peek(EncodingCheckRows))
        {
            if (row.Error is { } error && error.Message.StartsWith("invalid UTF-8", StringComparison.Ordinal))
            {
                return $"{error.Format(name)}: the file is not UTF-8 (Windows-1252 or Latin-1?); convert it first, "
                    + $"e.g. iconv -f WINDOWS-1252 -t UTF-8 {name} > converted.csv, and import that";
            }
        }

        return null;
    }

    private static string DefaultSource(string path, string name) =>
        path == InputFile.StandardInputPath ? "stdin" : System.IO.Path.GetFileNameWithoutExtension(name);

    public void Dispose()
    {
        if (_records is not null)
        {
            _records.Dispose();
        }
        else
        {
            _reader.Dispose();
        }
    }
}
