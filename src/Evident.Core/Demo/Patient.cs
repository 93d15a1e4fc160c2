using static Evident.Core.Demo.Northfield;

namespace Evident.Core.Demo;

/// <summary>One patient of the demo organisation, and what the year has done to them so far.</summary>
internal sealed class Patient
{
    public required string Key { get; init; }
    public required string Segment { get; init; }
    public required string Clinic { get; init; }

    /// <summary>How kindly the patient judges, as a standard normal number: the same visit pleases some more than others.</summary>
    public required double Warmth { get; init; }

    public required bool UsesApp { get; init; }

    /// <summary>How often the patient phones, chats and emails, in proportion.</summary>
    public required double[] ChannelWeights { get; init; }

    /// <summary>What replies to the patient's reviews have done to their view of the organisation.</summary>
    public double Goodwill { get; set; }

    /// <summary>How much of their care the patient still brings here: a detractor takes some of it elsewhere.</summary>
    public double Loyalty { get; set; } = 1;

    /// <summary>When the patient leaves (transfers their records or deregisters); <see cref="DateTime.MaxValue"/> while they stay.</summary>
    public DateTime LeavesAt { get; set; } = DateTime.MaxValue;

    /// <summary>Whether the patient chose to leave after an experience (rather than, say, moving away).</summary>
    public bool HasDecidedToLeave { get; set; }

    public string ChooseChannel(string reason, DemoRandom random)
    {
        Span<double> weights = [ChannelWeights[0], ChannelWeights[1], ChannelWeights[2] * (reason == BillingReason ? 2.5 : 1)];
        return random.Weighted(weights) switch
        {
            0 => Phone,
            1 => Chat,
            _ => Email,
        };
    }
}
