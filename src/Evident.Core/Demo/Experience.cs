namespace Evident.Core.Demo;

/// <summary>How the organisation answered a review or a post.</summary>
internal enum ReplyStyle
{
    /// <summary>Apology, empathy, ownership and a next step.</summary>
    Caring,
    /// <summary>A generic line that sends the patient elsewhere.</summary>
    Curt,
    /// <summary>A thank-you for a kind review.</summary>
    Thanks,
}

/// <summary>What happened to a patient that a comment, rating or post is about.</summary>
internal sealed class Experience
{
    public required Patient Patient { get; init; }
    public bool AfterChange { get; init; }
    public bool IsVisit { get; init; }

    /// <summary>The contact the feedback is about, or for a visit the contact that booked it.</summary>
    public ContactChain? Chain { get; init; }

    /// <summary>Minutes past the appointment time the patient waited at the clinic; 0 when seen on time.</summary>
    public int ClinicWaitMinutes { get; init; }

    /// <summary>Days from booking to the appointment.</summary>
    public int LeadDays { get; init; }

    public bool BillingSurprise { get; init; }
    public bool ParkingTrouble { get; init; }

    /// <summary>For a follow-up survey: how the patient's review was answered.</summary>
    public ReplyStyle? Reply { get; init; }
}
