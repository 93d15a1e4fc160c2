using System.CommandLine;
using Evident.Core.Metrics;

namespace Evident.Cli.Metrics;

/// <summary>The options every evidence verb shares: the fewest answers for a figure, and the anonymity threshold.</summary>
public sealed class EvidenceOptions
{
    public Option<int> MinResponses { get; } = new("--min-n")
    {
        Description = "The fewest answers for which a figure is shown; fewer say \"too few\" instead.",
        DefaultValueFactory = _ => MetricOptions.Default.MinResponses,
    };

    public Option<int> Anonymity { get; } = new("--anonymity")
    {
        Description = $"No employee figure is shown for fewer respondents than this (never below {MetricOptions.AnonymityFloor}).",
        DefaultValueFactory = _ => MetricOptions.Default.AnonymityThreshold,
    };

    public static EvidenceOptions Create()
    {
        var options = new EvidenceOptions();
        options.MinResponses.WholeNumber(value => value >= 1, "--min-n must be at least 1");
        options.Anonymity.WholeNumber(value => value >= MetricOptions.AnonymityFloor, $"--anonymity is never below {MetricOptions.AnonymityFloor}: smaller groups could identify people");
        return options;
    }

    public MetricOptions Parse(ParseResult parse) =>
        new() { MinResponses = parse.GetValue(MinResponses), AnonymityThreshold = parse.GetValue(Anonymity) };
}
