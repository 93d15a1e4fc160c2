using Evident.Core.Ingest;
using Evident.Core.Input;

namespace Evident.Web.Imports;

/// <summary>The first rows of a run's rejects file, read back with the importer's own CSV reader.</summary>
public static class RejectsTable
{
    public const int RowsShown = 500;

    /// <summary>The first <see cref="RowsShown"/> rejects; empty when the run rejected nothing (no file).</summary>
    public static IReadOnlyList<RowReject> Read(string path)
    {
        var rejects = new List<RowReject>();
        if (!File.Exists(path) || !InputFile.TryOpen(path, InputFormat.Csv, out var reader, out _))
        {
            return rejects;
        }

        using (reader)
        {
            while (rejects.Count < RowsShown && reader.TryRead(out var row))
            {
                // an empty line: a record of no one line (a TWCS thread's interaction)
                long line = 0;
                if (row.Error is null && row.Fields.Count >= 3 && (string.IsNullOrEmpty(row.Fields[0]) || long.TryParse(row.Fields[0], out line)))
                {
                    long item = row.Fields.Count >= 4 && long.TryParse(row.Fields[3], out long place) ? place : 0; // files before the column have none
                    rejects.Add(new RowReject(line, string.IsNullOrEmpty(row.Fields[1]) ? null : row.Fields[1], row.Fields[2] ?? "") { Item = item });
                }
            }
        }

        return rejects;
    }
}
