using System.Diagnostics.CodeAnalysis;
using Evident.Core.Ingest;
using Evident.Core.Input;

namespace Evident.Web.Imports;

/// <summary>
/// What the Imports page posts about an upload: its id, the name it had, what its rows are, the source name, and the
/// field chosen for each column (the page's <c>--map</c>). Everything here came from the browser and is checked
/// before use.
/// </summary>
public sealed record ImportForm(string UploadId, string Name, RecordKind Kind, string? Source, IReadOnlyList<string> Mapping)
{
    /// <summary>The choice that gives a column no field: it is kept with the row as an attribute.</summary>
    public const string Attribute = "";

    private const int MaxNameLength = 200;

    /// <summary>How dates that read either way (3/4/2025) are read (the page's <c>--dates</c>); unknown: as the file shows.</summary>
    public DateOrder Dates { get; init; }

    /// <param name="problem">What is wrong with the form, for the page.</param>
    public static bool TryRead(
        string? uploadId, string? name, string? kind, string? source, IReadOnlyList<string?>? mapping,
        [NotNullWhen(true)] out ImportForm? form, [NotNullWhen(false)] out string? problem, string? dates = null)
    {
        form = null;
        if (!DateOrders.TryParse(dates, out var order))
        {
            problem = $"choose how to read dates that read either way: {string.Join(", ", DateOrders.Names[..^1])} or {DateOrders.Names[^1]}";
            return false;
        }

        if (kind is null || !RecordKinds.TryParse(kind, out var recordKind))
        {
            problem = $"choose what the rows are: {string.Join(", ", RecordKinds.Names)}";
            return false;
        }

        if (source?.Trim() is { Length: > MaxNameLength })
        {
            problem = $"the source name is longer than {MaxNameLength} characters";
            return false;
        }

        form = new ImportForm(uploadId ?? "", FileName(name), recordKind, string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            [.. (mapping ?? []).Select(m => m ?? Attribute)]) { Dates = order };
        problem = null;
        return true;
    }

    /// <summary>The name shown for an upload: the client's file name without any folder, at most 200 characters.</summary>
    public static string FileName(string? clientName)
    {
        string name = Path.GetFileName((clientName ?? "").Replace('\\', '/')).Trim();
        name = name.Length == 0 ? "upload" : name;
        return name.Length > MaxNameLength ? name[..MaxNameLength] : name;
    }

    /// <summary>The request for <see cref="ImportFile"/>, with the mapping as <c>--map</c> pairs.</summary>
    /// <param name="columns">The file's columns; null when its header cannot be read (opening it will say why).</param>
    public bool TryRequest(string path, IReadOnlyList<string>? columns, [NotNullWhen(true)] out ImportRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        var overrides = new List<string>();
        if (Mapping.Count > 0 && columns is not null)
        {
            if (Mapping.Count != columns.Count)
            {
                problem = $"the mapping names {Mapping.Count} columns; the file has {columns.Count}";
                return false;
            }

            var fields = Fields.For(Kind);
            var columnOfField = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < Mapping.Count; i++)
            {
                string choice = Mapping[i];
                if (choice == Attribute)
                {
                    continue;
                }

                if (choice != ColumnMap.Ignore && !fields.Any(f => f.Name == choice))
                {
                    problem = $"'{choice}' is not a field of {Kind.Name()}";
                    return false;
                }

                if (choice != ColumnMap.Ignore && !columnOfField.TryAdd(choice, i))
                {
                    problem = $"the columns '{columns[columnOfField[choice]]}' and '{columns[i]}' both feed {choice}: choose one";
                    return false;
                }

                overrides.Add($"{ColumnReference(columns, i)}={choice}");
            }
        }

        request = new ImportRequest(path, Kind, overrides, Source, InputFormat.Auto) { Name = Name, Dates = Dates };
        problem = null;
        return true;
    }

    /// <summary>A column as <c>--map</c> finds it: by its name, or by its 1-based number when the name is empty or repeated.</summary>
    private static string ColumnReference(IReadOnlyList<string> columns, int index)
    {
        string name = columns[index].Trim();
        int same = columns.Count(c => string.Equals(c.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return name.Length > 0 && same == 1 ? name : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
