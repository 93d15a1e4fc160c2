using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;

namespace Evident.Core.Tests.Ingest;

internal static class Mapping
{
    public static readonly string[] ZendeskColumns =
    [
        "Id", "Requester id", "Subject", "Description", "Status", "Group", "Assignee", "Created at", "Solved at",
        "Satisfaction Score", "Group stations", "First reply time in minutes", "Full resolution time in minutes",
    ];

    public static ColumnMap Map(RecordKind kind, IReadOnlyList<string> columns, params string[] overrides)
    {
        Assert.True(ColumnMap.TryCreate(kind, columns, overrides, null, out var map, out string? problem), problem);
        return map;
    }

    public static string Problem(RecordKind kind, IReadOnlyList<string> columns, params string[] overrides)
    {
        Assert.False(ColumnMap.TryCreate(kind, columns, overrides, null, out var map, out string? problem));
        Assert.Null(map);
        return problem;
    }

    /// <summary>The column each field is fed from, by name, for the fields that have one.</summary>
    public static Dictionary<string, string> Pairs(ColumnMap map) =>
        map.Pairs().Where(pair => pair.Column is not null).ToDictionary(pair => pair.Field.Name, pair => pair.Column!);

    public static string[] AttributeNames(ColumnMap map) => [.. map.AttributeColumns.Select(i => map.Columns[i])];

    public static InputRow Row(long line, params string?[] fields) => new(line - 2, line, fields);

    public static T MapOne<T>(RowMapper mapper, InputRow row)
        where T : ImportedRecord
    {
        Assert.True(mapper.TryMap(row, out var record, out var reject), reject?.Format("test"));
        Assert.Null(reject);
        return Assert.IsType<T>(record);
    }

    /// <summary>Each record or reject of <paramref name="source"/>, in order.</summary>
    public static List<(ImportedRecord? Record, RowReject? Reject)> ReadAll(IRecordSource source)
    {
        var read = new List<(ImportedRecord?, RowReject?)>();
        while (source.TryRead(out var record, out var reject))
        {
            read.Add((record, reject));
        }

        return read;
    }

    /// <summary>Opens <paramref name="content"/>, written to a file named <paramref name="name"/>, as
    /// <paramref name="request"/> says (its path aside), and reads each record or reject; the file's date note too.</summary>
    public static List<(ImportedRecord? Record, RowReject? Reject)> ImportAll(string name, string content, ImportRequest request, out string? dateNote)
    {
        using var folder = new TempFolder();
        string path = folder.Write(name, content);
        Assert.True(ImportFile.TryOpen(request with { Path = path }, out var file, out string? problem), problem);
        using (file)
        {
            Assert.Null(file.Problem);
            dateNote = file.Notes.SingleOrDefault();
            return ReadAll(file.Records);
        }
    }

    public static RowReject RejectOf(RowMapper mapper, InputRow row)
    {
        Assert.False(mapper.TryMap(row, out var record, out var reject));
        Assert.Null(record);
        return Assert.IsType<RowReject>(reject);
    }
}
