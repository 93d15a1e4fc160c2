using Evident.Core.Records;

namespace Evident.Store.Ingest;

/// <summary>
/// The persons named by the rows of a transaction, each once, with the latest feedback that described them
/// (segment, region, team), to be upserted into <c>person</c> at commit.
/// </summary>
internal sealed class PersonsSeen : Dictionary<(string Kind, string Key), FeedbackRecord?>
{
    public void Remember(ImportedRecord record)
    {
        switch (record)
        {
            case FeedbackRecord { PersonKey: { } key } feedback:
                this[(feedback.Subject, key)] = feedback;
                break;
            case InteractionRecord { PersonKey: { } key }:
                TryAdd((FeedbackRecord.Customer, key), null);
                break;
            case JourneyRecord journey:
                TryAdd((FeedbackRecord.Customer, journey.PersonKey), null);
                break;
        }
    }
}
