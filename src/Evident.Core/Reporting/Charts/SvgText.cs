using System.Buffers;
using System.Globalization;
using System.Text;

namespace Evident.Core.Reporting.Charts;

/// <summary>Text and numbers as they are written into SVG: escaped, invariant, rounded.</summary>
internal static class SvgText
{
    // Markup characters, the C0 controls (most are not allowed in XML at all), surrogates and the two non-characters.
    private static readonly SearchValues<char> s_needsWork = SearchValues.Create(
        "&<>\"'" + string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) +
        string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)) + "\uFFFE\uFFFF");

    /// <summary>
    /// Escapes text for XML content or a quoted attribute. Characters XML cannot hold (controls other than tab and
    /// line breaks, U+FFFE/U+FFFF) are dropped and a lone surrogate becomes U+FFFD, so the output always parses.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny(s_needsWork) < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                case '\t' or '\n' or '\r': escaped.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        escaped.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        escaped.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>A coordinate or length: invariant, at most two decimals, never "-0"; a non-finite value is written as 0.</summary>
    public static string Number(double value)
    {
        double rounded = double.IsFinite(value) ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : 0;
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A data value for a reader, in a .NET number format, invariant, without a minus sign on a value that rounds to zero.</summary>
    public static string Value(double value, string format)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        if (value < 0)
        {
            // -0.04 as "0.#" is "-0": a value that shows as zero is written as zero.
            string zero = 0.0.ToString(format, CultureInfo.InvariantCulture);
            if ((-value).ToString(format, CultureInfo.InvariantCulture) == zero)
            {
                return zero;
            }
        }

        return text;
    }

    /// <summary>
    /// Shortens a label to at most <paramref name="maxChars"/> characters, ending in "…" when cut (never inside a surrogate pair).
    /// </summary>
    public static string Fit(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        int keep = Math.Max(1, maxChars - 1);
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep).TrimEnd(), "…");
    }

    /// <summary>A rough width of a text in a sans-serif face, to lay out labels without measuring fonts.</summary>
    public static double Width(string text, double fontSize) => text.Length * fontSize * 0.6;
}
