using System.Text.Json.Nodes;
using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>The evidence as JSON for scripts and the API: snake_case keys, numbers rounded for reading, nulls kept.</summary>
public static class EvidenceJson
{
    public static JsonObject Of(Estimate estimate, Difference? change = null, string changeName = "change")
    {
        var json = new JsonObject
        {
            ["value"] = Round(estimate.Value),
            ["ci"] = estimate.Value is null ? null : new JsonArray(Round(estimate.Low), Round(estimate.High)),
            ["n"] = estimate.N,
        };
        if (estimate.Withheld is not null)
        {
            json["withheld"] = estimate.Withheld;
        }

        if (change is Difference difference)
        {
            json[changeName] = Of(difference);
        }

        return json;
    }

    public static JsonObject Of(Difference difference) => new()
    {
        ["delta"] = Round(difference.Delta),
        ["p"] = double.IsNaN(difference.P) ? null : Math.Round(difference.P, 4),
        ["significant"] = difference.Significant,
    };

    public static JsonObject Of(Percentiles percentiles) => new()
    {
        ["p50"] = Round(percentiles.P50),
        ["p90"] = Round(percentiles.P90),
        ["p99"] = Round(percentiles.P99),
        ["n"] = percentiles.N,
    };

    /// <summary>nps, csat, ces, enps, rating and sentiment, each with its change or comparison when given.</summary>
    public static void AddScores(JsonObject json, ScoreSet scores, IReadOnlyDictionary<string, Difference?>? changes = null, string changeName = "change")
    {
        foreach (string name in ScoreSet.Names)
        {
            json[name] = Of(scores[name], changes?.GetValueOrDefault(name), changeName);
        }
    }

    public static void AddOperations(JsonObject json, InteractionStats? stats)
    {
        json["first_response_seconds"] = stats is null ? Empty() : Of(stats.FirstResponseSeconds);
        json["resolution_seconds"] = stats is null ? Empty() : Of(stats.ResolutionSeconds);
        json["wait_seconds"] = stats is null ? Empty() : Of(stats.WaitSeconds);
        if (stats is not null)
        {
            json["contacts"] = stats.Contacts;
            json["transferred_share"] = Of(stats.TransferredShare);
            json["abandoned_share"] = Of(stats.AbandonedShare);
            json["repeat_contact_share"] = Of(stats.RepeatContactShare);
        }
    }

    private static JsonObject Empty() => Of(new Percentiles(null, null, null, 0));

    public static double? Round(double? value) => value is double v && double.IsFinite(v) ? Math.Round(v, Math.Abs(v) >= 100 ? 1 : 3) : null;
}
