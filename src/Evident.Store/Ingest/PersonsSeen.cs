using Evident.Core.Records;

namespace Evident.Store.Ingest;

/// <summary>What the rows of one chunk say about a person: the latest segment, region and team given, and the earliest
/// time the person was seen (null when only an interaction or a journey named them).</summary>
internal readonly record struct PersonFacts(string? Segment, string? Region, string? Team, DateTimeOffset? FirstSeen);

/// <summary>
/// The persons named by the rows of a chunk, each once, to be upserted into <c>person</c> with the chunk's rows. Kept
/// per chunk, not per transaction: holding every distinct person of a 250,000-row transaction (the whole feedback row
/// of each, as this once did) took a 300,000-row import with a customer id per row to a 442 MiB peak.
/// </summary>
internal sealed class PersonsSeen : Dictionary<(string Kind, string Key), PersonFacts>
{
    public void Remember(ImportedRecord record)
    {
        switch (record)
        {
            case FeedbackRecord { PersonKey: { } key } feedback:
                var person = (feedback.Subject, key);
                TryGetValue(person, out var seen);
                this[person] = new PersonFacts(
                    feedback.Segment ?? seen.Segment, feedback.Region ?? seen.Region, feedback.Team ?? seen.Team,
                    seen.FirstSeen is { } first && first < feedback.CreatedAt ? first : feedback.CreatedAt);
                break;
            case InteractionRecord { PersonKey: { } key }:
                TryAdd((FeedbackRecord.Customer, key), default);
                break;
            case JourneyRecord journey:
                TryAdd((FeedbackRecord.Customer, journey.PersonKey), default);
                break;
        }
    }
}
