using Evident.Core.Records;

namespace Evident.Core.Ingest;

/// <summary>
/// The records of one input, in order, with the rows that could not be read reported as rejects. A plain file maps
/// each row to one record; a known export such as TWCS may turn rows into several kinds of records.
/// </summary>
public interface IRecordSource : IDisposable
{
    /// <summary>Input bytes consumed so far, for progress.</summary>
    long BytesRead { get; }

    /// <summary>The next record, or a reject; false at the end.</summary>
    bool TryRead(out ImportedRecord? record, out RowReject? reject);
}

/// <summary>
/// Rows of a file mapped one by one to records of one kind. A row giving an id an earlier row gave with other values
/// is rejected (see <see cref="RepeatedIds"/>).
/// </summary>
public sealed class MappedRecordSource(Input.IInputReader reader, RowMapper mapper) : IRecordSource
{
    private readonly int _idColumn = mapper.IdColumn;
    private readonly RepeatedIds? _ids = mapper.IdColumn >= 0 ? new RepeatedIds() : null;

    public long BytesRead => reader.BytesRead;

    public bool TryRead(out ImportedRecord? record, out RowReject? reject)
    {
        if (!reader.TryRead(out var row))
        {
            (record, reject) = (null, null);
            return false;
        }

        if (mapper.TryMap(row, out record, out reject) && _ids?.EarlierLineWithOtherValues(record!.ExternalId, row.Fields, _idColumn, row.Position) is long earlier)
        {
            string column = mapper.ColumnName(_idColumn);
            reject = new RowReject(record.Line, column, $"{row.PlaceOf(earlier)} gave the id \"{record.ExternalId}\" too, with other values; "
                + $"ids must be unique within a file, so this row was not imported (if '{column}' is not each row's own id, "
                + $"map it to another field or ignore it, --map \"{column}=-\" on the command line: rows are then keyed by their content)") { Item = row.Item };
            record = null;
        }

        return true;
    }

    public void Dispose() => reader.Dispose();
}
