using System.Text;

namespace Evident.Cli.Phrases;

/// <summary>A phrase in its context on one line, for a table cell: <c>…the «night shuttle» never came…</c>.</summary>
internal static class PhraseSnippet
{
    public const int DefaultWidth = 80;

    /// <summary>How far a cut may move to fall between words instead of inside one.</summary>
    private const int MaxSnap = 15;

    /// <summary>
    /// The span of <paramref name="text"/> at <paramref name="start"/> marked with « », with up to about
    /// <paramref name="width"/> characters of context around it in all, cut between words where it can be and
    /// marked … where the text goes on. Line breaks and runs of spaces become one space.
    /// </summary>
    public static string Around(string text, int start, int length, int width = DefaultWidth)
    {
        start = Math.Clamp(start, 0, text.Length);
        int end = Math.Clamp(start + length, start, text.Length);

        // Context on either side; what one side cannot use goes to the other.
        int budget = Math.Max(0, width - (end - start));
        int left = Math.Min(start, budget / 2);
        int right = Math.Min(text.Length - end, budget - left);
        left = Math.Min(start, budget - right);
        int from = start - left;
        int to = end + right;

        if (from > 0)
        {
            int space = text.AsSpan(from, start - from).IndexOfAny(' ', '\n', '\t');
            if (space >= 0 && space < MaxSnap)
            {
                from += space + 1;
            }
            else if (char.IsLowSurrogate(text[from]))
            {
                from++;
            }
        }

        if (to < text.Length)
        {
            int space = text.AsSpan(end, to - end).LastIndexOfAny(' ', '\n', '\t');
            if (space >= 0 && to - (end + space) < MaxSnap)
            {
                to = end + space;
            }
            else if (char.IsLowSurrogate(text[to]))
            {
                to--;
            }
        }

        var snippet = new StringBuilder(width + 8);
        snippet.Append(from > 0 ? "…" : "");
        snippet.Append(OneLine(text.AsSpan(from, start - from)).TrimStart());
        snippet.Append('«').Append(OneLine(text.AsSpan(start, end - start))).Append('»');
        snippet.Append(OneLine(text.AsSpan(end, to - end)).TrimEnd());
        snippet.Append(to < text.Length ? "…" : "");
        return snippet.ToString();
    }

    /// <summary>Every run of white space (line breaks included) as one space.</summary>
    private static string OneLine(ReadOnlySpan<char> text)
    {
        var line = new StringBuilder(text.Length);
        bool inSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    line.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                line.Append(c);
                inSpace = false;
            }
        }

        return line.ToString();
    }
}
