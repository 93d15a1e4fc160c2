using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>Reads a stated duration at a token: "40 minutes", "2hrs", "three weeks", "an hour", "half an hour", "a couple of days".</summary>
public static class Durations
{
    /// <summary>True when tokens from <paramref name="i"/> state a duration; <paramref name="end"/> is one past its unit.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, Vocabulary vocabulary, out double minutes, out int end)
    {
        minutes = 0;
        end = i;
        var entries = vocabulary.Entries;
        if (!TryNumber(text, tokens[i], entries, out double quantity))
        {
            return false;
        }
        int j = i + 1;
        // "half an hour" (½ × 1), "a few days" (few), "an hour"
        if (j < tokens.Length && tokens[j].Kind == TokenKind.Word && TryNumber(text, tokens[j], entries, out double second))
        {
            if (tokens[i].Kind == TokenKind.Number && quantity != 0.5)
            {
                return false; // "$140 a month": a figure, then a duration of its own
            }
            quantity = quantity == 0.5 ? 0.5 : Math.Max(quantity, second);
            j++;
        }
        if (j + 1 < tokens.Length && tokens[j].Kind == TokenKind.Word && tokens[j].Entry == vocabulary.Grammar.Of)
        {
            j++; // "a couple of hours"
        }
        if (j >= tokens.Length || tokens[j].Kind != TokenKind.Word || tokens[j].Sentence != tokens[i].Sentence)
        {
            return false;
        }
        if (tokens[j].Entry < 0)
        {
            // "1h30", "1hr45": hours and minutes written as one, which the tokenizer splits after the number
            if (j != i + 1 || tokens[i].Kind != TokenKind.Number || !HoursAndMinutes(text.Slice(tokens[j].Start, tokens[j].Length), out int extra))
            {
                return false;
            }
            minutes = quantity * 60 + extra;
            end = j + 1;
            return true;
        }
        ref readonly WordEntry unit = ref entries[tokens[j].Entry];
        if ((unit.Role & WordRole.TimeUnit) == 0)
        {
            return false;
        }
        minutes = quantity * unit.Value;
        end = j + 1;
        return minutes > 0;
    }

    /// <summary>"h30", "hr45", "hrs15": the rest of "1h30" after its number, the minutes (two digits, under 60).</summary>
    private static bool HoursAndMinutes(ReadOnlySpan<char> word, out int minutes)
    {
        minutes = 0;
        int letters = word.StartsWith("hrs", StringComparison.OrdinalIgnoreCase) ? 3 : word.StartsWith("hr", StringComparison.OrdinalIgnoreCase) ? 2 : word.StartsWith("h", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        ReadOnlySpan<char> digits = word[letters..];
        if (letters == 0 || digits.Length != 2 || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[1]))
        {
            return false;
        }
        minutes = (digits[0] - '0') * 10 + digits[1] - '0';
        return minutes < 60;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, in Token t, WordEntry[] entries, out double value)
    {
        value = 0;
        if (t.Kind == TokenKind.Number)
        {
            value = Tokenizer.ParseNumber(text.Slice(t.Start, t.Length));
            return value > 0 && value < 100_000;
        }
        if (t.Kind == TokenKind.Word && (t.Role & WordRole.NumberWord) != 0) // the token's copy of the role: no entry read for other words
        {
            value = entries[t.Entry].Value;
            return true;
        }
        return false;
    }
}
