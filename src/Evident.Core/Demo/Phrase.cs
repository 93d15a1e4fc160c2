using System.Text;

namespace Evident.Core.Demo;

/// <summary>
/// Expands a sentence template: <c>{a|b|c}</c> picks one alternative (they nest, and may be empty), <c>[name]</c>
/// is filled from the slots of the moment ("[min]" → "40").
/// </summary>
internal static class Phrase
{
    public static string Expand(string template, DemoRandom random, IReadOnlyDictionary<string, string>? slots = null)
    {
        var text = new StringBuilder(template.Length + 32);
        int i = 0;
        Append(template, ref i, text, random, slots, stopAtBar: false);
        return text.ToString();
    }

    public static void AppendTo(StringBuilder text, string template, DemoRandom random, IReadOnlyDictionary<string, string>? slots = null)
    {
        int i = 0;
        Append(template, ref i, text, random, slots, stopAtBar: false);
    }

    /// <summary>Appends from <paramref name="i"/> up to the end, or, inside braces, up to the alternative's end.</summary>
    private static void Append(string template, ref int i, StringBuilder text, DemoRandom random, IReadOnlyDictionary<string, string>? slots, bool stopAtBar)
    {
        while (i < template.Length)
        {
            char c = template[i];
            if (stopAtBar && (c == '|' || c == '}'))
            {
                return;
            }

            if (c == '{')
            {
                i++;
                Choose(template, ref i, text, random, slots);
            }
            else if (c == '[')
            {
                int end = template.IndexOf(']', i);
                string name = template[(i + 1)..end];
                text.Append(slots is not null && slots.TryGetValue(name, out string? value)
                    ? value
                    : throw new InvalidOperationException($"no value for [{name}] in \"{template}\""));
                i = end + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
    }

    /// <summary>Reads the alternatives after a '{', expands one and skips the others.</summary>
    private static void Choose(string template, ref int i, StringBuilder text, DemoRandom random, IReadOnlyDictionary<string, string>? slots)
    {
        int count = CountAlternatives(template, i);
        int chosen = random.Next(count);
        for (int alternative = 0; alternative < count; alternative++)
        {
            if (alternative == chosen)
            {
                Append(template, ref i, text, random, slots, stopAtBar: true);
            }
            else
            {
                Skip(template, ref i);
            }

            i++; // the '|' or the closing '}'
        }
    }

    private static int CountAlternatives(string template, int i)
    {
        int depth = 0, count = 1;
        for (; i < template.Length; i++)
        {
            switch (template[i])
            {
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return count;
                case '}':
                    depth--;
                    break;
                case '|' when depth == 0:
                    count++;
                    break;
            }
        }

        throw new InvalidOperationException($"unclosed '{{' in \"{template}\"");
    }

    private static void Skip(string template, ref int i)
    {
        int depth = 0;
        for (; i < template.Length; i++)
        {
            char c = template[i];
            if (depth == 0 && (c == '|' || c == '}'))
            {
                return;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
    }
}
