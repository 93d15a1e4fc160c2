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

/// <summary>Rows of a file mapped one by one to records of one kind.</summary>
public sealed class MappedRecordSource(Input.IInputReader reader, RowMapper mapper) : IRecordSource
{
    public long BytesRead => reader.BytesRead;

    public bool TryRead(out ImportedRecord? record, out RowReject? reject)
    {
        if (!reader.TryRead(out var row))
        {
            (record, reject) = (null, null);
            return false;
        }

        mapper.TryMap(row, out record, out reject);
        return true;
    }

    public void Dispose() => reader.Dispose();
}
