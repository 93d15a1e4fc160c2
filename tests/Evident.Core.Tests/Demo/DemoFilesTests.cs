using Evident.Core.Demo;
using Evident.Core.Ingest;

namespace Evident.Core.Tests.Demo;

[Collection(DemoGroup.Name)]
public sealed class DemoFilesTests(DemoData data)
{
    [Fact]
    public void The_same_seed_writes_byte_identical_files_and_another_seed_different_ones()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        using var other = new TempFolder();

        var a = DemoOrganisation.WriteFiles(first.Path, new DemoOptions(Seed: 7, Scale: 0.05));
        var b = DemoOrganisation.WriteFiles(second.Path, new DemoOptions(Seed: 7, Scale: 0.05));
        var c = DemoOrganisation.WriteFiles(other.Path, new DemoOptions(Seed: 8, Scale: 0.05));

        Assert.Equal(a.Select(f => Path.GetFileName(f.Path)), b.Select(f => Path.GetFileName(f.Path)));
        for (int i = 0; i < a.Count; i++)
        {
            Assert.True(File.ReadAllBytes(a[i].Path).AsSpan().SequenceEqual(File.ReadAllBytes(b[i].Path)), $"{Path.GetFileName(a[i].Path)} differs between two runs");
            Assert.False(File.ReadAllBytes(a[i].Path).AsSpan().SequenceEqual(File.ReadAllBytes(c[i].Path)), $"{Path.GetFileName(a[i].Path)} is the same for two seeds");
        }
    }

    [Fact]
    public void There_is_a_file_per_kind_and_one_per_feedback_source()
    {
        Assert.Equal(
            ["interactions.csv", "journey.csv", "feedback-survey.csv", "feedback-csat.csv", "feedback-reviews.csv", "feedback-social.csv", "comms.csv", "pulse.csv"],
            data.Files.Select(f => Path.GetFileName(f.Path)));
        Assert.Equal(
            [RecordKind.Interactions, RecordKind.Journey, RecordKind.Feedback, RecordKind.Feedback, RecordKind.Feedback, RecordKind.Feedback, RecordKind.Comms, RecordKind.Pulse],
            data.Files.Select(f => f.Kind));
        Assert.Equal(data.Files.Count, data.Files.Select(f => f.Source).Distinct().Count());
    }

    [Fact]
    public void Every_row_maps_with_the_importers_reader_and_mapper_and_every_column_is_a_known_field()
    {
        foreach (var file in data.Files)
        {
            Assert.True(data.Rejects[file.Source].Count == 0, string.Join('\n', data.Rejects[file.Source].Take(5)));
            Assert.True(data.UnmappedColumns[file.Source].Count == 0, $"{file.Path}: unmapped {string.Join(", ", data.UnmappedColumns[file.Source])}");
            Assert.Equal(file.Rows, data.Records[file.Source].Count);
            Assert.True(file.Rows > 0, file.Path);
        }
    }

    [Fact]
    public void Feedback_scores_arrive_with_their_kind()
    {
        Assert.All(data.Survey, s => Assert.Equal("nps", s.ScoreKind));
        Assert.All(data.Csat, s => Assert.Equal("csat", s.ScoreKind));
        Assert.All(data.Reviews, s => Assert.Equal("rating", s.ScoreKind));
        Assert.All(data.Social, s => Assert.Null(s.Score));
        Assert.All(data.Social, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
        Assert.All(data.Pulse, s => Assert.Equal("enps", s.ScoreKind));
    }

    [Fact]
    public void Every_row_falls_in_the_year_and_every_reference_points_at_a_row()
    {
        var from = DemoTimeline.From;
        var to = DemoTimeline.To;
        Assert.All(data.Interactions, i => Assert.InRange(i.StartedAt, from, to.AddTicks(-1)));
        Assert.All(data.Journey, j => Assert.InRange(j.At, from, to.AddTicks(-1)));
        Assert.All(data.Survey.Concat(data.Csat).Concat(data.Reviews).Concat(data.Social).Concat(data.Pulse), f => Assert.InRange(f.CreatedAt, from, to.AddTicks(-1)));
        Assert.All(data.Comms, c => Assert.InRange(c.CreatedAt, from, to.AddTicks(-1)));

        var interactions = data.Interactions.Select(i => i.ExternalId).ToHashSet();
        var feedback = data.Survey.Concat(data.Csat).Concat(data.Reviews).Concat(data.Social).ToDictionary(f => f.ExternalId);
        Assert.All(data.Survey.Concat(data.Csat).Where(f => f.InteractionKey is not null), f => Assert.Contains(f.InteractionKey!, interactions));
        Assert.All(data.Comms.Where(c => c.InReplyTo is not null), c => Assert.True(feedback[c.InReplyTo!].CreatedAt < c.CreatedAt));
    }

    [Fact]
    public void Patients_who_give_feedback_have_visits_too()
    {
        var visitors = data.Journey.Where(j => j.Action == "visit").Select(j => j.PersonKey).ToHashSet();
        var respondents = data.Survey.Select(s => s.PersonKey!).Distinct().ToList();

        Assert.True(DemoFigures.Share(respondents, visitors.Contains) > 0.8);
    }

    [Fact]
    public void The_scale_sizes_the_demo()
    {
        using var folder = new TempFolder();

        var small = DemoOrganisation.WriteFiles(folder.Path, new DemoOptions(Scale: data.Scale / 5));

        double ratio = (double)data.Files.Sum(f => f.Rows) / small.Sum(f => f.Rows);
        Assert.InRange(ratio, 3.5, 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(1000)]
    public void A_scale_out_of_range_is_refused_with_the_range(double scale)
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoOrganisation.WriteFiles(folder.Path, new DemoOptions(Scale: scale)));

        Assert.Contains("between 0.01 and 100", error.Message, StringComparison.Ordinal);
    }
}
