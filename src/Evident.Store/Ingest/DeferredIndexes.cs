using Evident.Core.Ingest;

namespace Evident.Store.Ingest;

/// <summary>
/// The bulk-load recipe both stores follow: an import into an empty table drops some of its secondary indexes and
/// builds them once its rows are in, one sort per index instead of an index insert per row. Which indexes, and how
/// they are kept safe from a killed import, is each dialect's own: <see cref="PostgresDeferredIndexes"/>,
/// <see cref="SqliteDeferredIndexes"/>.
/// </summary>
internal static class DeferredIndexes
{
    /// <summary>The tables imports fill row by row.</summary>
    internal static readonly string[] BulkTables = ["feedback", "feedback_theme", "feedback_friction", "interaction", "journey_event", "communication"];

    /// <summary>
    /// Tables whose primary key PostgreSQL's import sets aside too: a feedback row's themes and friction kinds, written
    /// once per new row (each kind once) and never looked up by the import, whose keys only guard against a repeat it
    /// does not make. Measured with psql on a million comments' 2.1 million theme rows: copied in 2.8 s with the key,
    /// 0.9 s without and 1.1 s to add it after, in the index builds that run two at a time.
    /// </summary>
    internal static readonly string[] KeysSetAside = ["feedback_theme", "feedback_friction"];

    /// <summary>The tables an import of <paramref name="kind"/> fills (all of them for a mixed export such as TWCS).</summary>
    internal static IReadOnlyList<string> TablesFilledBy(string kind) => !RecordKinds.TryParse(kind, out var known) ? BulkTables : known switch
    {
        RecordKind.Feedback or RecordKind.Pulse => ["feedback", "feedback_theme", "feedback_friction"],
        RecordKind.Interactions => ["interaction"],
        RecordKind.Journey => ["journey_event"],
        RecordKind.Comms => ["communication"],
        _ => BulkTables,
    };

    /// <summary>What an opener says before it builds the indexes a killed import left aside.</summary>
    internal static string RebuildNotice(long count) =>
        $"rebuilding the {count} {(count == 1 ? "index" : "indexes")} an interrupted import set aside";

    /// <summary>What an import says while it builds the indexes it set aside; null when it set none aside.</summary>
    internal static string? FinishingWork(int setAside) => setAside switch
    {
        0 => null,
        1 => "building the index set aside while loading an empty table",
        _ => $"building the {setAside} indexes set aside while loading empty tables",
    };
}
