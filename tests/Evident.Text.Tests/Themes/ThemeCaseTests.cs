namespace Evident.Text.Tests.Themes;

/// <summary>Hand-written complaints and praise (Cases/theme_cases.tsv): each must show its themes and none it excludes.</summary>
public sealed class ThemeCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in TestData.Rows("Cases/theme_cases.tsv").Where(r => r.Length == 2 && r[0] != "text"))
        {
            data.Add(row[0], row[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Theme_case_is_detected_as_expected(string text, string expected)
    {
        var found = TextAnalyzer.Default.Analyze(text).Themes.Select(t => t.Id).ToHashSet();
        foreach (string id in expected.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (id.StartsWith('-'))
            {
                Assert.False(found.Contains(id[1..]), $"'{id[1..]}' must not be found in: {text} (found {string.Join(", ", found)})");
            }
            else
            {
                Assert.True(found.Contains(id), $"'{id}' not found in: {text} (found {string.Join(", ", found)})");
            }
        }
    }

    [Fact]
    public void Every_required_theme_is_in_the_taxonomy()
    {
        string[] required =
        [
            "wait-time", "delay", "cancellation", "booking", "lost-or-damaged-item", "staff-attitude", "customer-service",
            "communication", "billing", "price-value", "refund", "product-quality", "delivery", "digital-self-service",
            "automated-phone", "cleanliness", "safety", "availability", "accessibility", "policy",
        ];
        var ids = TextAnalyzer.Default.Lexicons.Taxonomy.Themes.Select(t => t.Id).ToHashSet();
        Assert.All(required, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Theme_carries_the_sentiment_of_its_own_clause()
    {
        var a = TextAnalyzer.Default.Analyze("The nurse was lovely, but the waiting room was filthy and we queued for hours.");
        var staff = a.Themes.Single(t => t.Id == "staff-attitude");
        var cleanliness = a.Themes.Single(t => t.Id == "cleanliness");
        Assert.True(staff.Sentiment.Compound > 0, $"staff {staff.Sentiment.Compound}");
        Assert.True(cleanliness.Sentiment.Compound < 0, $"cleanliness {cleanliness.Sentiment.Compound}");
    }

    [Fact]
    public void Theme_evidence_points_at_the_phrase_in_the_text()
    {
        const string text = "Still waiting for my refund after six weeks.";
        var refund = TextAnalyzer.Default.Analyze(text).Themes.Single(t => t.Id == "refund");
        var span = refund.Evidence[0].Span;
        Assert.Contains("refund", text.Substring(span.Start, span.Length), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("theme:", refund.Evidence[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Inflections_of_a_phrase_word_match()
    {
        // the taxonomy lists base forms; the engine matches their regular inflections
        Assert.Contains(TextAnalyzer.Default.Analyze("They cancelled my flight.").Themes, t => t.Id == "cancellation");
        Assert.Contains(TextAnalyzer.Default.Analyze("My flight was canceled twice.").Themes, t => t.Id == "cancellation");
    }

    [Fact]
    public void A_workspace_can_extend_the_taxonomy()
    {
        var extra = Text.Themes.ThemeTaxonomy.Parse(
            """{"themes": [{"id": "parking", "name": "Parking", "phrases": ["car park", "parking space"]}, {"id": "refund", "phrases": ["store credit"]}]}""", "extra.json");
        var analyzer = new TextAnalyzer(LexiconSet.LoadEmbedded(extra));
        var themes = analyzer.Analyze("No parking space anywhere, and they only offered store credit.").Themes.Select(t => t.Id).ToList();
        Assert.Contains("parking", themes);
        Assert.Contains("refund", themes);
    }

    [Theory]
    [InlineData("The parcel missing again.", true)]
    [InlineData("My parcel is still missing.", true)]
    [InlineData("My parcel is apparently still missing.", true)]
    [InlineData("The parcel arrived but the manual is reportedly missing.", false)] // more than three words between
    [InlineData("The parcel, sadly, is missing.", false)] // a gap stays in its clause
    [InlineData("Got the parcel. Nothing missing.", false)] // and in its sentence
    [InlineData("@courier parcel @depot missing", false)] // and never runs over a mention
    public void A_gap_in_a_phrase_takes_up_to_three_words_of_the_same_clause(string text, bool matches)
    {
        var extra = Text.Themes.ThemeTaxonomy.Parse("""{"themes": [{"id": "lost-parcel", "name": "Lost parcel", "phrases": ["parcel ... missing"]}]}""", "extra.json");
        var analyzer = new TextAnalyzer(LexiconSet.LoadEmbedded(extra));
        var hit = analyzer.Analyze(text).Themes.SingleOrDefault(t => t.Id == "lost-parcel");
        Assert.Equal(matches, hit is not null);
        if (hit is not null)
        {
            var span = hit.Evidence[0].Span;
            Assert.Matches("^parcel .*missing$", text.Substring(span.Start, span.Length)); // the evidence covers the words between
        }
    }

    [Theory]
    [InlineData("I left it in the parking bay at home.", false)]
    [InlineData("I left it in the parking space at home.", false)] // "parking space" is also a shipped facilities phrase, kept
    [InlineData("The parking bay at the station was full.", true)]
    public void An_exception_holds_back_every_match_of_its_theme_inside_it_whatever_other_themes_match_there(string text, bool found)
    {
        // The shipped facilities theme matches "parking" and "parking space" at the same words: a match kept for it must
        // not hide the exception from the matches of "parking" checked after it.
        var extra = Text.Themes.ThemeTaxonomy.Parse(
            """{"themes": [{"id": "parking", "name": "Parking", "phrases": ["parking space", "parking bay", "bay"], "except": ["parking space at home", "parking bay ... home"]}]}""",
            "extra.json");
        var analyzer = new TextAnalyzer(LexiconSet.LoadEmbedded(extra));
        var themes = analyzer.Analyze(text).Themes.Select(t => t.Id).ToList();
        Assert.Equal(found, themes.Contains("parking"));
        Assert.Contains("facilities", themes);
    }

    [Theory]
    [InlineData("Called help number, and after 20 min hold, all we were told was to email.", "wait-time")] // a day or less: waited through
    [InlineData("8 days waiting for bag. A mess", "delay")] // longer: late
    [InlineData("Why has every item got 3+ days processing?", "delay")]
    public void A_stated_long_wait_names_its_theme_when_no_phrase_did(string text, string expected)
    {
        var theme = Assert.Single(TextAnalyzer.Default.Analyze(text).Themes, t => t.Id is "wait-time" or "delay");
        Assert.Equal(expected, theme.Id);
        var evidence = Assert.Single(theme.Evidence);
        Assert.Equal("rule:long-wait", evidence.Rule);
        Assert.Matches(@"^\d", text.Substring(evidence.Span.Start, evidence.Span.Length));
        Assert.True(theme.Sentiment.Compound < 0, $"{text}: {theme.Sentiment.Compound}");
    }

    [Theory]
    [InlineData("I was on hold for 40 minutes.", "wait-time")] // the phrase named it: the duration adds nothing
    [InlineData("The flight was delayed by 3 days.", "delay")]
    [InlineData("I have been with this bank for 10 years.", null)] // no wait read: no theme
    public void A_long_wait_adds_no_theme_beside_a_wait_phrase_nor_outside_a_wait(string text, string? expected)
    {
        var themes = TextAnalyzer.Default.Analyze(text).Themes.Where(t => t.Id is "wait-time" or "delay").ToList();
        Assert.Equal(expected is null ? [] : [expected], themes.Select(t => t.Id));
        Assert.DoesNotContain(themes.SelectMany(t => t.Evidence), e => e.Rule == "rule:long-wait");
    }

    [Theory]
    [InlineData("I upgraded. It didn't work.", "product-quality")]
    [InlineData("@AcmeSupport still not working", "product-quality")]
    [InlineData("I have a problem with my phone", "product-quality")]
    [InlineData("The app didn't work.", "digital-self-service")] // a theme named: the fallback gives way
    [InlineData("The refund didn't work", "refund")]
    [InlineData("@AcmeSupport still happening on the new beta.", "product-quality")] // a fault reported without naming it
    [InlineData("Tried resetting my settings, restarting my phone, all that", "product-quality")]
    [InlineData("The update made my watch pointless", "product-quality")]
    [InlineData("The app still crashes, please fix it", "digital-self-service")]
    [InlineData("No problem, thanks!", "")] // an exception holds back a fallback too
    [InlineData("Got my order without any issue", "")]
    public void A_fallback_names_its_theme_only_when_no_other_theme_is_found(string text, string expected)
    {
        var themes = TextAnalyzer.Default.Analyze(text).Themes.Select(t => t.Id).ToList();
        Assert.Equal(expected.Length == 0 ? [] : [expected], themes.Where(t => t is "product-quality" || t == expected).Distinct());
        if (expected.Length > 0 && expected != "product-quality")
        {
            Assert.DoesNotContain("product-quality", themes);
        }
    }

    [Fact]
    public void A_workspace_theme_may_bring_fallbacks_and_extending_appends_them()
    {
        var extra = Text.Themes.ThemeTaxonomy.Parse(
            """{"themes": [{"id": "product-quality", "fallback": ["wobbly"]}, {"id": "vibes", "phrases": ["ambience"], "fallback": ["cosy"]}]}""",
            "extra.json");
        var analyzer = new TextAnalyzer(LexiconSet.LoadEmbedded(extra));
        var shipped = TextAnalyzer.Default.Lexicons.Taxonomy.Find("product-quality")!;
        Assert.Equal([.. shipped.Fallback, "wobbly"], analyzer.Lexicons.Taxonomy.Find("product-quality")!.Fallback);

        Assert.Equal(["product-quality"], analyzer.Analyze("The table is wobbly.").Themes.Select(t => t.Id));
        Assert.Equal(["vibes"], analyzer.Analyze("It was cosy.").Themes.Select(t => t.Id));
        Assert.Equal(["vibes"], analyzer.Analyze("Cosy ambience.").Themes.Select(t => t.Id));
        Assert.DoesNotContain("vibes", analyzer.Analyze("A cosy room but the staff were rude.").Themes.Select(t => t.Id));
    }

    [Fact]
    public void A_malformed_taxonomy_names_the_file_and_the_problem()
    {
        var e = Assert.Throws<FormatException>(() => Text.Themes.ThemeTaxonomy.Parse("""{"themes": [{"name": "no id"}]}""", "mine.json"));
        Assert.Contains("mine.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"id\"", e.Message, StringComparison.Ordinal);
    }
}
