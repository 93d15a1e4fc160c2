namespace Evident.Store.Ingest;

/// <summary>Running totals of an import, reported after each chunk is written (its rows are kept once their batch commits).</summary>
public sealed record ImportTotals(long RowsRead, long Imported, long Duplicates, long Rejected, long BytesRead)
{
    public static ImportTotals Zero { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>Receives progress from a running import (a progress bar, plain lines, nothing).</summary>
public interface IImportProgress
{
    void Report(ImportTotals totals);

    /// <summary>Told, after the last batch, of work that still takes a while before the import ends (in words).</summary>
    void Finishing(string work)
    {
    }
}
