using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Web.Api;

/// <summary>
/// Checks a request's query parameters at the edge: each value read here either parses or becomes a problem naming the
/// parameter and what it expects; a parameter the endpoint does not know, or one given twice, is a problem too (a
/// misspelt filter would otherwise be ignored and return everything).
/// </summary>
public sealed class QueryCheck(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _problems = new(StringComparer.Ordinal);

    /// <summary>Names every parameter that is not one of <paramref name="known"/>.</summary>
    public void Only(params string[] known)
    {
        foreach (var (name, _) in query)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                Add(name, known.Length == 0
                    ? "this endpoint takes no parameters"
                    : $"unknown parameter; this endpoint takes {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>The trimmed value, null when absent or empty; at most <paramref name="maxLength"/> characters.</summary>
    public string? Text(string name, int maxLength = 200)
    {
        string? value = Raw(name);
        if (value is { Length: var length } && length > maxLength)
        {
            Add(name, $"at most {maxLength} characters, found {length}");
            return null;
        }

        return value;
    }

    /// <summary>One of <paramref name="allowed"/>, or null when absent.</summary>
    public string? OneOf(string name, IReadOnlyList<string> allowed)
    {
        string? value = Raw(name);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(name, $"expected one of {string.Join(", ", allowed)}, found \"{Shorten(value)}\"");
            return null;
        }

        return value;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public long Whole(string name, long min, long max, long fallback)
    {
        string? value = Raw(name);
        if (value is null)
        {
            return fallback;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number < min || number > max)
        {
            Add(name, $"expected a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, found \"{Shorten(value)}\"");
            return fallback;
        }

        return number;
    }

    /// <summary>A finite number such as 6 or 4.5, or null when absent.</summary>
    public double? Number(string name)
    {
        string? value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            Add(name, $"expected a number such as 6 or 4.5, found \"{Shorten(value)}\"");
            return null;
        }

        return number;
    }

    /// <summary>A day as yyyy-MM-dd, or null when absent.</summary>
    public DateOnly? Day(string name)
    {
        string? value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Add(name, $"expected a day as yyyy-MM-dd, such as 2025-03-14, found \"{Shorten(value)}\"");
            return null;
        }

        return day;
    }

    /// <summary>Records a problem with <paramref name="name"/>.</summary>
    public void Add(string name, string problem) =>
        _problems[name] = _problems.TryGetValue(name, out string[]? earlier) ? [.. earlier, problem] : [problem];

    /// <summary>400 problem+json with every problem found, by parameter; null when there is none.</summary>
    public ValidationProblem? Problem() => _problems.Count == 0
        ? null
        : TypedResults.ValidationProblem(_problems,
            detail: string.Join("; ", _problems.Select(p => $"{p.Key}: {string.Join("; ", p.Value)}")),
            title: "Invalid query");

    /// <summary>The value of a parameter given once; null when absent or blank, and a problem when given twice.</summary>
    private string? Raw(string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            Add(name, "given more than once; give it once");
            return null;
        }

        return values[0]?.Trim() is { Length: > 0 } value ? value : null;
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
