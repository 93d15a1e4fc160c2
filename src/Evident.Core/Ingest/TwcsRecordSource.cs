using Evident.Core.Input;
using Evident.Core.Records;

namespace Evident.Core.Ingest;

/// <summary>
/// A Customer Support on Twitter export (tweet_id, author_id, inbound, created_at, text, response_tweet_id,
/// in_response_to_tweet_id). The file is read twice: first only the reply links and times, to thread the tweets;
/// then tweet by tweet, customer tweets (inbound) becoming feedback and company tweets becoming replies (comms),
/// each tagged with its thread. After the last tweet, each thread that a customer opened becomes an interaction:
/// started at the customer's first tweet, first response at the company's first tweet after it, ended at the last.
/// </summary>
public sealed class TwcsRecordSource : IRecordSource
{
    private readonly IInputReader _reader;
    private readonly string _source;
    private readonly Dictionary<string, Tweet> _tweets;
    private readonly Dictionary<string, Thread> _threads;
    private readonly int _id, _author, _inbound, _createdAt, _text, _inReplyTo;
    private IEnumerator<InteractionRecord>? _interactions;

    private TwcsRecordSource(IInputReader reader, string source, Dictionary<string, Tweet> tweets)
    {
        _reader = reader;
        _source = source;
        _tweets = tweets;
        _threads = BuildThreads(tweets);
        var columns = reader.Columns;
        _id = IndexOf(columns, "tweet_id");
        _author = IndexOf(columns, "author_id");
        _inbound = IndexOf(columns, "inbound");
        _createdAt = IndexOf(columns, "created_at");
        _text = IndexOf(columns, "text");
        _inReplyTo = IndexOf(columns, "in_response_to_tweet_id");
    }

    /// <summary>Threads the tweets of <paramref name="path"/> (a first pass over the file), then reads records
    /// from <paramref name="reader"/>, already open on the same file.</summary>
    public static TwcsRecordSource Open(string path, IInputReader reader, string source)
    {
        var tweets = new Dictionary<string, Tweet>(StringComparer.Ordinal);
        if (InputFile.TryOpen(path, reader.Format, out var first, out _))
        {
            using (first)
            {
                var columns = first.Columns;
                int id = IndexOf(columns, "tweet_id"), author = IndexOf(columns, "author_id"), inbound = IndexOf(columns, "inbound"),
                    createdAt = IndexOf(columns, "created_at"), inReplyTo = IndexOf(columns, "in_response_to_tweet_id");
                while (first.TryRead(out var row))
                {
                    if (row.Error is null && Field(row, id) is { } tweetId
                        && Field(row, createdAt) is { } time && Values.TryParseTime(time, out var at, out _))
                    {
                        tweets[tweetId] = new Tweet(Field(row, inReplyTo), at, IsTrue(Field(row, inbound)), Field(row, author) ?? "");
                    }
                }
            }
        }

        return new TwcsRecordSource(reader, source, tweets);
    }

    public long BytesRead => _reader.BytesRead;

    public bool TryRead(out ImportedRecord? record, out RowReject? reject)
    {
        (record, reject) = (null, null);
        if (_interactions is null)
        {
            if (_reader.TryRead(out var row))
            {
                record = ToRecord(row, out reject);
                return true;
            }

            _interactions = Interactions().GetEnumerator();
        }

        if (_interactions.MoveNext())
        {
            record = _interactions.Current;
            return true;
        }

        return false;
    }

    private ImportedRecord? ToRecord(InputRow row, out RowReject? reject)
    {
        reject = null;
        if (row.Error is { } error)
        {
            reject = new RowReject(error.Line, error.Column?.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
            return null;
        }

        string? id = Field(row, _id);
        string? text = Field(row, _text);
        if (id is null)
        {
            reject = new RowReject(row.Line, "tweet_id", "the tweet has no id");
            return null;
        }

        if (!Values.TryParseTime(Field(row, _createdAt) ?? "", out var createdAt, out string? problem))
        {
            reject = new RowReject(row.Line, "created_at", problem!);
            return null;
        }

        if (text is null)
        {
            reject = new RowReject(row.Line, "text", "the tweet has no text");
            return null;
        }

        string root = RootOfIn(_tweets, id);
        _threads.TryGetValue(root, out var thread);
        string author = Field(row, _author) ?? "";
        if (IsTrue(Field(row, _inbound)))
        {
            return new FeedbackRecord
            {
                Source = _source,
                ExternalId = id,
                Line = row.Line,
                CreatedAt = createdAt,
                Text = text,
                PersonKey = author,
                Channel = "twitter",
                Segment = thread?.Company,
                InteractionKey = root,
            };
        }

        return new CommunicationRecord
        {
            Source = _source,
            ExternalId = id,
            Line = row.Line,
            CreatedAt = createdAt,
            Text = text,
            Author = author,
            Audience = "external",
            Channel = "reply",
            InReplyTo = Field(row, _inReplyTo),
            InteractionKey = root,
        };
    }

    private IEnumerable<InteractionRecord> Interactions()
    {
        foreach (var (root, thread) in _threads)
        {
            // Only conversations whose opening tweet is in the file and a customer's: a thread cut at the file's edge
            // has no true start, and timing it from its first surviving tweet would understate every figure.
            if (!thread.OpenedByCustomer || thread.FirstCustomerAt is not { } started)
            {
                continue;
            }

            yield return new InteractionRecord
            {
                Source = _source,
                ExternalId = "thread:" + root,
                StartedAt = started,
                FirstResponseAt = thread.FirstResponseAt,
                EndedAt = thread.LastAt,
                FirstResponseSeconds = (thread.FirstResponseAt - started)?.TotalSeconds,
                ResolutionSeconds = (thread.LastAt - started).TotalSeconds,
                Messages = thread.Messages,
                PersonKey = thread.Customer,
                Channel = "twitter",
                Team = thread.Company,
                Outcome = thread.FirstResponseAt is null ? "unanswered" : "answered",
            };
        }
    }

    private static Dictionary<string, Thread> BuildThreads(Dictionary<string, Tweet> tweets)
    {
        var threads = new Dictionary<string, Thread>(StringComparer.Ordinal);
        var roots = new Dictionary<string, string>(tweets.Count, StringComparer.Ordinal);
        foreach (var (id, tweet) in tweets)
        {
            string root = RootOfIn(tweets, id);
            roots[id] = root;
            if (!threads.TryGetValue(root, out var thread))
            {
                var opening = tweets[root];
                threads[root] = thread = new Thread { LastAt = tweet.At, OpenedByCustomer = opening.Parent is null && opening.Inbound };
            }

            thread.Messages++;
            if (tweet.At > thread.LastAt)
            {
                thread.LastAt = tweet.At;
            }

            if (tweet.Inbound && (thread.FirstCustomerAt is null || tweet.At < thread.FirstCustomerAt))
            {
                thread.FirstCustomerAt = tweet.At;
                thread.Customer = tweet.Author;
            }
        }

        foreach (var (id, tweet) in tweets)
        {
            var thread = threads[roots[id]];
            if (!tweet.Inbound && thread.FirstCustomerAt is { } opened && tweet.At >= opened
                && (thread.FirstResponseAt is null || tweet.At < thread.FirstResponseAt))
            {
                thread.FirstResponseAt = tweet.At;
                thread.Company = tweet.Author;
            }
        }

        foreach (var (id, tweet) in tweets)
        {
            var thread = threads[roots[id]];
            thread.Company ??= tweet.Inbound ? null : tweet.Author;
        }

        return threads;
    }

    /// <summary>The first tweet of the conversation <paramref name="id"/> belongs to, following reply links as far
    /// as the file goes.</summary>
    private static string RootOfIn(Dictionary<string, Tweet> tweets, string id)
    {
        string current = id;
        for (int hops = 0; hops < 10_000 && tweets.TryGetValue(current, out var tweet) && tweet.Parent is { } parent && tweets.ContainsKey(parent); hops++)
        {
            current = parent;
        }

        return current;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Field(InputRow row, int column) =>
        column >= 0 && column < row.Fields.Count && !string.IsNullOrWhiteSpace(row.Fields[column]) ? row.Fields[column]!.Trim() : null;

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _reader.Dispose();

    private sealed record Tweet(string? Parent, DateTimeOffset At, bool Inbound, string Author);

    private sealed class Thread
    {
        public DateTimeOffset? FirstCustomerAt { get; set; }
        public string? Customer { get; set; }
        public DateTimeOffset? FirstResponseAt { get; set; }
        public string? Company { get; set; }
        public DateTimeOffset LastAt { get; set; }
        public int Messages { get; set; }
        public bool OpenedByCustomer { get; init; }
    }
}
