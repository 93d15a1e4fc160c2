using System.Text.Json;
using Evident.Text.Phrases;
using Evident.Text.Tokens;

namespace Evident.Text.Tests.Lexicons;

/// <summary>
/// A word written in any phrase of any lexicon is a word of its own: written as "agents", it stops "gate agent" from
/// matching "gate agents" in every lexicon (Lexicons/README.md). Sometimes that is the point ("billing" is not "bill",
/// "booking" not "book"); written by mistake it silently loses matches, which is how it was found three times. So each
/// such form is listed here, and a new one fails until it is written in base form or added with the reason in mind.
/// </summary>
public sealed class PhraseWordShadowTests
{
    /// <summary>Forms written on purpose, or long-standing: each stops its base word's phrases from matching it.</summary>
    private static readonly HashSet<string> s_known =
    [
        "advertised", "advertising", "ages", "assisted", "bagging", "banking", "bars", "bedding", "bloods", "billing",
        "boarding", "booking", "boxing", "caring", "centered", "centred", "charging", "cheesed", "circles", "clowns", "coming", "concerned",
        "concerning", "conditioning", "conditions", "conflicting", "connecting", "covering", "cracked", "crowded", "cutting",
        "described", "died", "dies", "eating", "estimated", "exceeded", "ghosted", "glasses", "hats", "hearing", "impressed", "incoming", "landing", "leading",
        "learning", "letting", "lies", "lighting", "limited", "listing", "manners", "missing", "moments", "opening", "parking", "pleased",
        "poisoning", "questions", "reading", "rushed", "saved", "scared", "scheduling", "scratched", "scratches", "seems",
        "shocking", "shopping", "sighted", "speeding", "staffed", "staffing", "standing", "surprised", "tearing", "tears", "terms",
        "thanks", "topping", "tracking", "tripped", "understanding", "used", "wearing", "welcoming", "whats", "wheres", "worries", "writing"
    ];

    private static string Resource(string name)
    {
        using var stream = typeof(TextAnalyzer).Assembly.GetManifestResourceStream("Evident.Text.Lexicons." + name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Phrases()
    {
        using (var themes = JsonDocument.Parse(Resource("themes.json")))
        {
            foreach (var theme in themes.RootElement.GetProperty("themes").EnumerateArray())
            {
                foreach (var phrase in theme.GetProperty("phrases").EnumerateArray())
                {
                    yield return phrase.GetString()!;
                }
                if (theme.TryGetProperty("except", out var exceptions))
                {
                    foreach (var phrase in exceptions.EnumerateArray())
                    {
                        yield return phrase.GetString()!;
                    }
                }
            }
        }

        foreach (string line in Resource("signals.tsv").Split('\n'))
        {
            string[] fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length == 3 && !line.StartsWith('#') && fields[0] != "category")
            {
                yield return fields[2];
            }
        }

        foreach (string line in Resource("cx_lexicon.tsv").Split('\n'))
        {
            string term = line.Split('\t')[0];
            if (!line.StartsWith("# ", StringComparison.Ordinal) && term.Contains(' ', StringComparison.Ordinal))
            {
                yield return term;
            }
        }
    }

    [Fact]
    public void No_phrase_writes_an_inflected_form_by_mistake()
    {
        var words = Phrases().SelectMany(p => PhraseSyntax.Expand(PhraseSyntax.Normalise(p))).SelectMany(PhraseIndex.Builder.SplitWords)
            .Where(w => w is not "#" and not "$" and not "*").ToHashSet(StringComparer.Ordinal);
        var shadows = words
            .SelectMany(word => Inflections.FormsOf(word).Where(form => form != word && words.Contains(form)).Select(form => $"{form} (of {word})"))
            .Where(shadow => !s_known.Contains(shadow.Split(' ')[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(shadows.Count == 0, "inflected forms written in phrases (write the base form, or list the form here on purpose): " + string.Join(", ", shadows));
    }
}
