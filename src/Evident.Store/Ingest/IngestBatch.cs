using Evident.Core.Ingest;
using Evident.Core.Records;

namespace Evident.Store.Ingest;

/// <summary>
/// One batch of an import on its way to the store: the records still to write (analysed), and the counts of rows
/// read, rejected and found already stored since the previous batch, so that the run's counters are committed in
/// the same transaction as its rows.
/// </summary>
public sealed class IngestBatch
{
    public List<ImportedRecord> Records { get; } = [];

    /// <summary>
    /// The natural keys of <see cref="Records"/> by table and source, as the reader read them (each once: a key repeated
    /// within the chunk is counted a duplicate there), each with the hash of its record's values
    /// (<see cref="ImportedRecord.ValuesHash"/>). Gathered while the reader still holds each record in its cache, so
    /// that the look-ups never touch the records: in a re-import's profile the first touch of each record by the look-up
    /// thread was a quarter of the look-ups' own time.
    /// </summary>
    public Dictionary<(string Table, string Source), Dictionary<string, long?>> Keys { get; } = [];

    /// <summary>The records found stored with other values by the look-ups: rejected, reported by the writing stage.</summary>
    public List<RowReject> Changed { get; } = [];
    public long RowsRead { get; set; }
    /// <summary>Everything the reader produced for the batch: records, rejects and duplicates.</summary>
    public int Items { get; set; }
    public long Rejected { get; set; }
    public long Duplicates { get; set; }
    /// <summary>True when every source the batch writes to held no rows when the import began: nothing in it can
    /// be stored already, except a repeat within the file itself.</summary>
    public bool SourcesWereEmpty { get; set; }

    /// <summary>Input bytes consumed when the batch was cut, for progress.</summary>
    public long BytesRead { get; set; }

    /// <summary>
    /// The rollup sums of the feedback records of this batch and of every batch since the last commit point (one object
    /// shared by them), summed by the analysis stage so that the single writer thread does not. Complete once the batch
    /// with <see cref="CommitAfter"/> is written, or the input has ended; the writer takes out what it did not insert.
    /// </summary>
    public FeedbackRollup Rollup { get; set; } = new();

    /// <summary>The transaction commits after this batch: the items since the last commit reached the batch size.</summary>
    public bool CommitAfter { get; set; }
}

/// <summary>What an import run is, for its row in <c>import_run</c>.</summary>
public sealed record ImportRunInfo(string Kind, string Source, string FileName, long? FileBytes)
{
    /// <summary>The command-line options the file was read with, as words (<c>--map</c>, <c>Ticket=-</c>, …): what running
    /// the same import again needs besides its file, kind and source. Empty for the page's and the API's runs.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>
    /// The source was named after the file, not given: an export saved under a new name (tickets-2026-12-08.csv after
    /// tickets-2026-12-01.csv) would be a new source, and every row it shares with the last one stored again. The import
    /// then refuses a file whose first rows are stored, with the same values, under another source.
    /// </summary>
    public bool SourceNamedByFile { get; init; }

    /// <summary><see cref="Options"/> as stored: a JSON array, or null when there are none.</summary>
    internal string? OptionsJson => Options.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(Options);
}

/// <summary>The outcome of writing one batch.</summary>
public readonly record struct BatchOutcome(long Inserted, long Duplicates);
