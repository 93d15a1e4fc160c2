using Evident.Cli.Tests.Analyze;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Core.Reporting;
using Evident.Store;
using Evident.Store.Evidence;
using Evident.Text;

namespace Evident.Cli.Tests.Reports;

/// <summary>
/// <c>evident demo</c> end to end, and the story planted in the demo's data (docs/demo.md) found by the analyses: the
/// new phone menu of 2026-05-04 raises waits, menu complaints and detractors, detractors leave, leadership keeps
/// claiming "patients first" while thanking almost no one, and the call centre's eNPS falls.
/// </summary>
public sealed class DemoStoryTests : IClassFixture<DemoStoryTests.Demo>
{
    private readonly Demo _demo;

    public DemoStoryTests(Demo demo) => _demo = demo;

    /// <summary>One demo run at a third of the default size, shared by the tests.</summary>
    public sealed class Demo : IAsyncLifetime, IDisposable
    {
        private readonly TempFolder _folder = new();

        public string Folder => _folder.Path;

        public string Stdout { get; private set; } = "";

        public EvidenceSet Evidence { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var result = await CommandRunner.RunAsync(null, "demo", "--out", Folder, "--scale", "0.35", "--no-serve");
            Assert.True(result.ExitCode == 0, result.Stderr);
            Stdout = result.Stdout;
            await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(Path.Combine(Folder, "evident.db")), create: false);
            Evidence = await EvidenceGatherer.GatherAsync(workspace, MetricOptions.Default, PeriodKind.Month, TextAnalyzer.Default);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _folder.Dispose();
    }

    [Fact]
    public void The_demo_writes_the_workspace_the_report_and_the_brief()
    {
        foreach (string file in new[] { "evident.db", "report.html", "brief.html", "data/feedback-survey.csv", "data/interactions.csv" })
        {
            Assert.True(File.Exists(Path.Combine(_demo.Folder, file)), file);
        }

        Assert.Contains("demo ready", _demo.Stdout);
        Assert.Contains("1. ", _demo.Stdout);
        Assert.DoesNotContain("rejected", _demo.Stdout.Replace(" 0 rejected", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Nps_falls_significantly_after_the_new_phone_menu()
    {
        var months = _demo.Evidence.Scorecard.Periods.ToDictionary(p => p.Period);
        var before = months["2026-04"].Scores.Nps;
        var after = months["2026-07"].Scores.Nps;
        var change = after.Compare(before)!.Value;
        Assert.True(change.Significant, $"NPS {before.Value} → {after.Value}");
        Assert.True(change.Delta < -10, $"NPS {before.Value} → {after.Value}");
    }

    [Fact]
    public void Complaints_about_the_phone_menu_jump_in_May_and_cost_nps()
    {
        var menu = _demo.Evidence.Themes.Single(t => t.Key == "automated-phone");
        Assert.NotNull(menu.Shift);
        Assert.Contains(menu.Shift.Since, new[] { "2026-05", "2026-06" });
        Assert.True(menu.Shift.Difference.Delta > 5, $"share {menu.Shift.Before.Value} → {menu.Shift.After.Value}");
        Assert.True(menu.NpsImpact.Significant);
        Assert.True(menu.NpsImpact.MoveWithout > 0);
        var pains = Findings.Pains(_demo.Evidence).Take(3).Select(p => p.Topic.Key).ToList();
        Assert.Contains(pains, key => key is "automated-phone" or "wait-time" or "friction:wait" or "friction:automation");
    }

    [Fact]
    public void Phone_waits_and_transfers_rise_while_chat_does_not()
    {
        var byPeriod = _demo.Evidence.Operations!.ByChannelAndPeriod;
        double Wait(string channel, string period) => byPeriod.Single(p => p.Channel == channel && p.Period == period).Stats.WaitSeconds.P50!.Value;
        Assert.True(Wait("phone", "2026-07") > 2 * Wait("phone", "2026-03"), $"{Wait("phone", "2026-03")} → {Wait("phone", "2026-07")}");
        Assert.InRange(Wait("chat", "2026-07") / Wait("chat", "2026-03"), 0.6, 1.5);
        var transfersBefore = byPeriod.Single(p => p.Channel == "phone" && p.Period == "2026-03").Stats.TransferredShare;
        var transfersAfter = byPeriod.Single(p => p.Channel == "phone" && p.Period == "2026-07").Stats.TransferredShare;
        Assert.True(transfersAfter.Compare(transfersBefore) is { Significant: true, Delta: > 0 });
    }

    [Fact]
    public void Detractors_leave_more_often_than_promoters_but_not_all_of_them()
    {
        var sayDo = _demo.Evidence.SayVersusDo;
        Assert.True(sayDo.DetractorVersusPromoterChurn is { Significant: true, Delta: > 0 });
        Assert.True(sayDo.PromotersWhoLeft > 0);
        Assert.True(sayDo.DetractorsWhoStayed > 0);
    }

    [Fact]
    public void Leadership_claims_patients_first_but_rarely_thanks_anyone()
    {
        var shares = _demo.Evidence.Rhetoric.SignalShares;
        Assert.True(shares["customer-perspective"].Value > 3 * shares["gratitude"].Value,
            $"customer perspective {shares["customer-perspective"].Value} %, gratitude {shares["gratitude"].Value} %");
        Assert.NotNull(_demo.Evidence.Rhetoric.Gap);
    }

    [Fact]
    public void The_call_centre_eNPS_falls_and_the_summary_says_so()
    {
        var teams = _demo.Evidence.Employees.Teams.Where(t => t.Enps.Shown).ToList();
        var callCentre = teams.Single(t => t.Team == "call-centre");
        var trend = callCentre.Trend.Where(p => p.Enps.Shown).ToList();
        var early = trend.Where(p => string.CompareOrdinal(p.Period, "2026-05") < 0).Average(p => p.Enps.Value!.Value);
        var late = trend.Where(p => string.CompareOrdinal(p.Period, "2026-06") >= 0).Average(p => p.Enps.Value!.Value);
        Assert.True(late < early - 20, $"call-centre eNPS {early:0} → {late:0}");
        Assert.Contains(Findings.Summarise(_demo.Evidence), f => f.Headline.StartsWith("eNPS in call-centre fell", StringComparison.Ordinal));
    }
}
