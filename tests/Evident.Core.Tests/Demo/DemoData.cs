using System.Globalization;
using Evident.Core.Demo;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using Evident.Text;

namespace Evident.Core.Tests.Demo;

/// <summary>
/// One demo, written once for all the demo tests into a temporary folder and read back through the importer's
/// own reader and <see cref="RowMapper"/>. Half the default size unless EVIDENT_DEMO_TEST_SCALE says otherwise
/// (scale 1 gives the figures in docs/demo.md).
/// </summary>
public sealed class DemoData : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, TextAnalysis> _analyses = new(StringComparer.Ordinal);

    public DemoData()
    {
        Scale = double.TryParse(Environment.GetEnvironmentVariable("EVIDENT_DEMO_TEST_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double scale)
            ? scale
            : 0.5;
        Files = DemoOrganisation.WriteFiles(_folder.Path, new DemoOptions(Scale: Scale));
        foreach (var file in Files)
        {
            var (records, rejects, attributes) = Read(file);
            Records[file.Source] = records;
            Rejects[file.Source] = rejects;
            UnmappedColumns[file.Source] = attributes;
        }

        Interactions = [.. Records["contacts"].Cast<InteractionRecord>()];
        Journey = [.. Records["journey"].Cast<JourneyRecord>()];
        Survey = Feedback("survey");
        Csat = Feedback("csat");
        Reviews = Feedback("reviews");
        Social = Feedback("social");
        Pulse = Feedback("pulse");
        Comms = [.. Records["comms"].Cast<CommunicationRecord>()];
    }

    public static DateTimeOffset Change => DemoTimeline.PhoneMenuLive;

    public double Scale { get; }

    public IReadOnlyList<DemoFile> Files { get; }

    public Dictionary<string, List<ImportedRecord>> Records { get; } = [];

    public Dictionary<string, List<string>> Rejects { get; } = [];

    public Dictionary<string, List<string>> UnmappedColumns { get; } = [];

    public List<InteractionRecord> Interactions { get; }

    public List<JourneyRecord> Journey { get; }

    public List<FeedbackRecord> Survey { get; }

    public List<FeedbackRecord> Csat { get; }

    public List<FeedbackRecord> Reviews { get; }

    public List<FeedbackRecord> Social { get; }

    public List<FeedbackRecord> Pulse { get; }

    public List<CommunicationRecord> Comms { get; }

    /// <summary>The engine's reading of a text, analysed once.</summary>
    public TextAnalysis Analyze(string text)
    {
        lock (_analyses)
        {
            if (!_analyses.TryGetValue(text, out var analysis))
            {
                analysis = TextAnalyzer.Default.Analyze(text);
                _analyses[text] = analysis;
            }

            return analysis;
        }
    }

    private List<FeedbackRecord> Feedback(string source) => [.. Records[source].Cast<FeedbackRecord>()];

    private static (List<ImportedRecord> Records, List<string> Rejects, List<string> Unmapped) Read(DemoFile file)
    {
        Assert.True(InputFile.TryOpen(file.Path, InputFormat.Auto, out var reader, out string? problem), problem);
        using (reader)
        {
            Assert.True(ColumnMap.TryCreate(file.Kind, reader.Columns, [], null, out var map, out problem), problem);
            var mapper = new RowMapper(map, file.Source);
            var records = new List<ImportedRecord>();
            var rejects = new List<string>();
            while (reader.TryRead(out var row))
            {
                if (mapper.TryMap(row, out var record, out var reject))
                {
                    records.Add(record!);
                }
                else
                {
                    rejects.Add(reject!.Format(file.Path));
                }
            }

            return (records, rejects, [.. map.AttributeColumns.Select(c => map.Columns[c])]);
        }
    }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DemoGroup : ICollectionFixture<DemoData>
{
    public const string Name = "demo";
}
