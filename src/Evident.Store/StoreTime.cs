using System.Globalization;

namespace Evident.Store;

/// <summary>How times and days are written in SQLite, where they are text that sorts in time order.</summary>
public static class StoreTime
{
    public static string Text(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
