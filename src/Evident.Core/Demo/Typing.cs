using System.Text;

namespace Evident.Core.Demo;

/// <summary>How people really type a comment: in lower case, without the last full stop, with shorthand and slips.</summary>
internal static class Typing
{
    private static readonly (string Word, string Typed)[] s_shorthand =
    [
        ("you", "u"), ("your", "ur"), ("please", "pls"), ("appointment", "appt"), ("minutes", "mins"), ("because", "cos"),
        ("and", "&"), ("before", "b4"), ("tomorrow", "tmrw"), ("people", "ppl"), ("really", "rly"), ("doctor", "dr"),
        ("about", "abt"), ("thanks", "thx"), ("with", "w/"), ("hours", "hrs"), ("though", "tho"), ("going to", "gonna"),
    ];

    private static readonly (string Word, string Typed)[] s_slips =
    [
        ("receive", "recieve"), ("received", "recieved"), ("definitely", "definately"), ("separate", "seperate"),
        ("absolutely", "absolutly"), ("friendly", "freindly"), ("because", "becuase"), ("receptionist", "receptionsit"),
        ("the", "teh"), ("appointment", "appointmnet"), ("their", "there"), ("basically", "basicly"), ("which", "wich"),
        ("experience", "experiance"), ("until", "untill"), ("really", "realy"), ("nobody", "noone"), ("there", "thier"),
        ("waiting", "wiating"), ("surgery", "surgey"), ("unbelievable", "unbeleivable"), ("tomorrow", "tommorow"),
    ];

    /// <summary>Roughens a written comment; <paramref name="upset"/> makes shouting and exclamation marks likelier.</summary>
    public static string Roughen(string text, DemoRandom random, bool upset)
    {
        if (random.Chance(0.09))
        {
            text = ReplaceOne(text, s_shorthand, random);
        }

        if (random.Chance(0.07))
        {
            text = ReplaceOne(text, s_slips, random);
        }

        if (random.Chance(0.13))
        {
            text = text.ToLowerInvariant();
        }
        else if (upset && random.Chance(0.06))
        {
            text = ShoutOneWord(text, random);
        }

        if (text.Length > 1 && text[^1] == '.')
        {
            if (upset && random.Chance(0.12))
            {
                text = text[..^1] + (random.Chance(0.5) ? "!!" : "!");
            }
            else if (random.Chance(0.22))
            {
                text = text[..^1];
            }
        }

        return text;
    }

    private static string ReplaceOne(string text, (string Word, string Typed)[] pairs, DemoRandom random)
    {
        int start = random.Next(pairs.Length);
        for (int k = 0; k < pairs.Length; k++)
        {
            var (word, typed) = pairs[(start + k) % pairs.Length];
            int at = FindWord(text, word);
            if (at >= 0)
            {
                return string.Concat(text.AsSpan(0, at), typed, text.AsSpan(at + word.Length));
            }
        }

        return text;
    }

    /// <summary>The first place <paramref name="word"/> stands as a whole word, or -1.</summary>
    private static int FindWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !char.IsLetter(text[at - 1]);
            bool after = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
            if (before && after)
            {
                return at;
            }
        }

        return -1;
    }

    private static readonly string[] s_shouted = ["never", "nobody", "no one", "still", "again", "hours", "three", "minutes", "hung up", "useless"];

    private static string ShoutOneWord(string text, DemoRandom random)
    {
        int start = random.Next(s_shouted.Length);
        for (int k = 0; k < s_shouted.Length; k++)
        {
            string word = s_shouted[(start + k) % s_shouted.Length];
            int at = FindWord(text, word);
            if (at >= 0)
            {
                var shouted = new StringBuilder(text);
                for (int i = at; i < at + word.Length; i++)
                {
                    shouted[i] = char.ToUpperInvariant(shouted[i]);
                }

                return shouted.ToString();
            }
        }

        return text;
    }
}
