namespace Evident.Core.Demo;

/// <summary>The dates of the demo organisation's year and of the change its data tells the story of.</summary>
public static class DemoTimeline
{
    /// <summary>The first day of data (inclusive).</summary>
    public static DateTimeOffset From { get; } = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The day after the last day of data (exclusive).</summary>
    public static DateTimeOffset To { get; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The Monday the new automated phone menu went live.</summary>
    public static DateTimeOffset PhoneMenuLive { get; } = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
}
