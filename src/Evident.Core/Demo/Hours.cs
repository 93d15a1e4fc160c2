namespace Evident.Core.Demo;

/// <summary>When the organisation is open: the phone lines, the clinics and the offices that answer email.</summary>
internal static class Hours
{
    public static readonly DateTime From = DemoTimeline.From.UtcDateTime;
    public static readonly DateTime To = DemoTimeline.To.UtcDateTime;
    public static readonly DateTime PhoneMenuLive = DemoTimeline.PhoneMenuLive.UtcDateTime;

    public static bool IsAfterChange(DateTime at) => at >= PhoneMenuLive;

    /// <summary>A moment in the working day of <paramref name="day"/>'s date, busiest first thing in the morning;
    /// Sundays move to Monday, Saturdays keep a short morning.</summary>
    public static DateTime DuringOpening(DateTime day, DemoRandom random, double closeHour = 18)
    {
        day = day.Date;
        if (day.DayOfWeek == DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        double open = 8, close = closeHour;
        if (day.DayOfWeek == DayOfWeek.Saturday)
        {
            (open, close) = (9, 12.5);
        }

        double hour = random.Chance(0.4) ? random.Between(open, Math.Min(open + 2, close)) : random.Between(open, close);
        return Second(day.AddHours(hour));
    }

    /// <summary>A moment between <paramref name="fromHour"/> and <paramref name="toHour"/> on <paramref name="day"/>'s date.</summary>
    public static DateTime Between(DateTime day, double fromHour, double toHour, DemoRandom random) =>
        Second(day.Date.AddHours(random.Between(fromHour, toHour)));

    /// <summary>The next office moment at or after <paramref name="at"/> (weekdays 08:30–17:30).</summary>
    public static DateTime NextOfficeMoment(DateTime at)
    {
        var t = at;
        while (true)
        {
            bool weekday = t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            double hour = t.TimeOfDay.TotalHours;
            if (weekday && hour >= 8.5 && hour < 17.5)
            {
                return t;
            }

            t = weekday && hour < 8.5 ? t.Date.AddHours(8.5) : t.Date.AddDays(1).AddHours(8.5);
        }
    }

    /// <summary>Whether the phone lines are open at <paramref name="at"/>: weekdays 08:00 to <paramref name="closeHour"/>,
    /// Saturday mornings.</summary>
    public static bool IsOpen(DateTime at, double closeHour)
    {
        double hour = at.TimeOfDay.TotalHours;
        return at.DayOfWeek switch
        {
            DayOfWeek.Sunday => false,
            DayOfWeek.Saturday => hour is >= 9 and < 12.5,
            _ => hour >= 8 && hour < closeHour,
        };
    }

    /// <summary>The day of the next opening at or after <paramref name="at"/> (Sundays are skipped later).</summary>
    public static DateTime NextOpeningDay(DateTime at) => at.TimeOfDay.TotalHours < 8 ? at.Date : at.Date.AddDays(1);

    /// <summary>The same moment, or, when it falls in the small hours, the next morning: people write then.</summary>
    public static DateTime Awake(DateTime at, DemoRandom random) =>
        at.Hour < 7 ? Second(at.Date.AddHours(random.Between(7.0, 10.0))) : Second(at);

    /// <summary>Whole seconds: the files carry no fractions.</summary>
    public static DateTime Second(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
