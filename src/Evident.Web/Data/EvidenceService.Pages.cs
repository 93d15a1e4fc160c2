using Evident.Core.Evidence;
using Evident.Store.Evidence;
using Evident.Text;

namespace Evident.Web.Data;

/// <summary>Friction and operations: friction kinds, interactions' figures, friction by journey stage.</summary>
public sealed record FrictionPage(IReadOnlyList<TopicEvidence> Friction, OperationsEvidence? Operations, IReadOnlyList<StageEvidence> ByStage, SayVersusDo SayDo);

/// <summary>Rhetoric against reality: the audit signals, the posts behind them, and the replies to customers.</summary>
public sealed record CommunicationsPage(RhetoricEvidence Rhetoric, IReadOnlyList<(CommunicationFact Post, TextAnalysis Analysis)> Examples, ReplyEvidence Replies);

public sealed partial class EvidenceService
{
    public Task<FrictionPage> FrictionAsync(PeriodKind period, CancellationToken cancellation) =>
        KeptAsync($"friction|{period}", async (workspace, options, token) =>
        {
            var reader = new EvidenceReader(workspace);
            var topics = await TopicsAsync(period, token);
            var interactions = await reader.ReadInteractionsAsync(token);
            var journey = await reader.ReadJourneyAsync(token);
            return new FrictionPage(
                topics.Friction,
                interactions.Count > 0 ? OperationsEvidence.Build(interactions, options, period) : null,
                await EvidenceGatherer.FrictionByStageAsync(reader, journey, options, token),
                SayVersusDo.Build(await reader.ReadPersonScoresAsync(Core.Metrics.ScoreKinds.Nps, token), journey, options.MinResponses));
        }, cancellation);

    public Task<EmployeeEvidence> EmployeesAsync(PeriodKind period, CancellationToken cancellation) =>
        KeptAsync($"employees|{period}", async (workspace, options, token) =>
        {
            var reader = new EvidenceReader(workspace);
            var topics = await TopicsAsync(period, token);
            return await EvidenceGatherer.EmployeesAsync(reader, topics.Themes, await reader.ReadInteractionsAsync(token), options, period, token);
        }, cancellation);

    public Task<CommunicationsPage> CommunicationsAsync(PeriodKind period, CancellationToken cancellation) =>
        KeptAsync($"communications|{period}", async (workspace, options, token) =>
        {
            var reader = new EvidenceReader(workspace);
            var communications = await reader.ReadCommunicationsAsync(token);
            return new CommunicationsPage(
                await RhetoricAsync(period, token),
                EvidenceGatherer.RhetoricExamples(communications, await AnalyzerAsync(token), 200),
                await EvidenceGatherer.RepliesAsync(reader, communications, await reader.ReadInteractionsAsync(token), options, token));
        }, cancellation);
}
