using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Evident.Core.Input;
using Evident.Core.Records;

namespace Evident.Core.Ingest;

/// <summary>
/// Turns input rows into records of one kind through a <see cref="ColumnMap"/>, validating every value. Maps one row at
/// a time (not thread-safe): the values of a row are read into arrays reused for the next.
/// </summary>
public sealed class RowMapper
{
    private readonly ColumnMap _map;
    private readonly string _source;
    private readonly int[] _columns;
    private readonly Field[] _fields;
    private readonly DateOrder _dates;
    private readonly bool _decimalComma;

    /// <summary>The most characters each field's value may have (<see cref="Fields.LongestOf"/>), by field.</summary>
    private readonly int[] _longest;

    /// <summary>The places in the map's attribute lists, by the attributes' names: a record's attributes are written in
    /// that order whatever the file's, so that a re-export with its columns reordered stores (and hashes, see
    /// <see cref="RecordValues"/>) the same values alike.</summary>
    private readonly int[] _attributesByName;

    /// <param name="dates">How the file writes dates whose day and month could be swapped, when known (see
    /// <see cref="ImportFile"/>, which reads it from the file's first rows).</param>
    /// <param name="decimalComma">Numbers may be written with a decimal comma ("4,5"): the file is a CSV separated by
    /// semicolons, as Excel writes it where the decimal mark is a comma.</param>
    public RowMapper(ColumnMap map, string source, DateOrder dates = DateOrder.Unknown, bool decimalComma = false)
    {
        _map = map;
        _source = source;
        _dates = dates;
        _decimalComma = decimalComma;
        _fields = [.. map.FieldList];
        _longest = [.. _fields.Select(field => Fields.LongestOf(field.Name) ?? int.MaxValue)];
        _columns = new int[_fields.Length];
        var fieldIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new List<int>();
        for (int i = 0; i < _fields.Length; i++)
        {
            _columns[i] = map.ColumnOf(_fields[i].Name);
            fieldIndex[_fields[i].Name] = i;
            if (_columns[i] >= 0 || _fields[i].Required)
            {
                read.Add(i);
            }
        }

        _fieldIndex = fieldIndex.ToFrozenDictionary(StringComparer.Ordinal);
        _read = [.. read];
        _attributesByName = [.. Enumerable.Range(0, map.AttributeNames.Count).OrderBy(a => map.AttributeNames[a], StringComparer.Ordinal)];
        _values = new RowValues(this);
    }

    /// <summary>
    /// The values of the row being mapped. One per mapper rather than per row: its arrays take a slot per field the kind
    /// knows (about 1.5 KB for feedback), which was the largest allocation of an import (1.7 of its 4.0 GB per million
    /// rows read, with the row's strings).
    /// </summary>
    private readonly RowValues _values;

    /// <summary>Field name → position, looked up some twenty times a row.</summary>
    private readonly FrozenDictionary<string, int> _fieldIndex;

    /// <summary>
    /// The fields a row can hold a value for (those with a column) and the required ones (to reject a row without them):
    /// a feedback import maps a handful of the kind's fields, and every field's slots were read and cleared for every
    /// row (with the frozen look-up by name: the reader busy 1.77-1.90 s instead of 1.91-2.09 s in re-imports of a
    /// million rows).
    /// </summary>
    private readonly int[] _read;

    public RecordKind Kind => _map.Kind;

    /// <summary>The column that gives each row's id, or -1 when rows are keyed by their content.</summary>
    public int IdColumn => _fieldIndex.TryGetValue(Fields.Id, out int id) ? _columns[id] : -1;

    /// <summary>The name of column <paramref name="column"/>, for messages.</summary>
    public string ColumnName(int column) => _map.Columns[column];

    /// <summary>Maps one row; a row the reader could not parse, or with a value that does not read, is rejected.</summary>
    public bool TryMap(InputRow row, out ImportedRecord? record, out RowReject? reject)
    {
        record = null;
        reject = null;
        if (row.Error is { } error)
        {
            reject = new RowReject(error.Line, error.Column?.ToString(CultureInfo.InvariantCulture), error.Message) { Item = row.Item };
            return false;
        }

        var values = _values;
        values.Reset(row);
        if (!values.TryReadAll(out reject))
        {
            reject = row.Item > 0 ? reject! with { Item = row.Item } : reject;
            return false;
        }

        record = Kind switch
        {
            RecordKind.Feedback or RecordKind.Pulse => values.Feedback(),
            RecordKind.Interactions => values.Interaction(),
            RecordKind.Journey => values.Journey(),
            RecordKind.Comms => values.Communication(),
            _ => throw new InvalidOperationException(),
        };
        return true;
    }

    /// <summary>The values of one row, read and validated field by field.</summary>
    private sealed class RowValues(RowMapper mapper)
    {
        private readonly string?[] _text = new string?[mapper._fields.Length];
        private readonly double?[] _number = new double?[mapper._fields.Length];
        private readonly DateTimeOffset?[] _time = new DateTimeOffset?[mapper._fields.Length];
        private string? _scoreKind;
        private double? _score;
        private InputRow _row;

        public void Reset(InputRow next)
        {
            _row = next;
            foreach (int f in mapper._read)
            {
                // Only these slots are ever written; the others stay empty.
                _text[f] = null;
                _number[f] = null;
                _time[f] = null;
            }

            _scoreKind = null;
            _score = null;
        }

        public bool TryReadAll(out RowReject? reject)
        {
            reject = null;
            var fields = mapper._fields;
            foreach (int f in mapper._read)
            {
                int column = mapper._columns[f];
                string? raw = column >= 0 && column < _row.Fields.Count ? _row.Fields[column] : null;
                if (column >= 0 && fields[f].Name == Fields.Text && _row.BareText is not null)
                {
                    raw = _row.BareText;
                }

                raw = WithoutNul(raw);

                if (string.IsNullOrWhiteSpace(raw) || (fields[f].Type == FieldType.Score && Values.IsUnanswered(raw)))
                {
                    if (fields[f].Required)
                    {
                        reject = Reject(column, $"the required field '{fields[f].Name}' is empty");
                        return false;
                    }

                    continue;
                }

                string? problem = null;
                string written = raw;
                if (mapper._decimalComma && fields[f].Type is not (FieldType.Text or FieldType.Time) && raw.Contains(',') && !raw.Contains('.'))
                {
                    raw = raw.Replace(',', '.'); // "4,5": no thousands separator is read in any case
                }

                switch (fields[f].Type)
                {
                    case FieldType.Text:
                        _text[f] = raw.Trim();
                        if (_text[f]!.Length > mapper._longest[f])
                        {
                            string article = "aeiou".Contains(fields[f].Name[0], StringComparison.Ordinal) ? "an" : "a";
                            problem = $"{article} {fields[f].Name} is a name or a code of at most {mapper._longest[f]:N0} characters, not {_text[f]!.Length:N0}: "
                                + "does the column hold something else (map it to another field, or keep it with the row)?";
                        }

                        break;
                    case FieldType.Time:
                        if (Values.TryParseTime(raw, out var time, out problem, mapper._dates))
                        {
                            _time[f] = time;
                        }

                        break;
                    case FieldType.Number:
                        if (Values.TryParseNumber(raw, out double number, out problem))
                        {
                            _number[f] = number;
                        }

                        break;
                    case FieldType.Count:
                        if (Values.TryParseNumber(raw, out double count, out problem))
                        {
                            if (count >= 0 && count == Math.Floor(count) && count <= int.MaxValue)
                            {
                                _number[f] = count;
                            }
                            else
                            {
                                problem = $"expected a whole number (0 or more) of {fields[f].Description}, found \"{raw.Trim()}\"";
                            }
                        }

                        break;
                    case FieldType.Seconds:
                        if (Values.TryParseSeconds(raw, out double seconds, out problem))
                        {
                            _number[f] = seconds;
                        }

                        break;
                    case FieldType.Minutes:
                        if (Values.TryParseNumber(raw, out double minutes, out problem))
                        {
                            if (minutes >= 0)
                            {
                                _number[f] = minutes * 60;
                            }
                            else
                            {
                                problem = $"expected a duration in minutes, found \"{raw.Trim()}\"";
                            }
                        }

                        break;
                    case FieldType.Score:
                        if (_score is null && Values.TryParseScore(raw, fields[f].ScoreKind!, out double score, out problem))
                        {
                            (_score, _scoreKind) = (score, fields[f].ScoreKind);
                        }

                        break;
                }

                if (problem is not null)
                {
                    // Messages quote the value as the file wrote it, decimal comma and all.
                    reject = Reject(column, ReferenceEquals(raw, written) ? problem : problem.Replace(raw.Trim(), written.Trim(), StringComparison.Ordinal));
                    return false;
                }
            }

            if (mapper.Kind is RecordKind.Feedback or RecordKind.Pulse && _score is null && Text(Fields.Text) is null)
            {
                reject = new RowReject(_row.Line, null, "the row has neither a text nor a score");
                return false;
            }

            if (mapper.Kind == RecordKind.Interactions && (Before("first_response_at") ?? Before("ended_at")) is { } backwards)
            {
                reject = backwards;
                return false;
            }

            return true;
        }

        /// <summary>A time of the contact that comes before its start, as the row's rejection: its response or
        /// resolution time would be negative (an export's columns in different time zones, or swapped).</summary>
        private RowReject? Before(string field)
        {
            if (Time(field) is not { } time || Time("started_at") is not { } started || time >= started)
            {
                return null;
            }

            return Reject(mapper._columns[Index(field)],
                $"{field} {Show(time)} is before started_at {Show(started)}: a contact cannot end or be answered before it starts");
        }

        private static string Show(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        private RowReject Reject(int column, string reason) =>
            new(_row.Line, column >= 0 ? mapper._map.Columns[column] : null, reason);

        private int Index(string field) => mapper._fieldIndex.TryGetValue(field, out int f) ? f : -1;

        private string? Text(string field) => Index(field) is int f and >= 0 ? _text[f] : null;

        private double? Number(string field) => Index(field) is int f and >= 0 ? _number[f] : null;

        private int? Count(string field) => Number(field) is double n ? (int)n : null; // whole, as read

        private DateTimeOffset? Time(string field) => Index(field) is int f and >= 0 ? _time[f] : null;

        public FeedbackRecord Feedback()
        {
            bool pulse = mapper.Kind == RecordKind.Pulse;
            string? text = Text(Fields.Text);
            var createdAt = Time(Fields.Date)!.Value;
            return new FeedbackRecord
            {
                Source = mapper._source,
                ExternalId = Text(Fields.Id) ?? ContentKey(createdAt.ToString("O", CultureInfo.InvariantCulture), _score?.ToString(CultureInfo.InvariantCulture), text, Text(Fields.Person)),
                Line = _row.Line,
                Subject = pulse ? FeedbackRecord.Employee : FeedbackRecord.Customer,
                CreatedAt = createdAt,
                Text = text,
                ScoreKind = _scoreKind,
                Score = _score,
                PersonKey = Text(Fields.Person),
                Segment = Text(Fields.Segment),
                Region = Text(Fields.Region),
                Team = Text(Fields.Team),
                Channel = Text(Fields.Channel),
                InteractionKey = Text(Fields.Interaction),
                Attributes = Attributes(),
            };
        }

        public InteractionRecord Interaction()
        {
            var started = Time("started_at")!.Value;
            var firstResponse = Time("first_response_at");
            var ended = Time("ended_at");
            double? firstResponseSeconds = Number("first_response_seconds") ?? Number("first_response_minutes")
                ?? (firstResponse - started)?.TotalSeconds;
            double? resolutionSeconds = Number("resolution_seconds") ?? Number("resolution_minutes") ?? (ended - started)?.TotalSeconds;
            return new InteractionRecord
            {
                Source = mapper._source,
                ExternalId = Text(Fields.Id) ?? ContentKey(started.ToString("O", CultureInfo.InvariantCulture), Text(Fields.Person), Text(Fields.Channel), Text("agent"), Text("reason")),
                Line = _row.Line,
                StartedAt = started,
                FirstResponseAt = firstResponse,
                EndedAt = ended,
                FirstResponseSeconds = firstResponseSeconds,
                ResolutionSeconds = resolutionSeconds,
                WaitSeconds = Number("wait_seconds") ?? Number("wait_minutes"),
                HoldSeconds = Number("hold_seconds") ?? Number("hold_minutes"),
                // Zendesk counts the groups a ticket passed through ("group stations"): one group is no transfer.
                Transfers = Count("transfers") is int t && IsGroupStations("transfers") ? Math.Max(0, t - 1) : Count("transfers"),
                MenuSteps = Count("menu_steps"),
                Messages = Count("messages"),
                PersonKey = Text(Fields.Person),
                Channel = Text(Fields.Channel),
                Agent = Text("agent"),
                Team = Text(Fields.Team),
                Outcome = Text("outcome"),
                Reason = Text("reason"),
                Segment = Text(Fields.Segment),
                Attributes = Attributes(),
            };
        }

        private bool IsGroupStations(string field) =>
            mapper._map.ColumnOf(field) is int c and >= 0 && Field.Normalise(mapper._map.Columns[c]) == "groupstations";

        public JourneyRecord Journey()
        {
            var at = Time("at")!.Value;
            string person = Text(Fields.Person)!;
            string action = Text("action")!;
            return new JourneyRecord
            {
                Source = mapper._source,
                ExternalId = Text(Fields.Id) ?? ContentKey(at.ToString("O", CultureInfo.InvariantCulture), person, action, Text("stage"), Number("value")?.ToString(CultureInfo.InvariantCulture)),
                Line = _row.Line,
                PersonKey = person,
                Action = action,
                At = at,
                Stage = Text("stage"),
                Channel = Text(Fields.Channel),
                Segment = Text(Fields.Segment),
                Value = Number("value"),
                Attributes = Attributes(),
            };
        }

        public CommunicationRecord Communication()
        {
            var createdAt = Time(Fields.Date)!.Value;
            string text = Text(Fields.Text)!;
            return new CommunicationRecord
            {
                Source = mapper._source,
                ExternalId = Text(Fields.Id) ?? ContentKey(createdAt.ToString("O", CultureInfo.InvariantCulture), Text("author"), text),
                Line = _row.Line,
                CreatedAt = createdAt,
                Text = text,
                Author = Text("author"),
                Audience = Text("audience")?.ToLowerInvariant(),
                Channel = Text(Fields.Channel)?.ToLowerInvariant(),
                InReplyTo = Text("in_reply_to"),
                InteractionKey = Text(Fields.Interaction),
                Attributes = Attributes(),
            };
        }

        /// <summary>
        /// The value without NUL characters, which PostgreSQL's text cannot hold: one in a row failed a whole import there
        /// ("invalid byte sequence for encoding UTF8: 0x00", again on every rerun) while SQLite kept it. It carries
        /// nothing a reader sees (padding, a broken export), so it is taken out on both.
        /// </summary>
        private static string? WithoutNul(string? value) =>
            value is not null && value.Contains('\0') ? value.Replace("\0", "", StringComparison.Ordinal) : value;

        private string? Attributes()
        {
            var columns = mapper._map.AttributeColumns;
            if (columns.Count == 0)
            {
                return null;
            }

            var buffer = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                bool any = false;
                foreach (int a in mapper._attributesByName)
                {
                    int column = columns[a];
                    string? value = WithoutNul(column < _row.Fields.Count ? _row.Fields[column] : null);
                    if (!string.IsNullOrEmpty(value))
                    {
                        json.WriteString(mapper._map.AttributeNames[a], value);
                        any = true;
                    }
                }

                json.WriteEndObject();
                json.Flush();
                if (!any)
                {
                    return null;
                }
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>The key of a row without an id: a hash of what it says, so that re-importing the same row adds
    /// nothing (two rows saying exactly the same thing at the same moment count once).</summary>
    public static string ContentKey(params string?[] parts)
    {
        var text = new StringBuilder();
        foreach (string? part in parts)
        {
            text.Append(part).Append('\u001f');
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
