using System.Text.Json;
using System.Text.Json.Serialization;
using Evident.Core.Ingest;
using Evident.Core.Input;

namespace Evident.Web.Imports;

/// <summary>
/// What the Imports page shows before an import: the file as recognised (format, export), each column with the field
/// it feeds, and the first rows as the import will read them (a record's fields, or the reason it is rejected).
/// </summary>
public sealed record ImportPreview(
    ImportForm Form,
    string Format,
    string? Export,
    string Source,
    IReadOnlyList<PreviewColumn> Columns,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Headers,
    IReadOnlyList<PreviewRow> Rows,
    string? Problem,
    IReadOnlyList<string> Warnings)
{
    public const int RowsShown = 10;

    /// <summary>Reads the first rows of <paramref name="file"/> (consuming it) into a preview.</summary>
    public static ImportPreview Of(ImportFile file, ImportForm form)
    {
        var columns = ColumnsOf(file);
        var rows = new List<PreviewRow>();
        var headers = new List<string>();
        if (file.Problem is null)
        {
            while (rows.Count < RowsShown && file.Records.TryRead(out var record, out var reject))
            {
                rows.Add(reject is not null
                    ? new PreviewRow(reject.Line, [], reject.Description)
                    : new PreviewRow(record!.Line, Values(record, headers), null));
            }
        }

        return new ImportPreview(
            form,
            file.Format.DisplayName(),
            file.Export switch
            {
                KnownExport.Qualtrics => "Qualtrics export: its question-text and ImportId rows are skipped",
                KnownExport.Twcs => "Customer Support on Twitter export: customer tweets become feedback, company tweets replies (comms), threads interactions",
                _ => null,
            },
            file.Source,
            columns,
            file.Map is { } map ? [.. map.FieldList.Select(f => f.Name)] : [],
            headers,
            rows,
            file.Problem,
            [.. WarningsOf(form, columns), .. file.Notes.Select(note => char.ToUpperInvariant(note[0]) + note[1..] + ".")]);
    }

    private static List<PreviewColumn> ColumnsOf(ImportFile file)
    {
        var columns = new List<PreviewColumn>(file.Columns.Count);
        var map = file.Map;
        for (int i = 0; i < file.Columns.Count; i++)
        {
            string choice = map is null ? ImportForm.Attribute
                : map.AttributeColumns.Contains(i) ? ImportForm.Attribute
                : ColumnMap.Ignore;
            string? description = null;
            if (map is not null)
            {
                foreach (var field in map.FieldList)
                {
                    if (map.ColumnOf(field.Name) == i)
                    {
                        (choice, description) = (field.Name, field.Description);
                    }
                }
            }

            string? question = file.Questions is { } questions && i < questions.Count ? questions[i] : null;
            columns.Add(new PreviewColumn(file.Columns[i], question, choice, description, map is not null && file.Columns[i].Trim().Length > 0));
        }

        return columns;
    }

    /// <summary>A column the user left as an attribute that a field took by its name: ColumnMap matches by name any
    /// field the user did not give a column, and only "ignore" stops that.</summary>
    private static List<string> WarningsOf(ImportForm form, List<PreviewColumn> columns)
    {
        var warnings = new List<string>();
        if (form.Mapping.Count != columns.Count)
        {
            return warnings;
        }

        for (int i = 0; i < columns.Count; i++)
        {
            if (form.Mapping[i] == ImportForm.Attribute && columns[i].Choice is not (ImportForm.Attribute or ColumnMap.Ignore))
            {
                warnings.Add($"Column '{columns[i].Name}' is matched to {columns[i].Choice} by its name: to keep it out, choose \"ignore\" for it, or give {columns[i].Choice} another column.");
            }
        }

        return warnings;
    }

    private static List<string?> Values(Core.Records.ImportedRecord record, List<string> headers)
    {
        var values = new List<string?>(headers.Count);
        foreach (var property in JsonSerializer.SerializeToElement(record, record.GetType(), s_json).EnumerateObject())
        {
            if (property.Name is "source" or "line")
            {
                continue;
            }

            int at = headers.IndexOf(property.Name);
            if (at < 0)
            {
                headers.Add(property.Name);
                at = headers.Count - 1;
            }

            while (values.Count <= at)
            {
                values.Add(null);
            }

            values[at] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
        }

        return values;
    }

    /// <summary>As <c>evident import --preview</c> prints a record: snake_case, nulls left out.</summary>
    private static readonly JsonSerializerOptions s_json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <param name="Choice">The field it feeds, <see cref="ImportForm.Attribute"/> (kept with the row) or <see cref="ColumnMap.Ignore"/>.</param>
/// <param name="Mappable">False for TWCS (no mapping) and for a column without a name.</param>
public sealed record PreviewColumn(string Name, string? Question, string Choice, string? FieldDescription, bool Mappable);

/// <param name="Values">By <see cref="ImportPreview.Headers"/>; shorter when the last fields are empty.</param>
/// <param name="Rejected">Why the row is not imported; null when it is.</param>
public sealed record PreviewRow(long Line, IReadOnlyList<string?> Values, string? Rejected);
