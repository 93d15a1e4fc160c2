using Evident.Bench.Text;
using Evident.Text.Themes;

namespace Evident.Text.Tests.Themes;

/// <summary>
/// A text that names several themes lists them main one first: a theme named in several passages before one named once,
/// a precise reason (fraud, a lost bag) before the area it happened in (billing, the delivery), a theme judged before a
/// place only named, and otherwise in the text's order; then a theme that leads the first one (a refund after a delay)
/// takes its place.
/// </summary>
public sealed class MainThemeTests
{
    private static string[] Themes(string text) => [.. TextAnalyzer.Default.Analyze(text).Themes.Select(t => t.Id)];

    /// <summary>The text's themes lead with <paramref name="main"/> and also hold <paramref name="other"/>.</summary>
    private static void AssertLeads(string text, string main, string other)
    {
        var themes = Themes(text);
        Assert.Equal(main, themes[0]);
        Assert.Contains(other, themes);
    }

    [Theory]
    [InlineData("I was charged twice on my card and someone used my details to book a hotel", "fraud-security", "billing")]
    [InlineData("The delivery driver lost my parcel", "lost-or-damaged-item", "delivery")]
    [InlineData("my flight was delayed and then my bag was lost", "lost-or-damaged-item", "delay")]
    public void A_precise_reason_comes_before_the_area_it_happened_in(string text, string main, string area)
    {
        AssertLeads(text, main, area);
    }

    [Fact]
    public void A_theme_named_in_more_passages_leads()
    {
        // price-value comes first in the text, once; wait-time twice after it
        AssertLeads("The prices have gone up again. Then I was on hold for an hour, and the queue at the store was long too.", "wait-time", "price-value");
    }

    [Theory]
    [InlineData("someone took £400 out of my account and the fraud team want 10 days to look into it")]
    [InlineData("Thanks to your fraud team for stopping that payment last night")]
    public void A_passage_naming_two_themes_puts_neither_behind_the_other(string text)
    {
        // "fraud team" names customer-service (a team) and fraud-security at once: the precise reason leads
        AssertLeads(text, "fraud-security", "customer-service");
    }

    [Fact]
    public void A_word_inside_another_theme_s_longer_phrase_is_no_second_mention()
    {
        // "parcel" is delivery's phrase, but here part of "lost my parcel"; "delivery driver" alone names delivery once
        Assert.Equal("lost-or-damaged-item", Themes("The delivery driver lost my parcel")[0]);
    }

    [Theory]
    [InlineData("New lounge at the airport is spotless", "cleanliness", "facilities")]
    [InlineData("Ward 7 was spotless the whole time I was in", "cleanliness", "clinical-care")]
    [InlineData("lady at the pharmacy was so patient with me", "staff-attitude", "clinical-care")]
    public void A_theme_named_by_words_that_judge_leads_the_place_only_named(string text, string judged, string place)
    {
        // "spotless" and "so patient" carry sentiment; "lounge", "ward" and "pharmacy" only say where
        AssertLeads(text, judged, place);
    }

    [Fact]
    public void Judging_words_only_break_ties()
    {
        // "rude" judges staff-attitude, but the queue is named in two passages and leads
        AssertLeads("The queue was huge, we stood in the queue for an hour, and the staff were rude.", "wait-time", "staff-attitude");
    }

    [Fact]
    public void Themes_of_equal_weight_keep_the_text_s_order()
    {
        // wait-time and price-value are both of specificity 0, each named once
        var themes = Themes("Waited in the queue for ages and the prices have gone up again");
        Assert.Equal(["wait-time", "price-value"], themes.Where(t => t is "wait-time" or "price-value"));
    }

    [Fact]
    public void The_shipped_taxonomy_rates_reasons_above_areas()
    {
        var taxonomy = TextAnalyzer.Default.Lexicons.Taxonomy;
        Assert.Equal(1, taxonomy.Find("refund")!.Specificity);
        Assert.Equal(-1, taxonomy.Find("digital-self-service")!.Specificity);
        Assert.Equal(0, taxonomy.Find("wait-time")!.Specificity);
    }

    [Fact]
    public void A_workspace_theme_states_its_specificity_or_is_in_between()
    {
        var extension = ThemeTaxonomy.Parse("""{"themes": [{"id": "kiosk", "phrases": ["kiosk"], "specificity": 1}, {"id": "lockers", "phrases": ["locker"]}]}""", "extension.json");
        Assert.Equal(1, extension.Find("kiosk")!.Specificity);
        Assert.Equal(0, extension.Find("lockers")!.Specificity);
    }

    [Fact]
    public void Extending_a_shipped_theme_keeps_its_specificity()
    {
        var shipped = TextAnalyzer.Default.Lexicons.Taxonomy;
        var merged = shipped.Extend(ThemeTaxonomy.Parse("""{"themes": [{"id": "refund", "phrases": ["store credit"]}]}""", "extension.json"));
        Assert.Equal(1, merged.Find("refund")!.Specificity);
    }

    /// <summary>The shipped lexicons built again with <paramref name="taxonomy"/> and <paramref name="weakThemePhrases"/>.</summary>
    private static TextAnalyzer Shipped(ThemeTaxonomy taxonomy, string weakThemePhrases) =>
        new(LexiconSet.Build(TestData.Lexicon("vader_lexicon.txt"), TestData.Lexicon("emoji_utf8_lexicon.txt"), TestData.Lexicon("cx_lexicon.tsv"),
            taxonomy, TestData.Lexicon("signals.tsv"), TestData.Lexicon("own_forms.tsv"), weakThemePhrases));

    /// <summary>The shipped lexicons with every theme's <see cref="Theme.Leads"/> taken out.</summary>
    private static readonly Lazy<TextAnalyzer> s_withoutLeads = new(() =>
        Shipped(ThemeTaxonomy.Of(TextAnalyzer.Default.Lexicons.Taxonomy.Themes.Select(t => t with { Leads = [] })), TestData.Lexicon("weak_theme_phrases.tsv")));

    [Theory]
    [InlineData("Flight delayed 3 hours, then delayed again overnight. I want a refund.", "refund", "delay")]
    [InlineData("Customer service were useless, I rang customer service three times, so I have now made a formal complaint", "complaint-handling", "customer-service")]
    public void A_theme_that_leads_another_comes_first_whichever_was_named_more(string text, string lead, string other)
    {
        AssertLeads(text, lead, other);
        Assert.NotEqual(lead, s_withoutLeads.Value.Analyze(text).Themes[0].Id); // the points alone put the other first
    }

    [Fact]
    public void Leads_are_read_from_the_taxonomy_and_kept_when_a_workspace_extends_a_theme()
    {
        var extension = ThemeTaxonomy.Parse("""{"themes": [{"id": "kiosk", "phrases": ["kiosk"], "leads": ["digital-self-service"]}, {"id": "refund", "phrases": ["store credit"]}]}""", "extension.json");
        Assert.True(extension.LeadsOver("kiosk", "digital-self-service"));
        Assert.False(extension.LeadsOver("digital-self-service", "kiosk"));
        var merged = TextAnalyzer.Default.Lexicons.Taxonomy.Extend(extension);
        Assert.True(merged.LeadsOver("refund", "delay")); // shipped, kept although the workspace added to refund
        Assert.True(merged.LeadsOver("kiosk", "digital-self-service"));
    }

    [Fact]
    public void The_shipped_leads_name_themes_and_never_go_both_ways()
    {
        var taxonomy = TextAnalyzer.Default.Lexicons.Taxonomy;
        var ids = taxonomy.Themes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var theme in taxonomy.Themes)
        {
            foreach (string over in theme.Leads)
            {
                if (!ids.Contains(over) || over == theme.Id || taxonomy.LeadsOver(over, theme.Id))
                {
                    problems.Add(theme.Id + " > " + over);
                }
            }
        }
        Assert.True(problems.Count == 0, "leads naming no theme, itself, or going both ways: " + string.Join(", ", problems));
        Assert.True(taxonomy.Themes.Sum(t => t.Leads.Count) > 50, "the shipped taxonomy carries its leads");
    }

    /// <summary>What <c>evident bench accuracy --sets tests/Evident.Text.Tests/Cases/probes --learn-theme-order</c> learns now.</summary>
    private static readonly Lazy<ThemeOrderLearner.Learnt> s_learnt = new(() =>
        ThemeOrderLearner.Learn(TextAnalyzer.Default, LabelledSets.Load(TestData.PathOf("Cases/probes")).SelectMany(set => set.Texts)));

    private const string Relearn = " (evident bench accuracy --sets tests/Evident.Text.Tests/Cases/probes --learn-theme-order prints what they say now)";

    /// <summary>
    /// Each shipped lead is still what the probe sets say (<see cref="ThemeOrderLearner"/>): a lexicon change that moves
    /// what is found can undo a pair; then it goes from themes.json.
    /// </summary>
    [Fact]
    public void Every_shipped_lead_is_still_what_the_probe_sets_say()
    {
        var learnt = s_learnt.Value.Leads.Select(l => (l.Theme, l.Over)).ToHashSet();
        var unsupported = TextAnalyzer.Default.Lexicons.Taxonomy.Themes.SelectMany(t => t.Leads.Select(over => (t.Id, over)))
            .Where(pair => !learnt.Contains(pair)).Select(pair => pair.Item1 + " > " + pair.over).ToList();
        Assert.True(unsupported.Count == 0, "leads the probe sets no longer back: " + string.Join(", ", unsupported) + Relearn);
    }

    /// <summary>The shipped lexicons without weak_theme_phrases.tsv.</summary>
    private static readonly Lazy<TextAnalyzer> s_withoutWeakPhrases = new(() => Shipped(TextAnalyzer.Default.Lexicons.Taxonomy, weakThemePhrases: ""));

    [Theory]
    [InlineData("Ridiculous that changing the date means paying the fare difference PLUS a £45 admin fee", "policy", "booking")]
    [InlineData("Boiler packed up again 2 days after he 'fixed' it. Exact same fault code", "product-quality", "customer-service")]
    public void A_theme_named_by_weak_phrases_alone_goes_behind_one_named_otherwise(string text, string main, string weak)
    {
        AssertLeads(text, main, weak);
        Assert.Equal(weak, s_withoutWeakPhrases.Value.Analyze(text).Themes[0].Id); // without the list the weakly named theme led
    }

    [Fact]
    public void The_weak_theme_phrases_are_theme_phrases_and_state_their_counts()
    {
        var lexicons = TextAnalyzer.Default.Lexicons;
        var rules = new HashSet<string>(lexicons.ThemePhrases.Texts, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var row in WeakPhraseRows())
        {
            if (lexicons.Taxonomy.Find(row.Theme) is null || !rules.Contains(row.Phrase) || row.Named < 3 || 2 * row.Given > row.Named ||
                !lexicons.IsWeakThemePhrase(row.Theme, "theme:" + row.Phrase)) // a phrase of that theme, so the line takes effect
            {
                problems.Add(row.Theme + " " + row.Phrase);
            }
        }
        Assert.True(problems.Count == 0, "lines of weak_theme_phrases.tsv that name no phrase of their theme or break its rule: " + string.Join(", ", problems));
        Assert.True(lexicons.IsWeakThemePhrase("staff-attitude", "theme:crew was"));
        Assert.False(lexicons.IsWeakThemePhrase("refund", "theme:refund"));
    }

    /// <summary>
    /// Each weak phrase is still weak on the probe sets (<see cref="ThemeOrderLearner"/>): it names its theme in at least
    /// three probe texts, and the reader gave that theme in at most half of them. A lexicon change that moves this takes
    /// the line out.
    /// </summary>
    [Fact]
    public void Every_weak_theme_phrase_is_still_weak_on_the_probe_sets()
    {
        var learnt = s_learnt.Value.WeakPhrases.Select(w => (w.Theme, w.Phrase)).ToHashSet();
        var strong = WeakPhraseRows().Where(row => !learnt.Contains((row.Theme, row.Phrase))).Select(row => row.Theme + " " + row.Phrase).ToList();
        Assert.True(strong.Count == 0, "weak theme phrases the probe sets no longer find weak: " + string.Join(", ", strong) + Relearn);
    }

    private static IEnumerable<(string Theme, string Phrase, int Named, int Given)> WeakPhraseRows()
    {
        foreach (string line in TestData.Lexicon("weak_theme_phrases.tsv").Split('\n'))
        {
            string[] f = line.TrimEnd('\r').Split('\t');
            if (f.Length == 4 && !line.StartsWith('#'))
            {
                yield return (f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Theory]
    [InlineData("2")]
    [InlineData("\"high\"")]
    [InlineData("0.5")]
    public void A_specificity_outside_minus_one_to_one_is_refused_with_the_theme_named(string value)
    {
        var e = Assert.Throws<FormatException>(() => ThemeTaxonomy.Parse($$"""{"themes": [{"id": "kiosk", "phrases": ["kiosk"], "specificity": {{value}}}]}""", "extension.json"));
        Assert.Contains("extension.json: theme #1", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected -1, 0 or 1", e.Message, StringComparison.Ordinal);
    }
}
