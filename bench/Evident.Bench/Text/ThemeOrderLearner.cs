using Evident.Text;

namespace Evident.Bench.Text;

/// <summary>
/// Learns, from hand-labelled sets, the two orderings the taxonomy ships for a text's themes (docs/language-engine.md,
/// "Main theme first"): the <b>leads</b> (a theme the readers gave, and the other not, at least <see cref="LeadMinimum"/>
/// times among the texts whose themes found hold both, and more than <see cref="LeadRatio"/> times as often as the
/// reverse: <c>"leads"</c> in themes.json) and the <b>weak theme phrases</b> (a phrase that named its theme in at least
/// <see cref="WeakMinimum"/> texts, the readers giving that theme in at most half of them: weak_theme_phrases.tsv). Both
/// count what the analyser finds, not the order it puts it in, so learning them again over the same sets gives the same
/// lists. The thresholds were chosen by two-fold cross-validation over the probe sets.
/// </summary>
public static class ThemeOrderLearner
{
    public const int LeadMinimum = 6;
    public const int LeadRatio = 4;
    public const int WeakMinimum = 3;

    /// <summary>A lead: <paramref name="Theme"/> goes before <paramref name="Over"/>; the texts that put it so, and the reverse.</summary>
    public sealed record Lead(string Theme, string Over, int Led, int Followed);

    /// <summary>A weak theme phrase: the texts it named <paramref name="Theme"/> in, and those whose reader gave it.</summary>
    public sealed record WeakPhrase(string Theme, string Phrase, int Named, int Given);

    public sealed record Learnt(IReadOnlyList<Lead> Leads, IReadOnlyList<WeakPhrase> WeakPhrases);

    public static Learnt Learn(TextAnalyzer analyzer, IEnumerable<LabelledTweet> texts)
    {
        var led = new Dictionary<(string, string), int>();
        var named = new Dictionary<(string, string), int>();
        var given = new Dictionary<(string, string), int>();
        foreach (var text in texts)
        {
            var themes = analyzer.Analyze(text.Text).Themes;
            foreach (var a in themes)
            {
                bool expected = text.Themes.Contains(a.Id);
                foreach (var b in themes)
                {
                    if (expected && a.Id != b.Id && !text.Themes.Contains(b.Id))
                    {
                        led[(a.Id, b.Id)] = led.GetValueOrDefault((a.Id, b.Id)) + 1;
                    }
                }
                foreach (string rule in a.Evidence.Select(e => e.Rule).Where(r => r.StartsWith(RuleNames.ThemePrefix, StringComparison.Ordinal)).Distinct())
                {
                    var key = (a.Id, rule[RuleNames.ThemePrefix.Length..]);
                    named[key] = named.GetValueOrDefault(key) + 1;
                    given[key] = given.GetValueOrDefault(key) + (expected ? 1 : 0);
                }
            }
        }

        var leads = led.Where(p => p.Value >= LeadMinimum && p.Value > LeadRatio * led.GetValueOrDefault((p.Key.Item2, p.Key.Item1)))
            .Select(p => new Lead(p.Key.Item1, p.Key.Item2, p.Value, led.GetValueOrDefault((p.Key.Item2, p.Key.Item1))))
            .OrderBy(l => l.Theme, StringComparer.Ordinal).ThenBy(l => l.Over, StringComparer.Ordinal).ToList();
        var weak = named.Where(p => p.Value >= WeakMinimum && 2 * given[p.Key] <= p.Value)
            .Select(p => new WeakPhrase(p.Key.Item1, p.Key.Item2, p.Value, given[p.Key]))
            .OrderBy(w => w.Theme, StringComparer.Ordinal).ThenBy(w => w.Phrase, StringComparer.Ordinal).ToList();
        return new Learnt(leads, weak);
    }
}
