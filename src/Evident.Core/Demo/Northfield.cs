namespace Evident.Core.Demo;

/// <summary>The demo organisation: a clinic group with a call centre, online booking and a patient-experience team.</summary>
internal static class Northfield
{
    public const string Name = "Northfield Health";

    public static readonly string[] Clinics = ["Riverside", "Eastgate", "Hillcrest", "Westbrook", "Harbour View", "Kingsmead"];

    /// <summary>How the patients divide between the clinics: the town-centre ones are bigger.</summary>
    public static readonly double[] ClinicSizes = [0.26, 0.2, 0.16, 0.15, 0.13, 0.1];

    public const string CallCentre = "call-centre";
    public const string FrontDesk = "front-desk";
    public const string Billing = "billing";
    public const string NursesLine = "nurses-line";
    public const string Clinical = "clinical";
    public const string PatientExperience = "patient-experience";

    public const string New = "new";
    public const string Regular = "regular";
    public const string ChronicCare = "chronic-care";

    public const string Phone = "phone";
    public const string Chat = "chat";
    public const string Email = "email";

    public const string Booking = "booking";
    public const string Reschedule = "reschedule";
    public const string BillingReason = "billing";
    public const string Results = "results";
    public const string Prescription = "prescription";

    public const string Resolved = "resolved";
    public const string Abandoned = "abandoned";
    public const string Callback = "callback";

    /// <summary>The team a topic belongs to, where the old phone menu (and chat and email) sent it straight away.</summary>
    public static string TeamFor(string reason) => reason switch
    {
        BillingReason => Billing,
        Results or Prescription => NursesLine,
        _ => CallCentre,
    };
}
