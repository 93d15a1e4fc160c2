using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Evident.Core.Records;

/// <summary>
/// A 64-bit hash of what a record says, its key aside: stored with each row, so that a re-import can tell a row it holds
/// unchanged (a duplicate) from one whose values changed since (a ticket closed, a score corrected). The fields are the
/// record's as mapped, not the file's cells: a re-export with its columns in another order hashes the same.
/// </summary>
public static class RecordValues
{
    /// <summary>The hash of the record's values; null for a record keyed by its content (<c>sha256:…</c>), whose values
    /// cannot change under its key.</summary>
    public static long? HashOf(ImportedRecord record)
    {
        if (record.ExternalId.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = new Hasher();
        switch (record)
        {
            case FeedbackRecord f:
                hash = hash.Add(f.Subject).Add(f.CreatedAt).Add(f.Text).Add(f.ScoreKind).Add(f.Score).Add(f.PersonKey).Add(f.Segment)
                    .Add(f.Region).Add(f.Team).Add(f.Channel).Add(f.InteractionKey);
                break;
            case InteractionRecord i:
                hash = hash.Add(i.StartedAt).Add(i.FirstResponseAt).Add(i.EndedAt).Add(i.FirstResponseSeconds).Add(i.ResolutionSeconds)
                    .Add(i.WaitSeconds).Add(i.HoldSeconds).Add(i.Transfers).Add(i.MenuSteps).Add(i.Messages).Add(i.PersonKey)
                    .Add(i.Channel).Add(i.Agent).Add(i.Team).Add(i.Outcome).Add(i.Reason).Add(i.Segment);
                break;
            case JourneyRecord j:
                hash = hash.Add(j.PersonKey).Add(j.Action).Add(j.At).Add(j.Stage).Add(j.Channel).Add(j.Segment).Add(j.Value);
                break;
            case CommunicationRecord c:
                hash = hash.Add(c.CreatedAt).Add(c.Text).Add(c.Author).Add(c.Audience).Add(c.Channel).Add(c.InReplyTo).Add(c.InteractionKey);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "no values to hash");
        }

        return hash.Add(record.Attributes).Value;
    }

    /// <summary>Each value hashed with the hash so far as its seed (one-shot hashes of short values); a missing value
    /// moves the hash too, so that a value moving to the next field changes it. Each call returns the hasher with the
    /// value added: chain the calls and keep the last.</summary>
    private struct Hasher
    {
        private ulong _value;

        public readonly long Value => (long)_value;

        public Hasher Add(string? value)
        {
            _value = value is null ? Missing(_value) : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()), (long)_value);
            return this;
        }

        public Hasher Add(double? value) => value is double number ? Add(BitConverter.DoubleToInt64Bits(number)) : Skip();

        public Hasher Add(int? value) => value is int number ? Add((long)number) : Skip();

        public Hasher Add(DateTimeOffset? value) =>
            value is DateTimeOffset time ? Add(time.UtcTicks).Add((long)time.Offset.TotalMinutes) : Skip();

        private Hasher Add(long value)
        {
            _value = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)), (long)_value);
            return this;
        }

        private Hasher Skip()
        {
            _value = Missing(_value);
            return this;
        }

        private static ulong Missing(ulong value) => (value * 0x9E3779B97F4A7C15) + 0x632BE59BD9B4E019;
    }
}
