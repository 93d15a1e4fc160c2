using Evident.Text.Tokens;

namespace Evident.Text.Tests.Tokens;

public sealed class TokenizerTests
{
    private static (string Text, TokenKind Kind)[] Tokenize(string text)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary);
        return [.. tokens.Take(n).Select(t => (text.Substring(t.Start, t.Length), t.Kind))];
    }

    [Fact]
    public void Words_mentions_hashtags_urls_and_numbers_are_told_apart()
    {
        var tokens = Tokenize("@AmazonHelp my order #123abc isn't here https://t.co/x 40mins");
        Assert.Contains(("@AmazonHelp", TokenKind.Mention), tokens);
        Assert.Contains(("#123abc", TokenKind.Hashtag), tokens);
        Assert.Contains(("isn't", TokenKind.Word), tokens);
        Assert.Contains(("https://t.co/x", TokenKind.Url), tokens);
        Assert.Contains(("40", TokenKind.Number), tokens);
        Assert.Contains(("mins", TokenKind.Word), tokens);
    }

    [Theory]
    [InlineData("@XboxSupport is it possible to cancel a pre order", true)]
    [InlineData("how do I add a driver", true)]
    [InlineData("can I drop RT from my cable package @Ask_Spectrum", true)] // a mention after the question
    [InlineData("when will my refund arrive https://t.co/x", true)]
    [InlineData("Will never fly again", false)] // an auxiliary, but no subject after it
    [InlineData("Was the worst flight ever", false)] // "[It] was …": a statement with its subject left out
    [InlineData("Did not receive my order", false)]
    [InlineData("@JetBlue is wifi free on all flights now or just some", true)] // "is" and "does" open a question whatever follows
    [InlineData("Does the new SIM need to be signed for or will it fit through the letterbox", true)]
    [InlineData("@Walmart can Walmart+ be cancelled anytime or is it locked in for the year", true)] // a name the lexicons lack after "can"
    [InlineData("Is enjoying the ride :D", false)] // but an -ing form after them makes a status: "[She] is enjoying …"
    [InlineData("would recommend to anyone", false)] // "would", "will", "was", "should" open statements as often
    [InlineData("Do not book with them", false)]
    [InlineData("can I cancel my order?", false)] // already marked: one question mark, no second
    [InlineData("My order is late. how does that add up exactly", false)] // after another sentence it may be rhetorical
    public void A_one_sentence_question_without_its_mark_gets_one(string text, bool added)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary, out var shape);
        Assert.Equal(added, tokens[n - 1].Kind == TokenKind.Punctuation && tokens[n - 1].Length == 0);
        Assert.Equal(added || text.Contains('?'), shape.HasQuestion);
        Assert.Equal(added || text.Contains('?') ? 1 : 0, tokens.Take(n).Count(t => t.Questions > 0));
    }

    [Fact]
    public void An_unmarked_question_reads_as_a_question()
    {
        Assert.Equal(TextAnalyzer.Default.ScoreSentiment("is it possible to cancel a pre order?").Compound, TextAnalyzer.Default.ScoreSentiment("is it possible to cancel a pre order").Compound, 6);
        Assert.True(TextAnalyzer.Default.ScoreSentiment("we cancel the pre order").Compound < -0.05); // the same words, told
    }

    [Theory]
    [InlineData("@JetBlue 0 updates in the last 2 hours", "communication", true)]
    [InlineData("@united 1 agent for 150 people at the desk", "wait-time", true)]
    [InlineData("@JetBlue 10 updates in the last 2 hours", "communication", false)] // only a lone 0 reads as "zero"
    [InlineData("@united 11 agent for 150 people", "wait-time", false)]
    public void A_lone_digit_reads_as_its_word_in_phrases_and_stays_a_number(string text, string theme, bool found)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary);
        Assert.Contains(tokens.Take(n), t => t.Kind == TokenKind.Number); // the rules still see a number
        var themes = TextAnalyzer.Default.Analyze(text).Themes.Select(t => t.Id);
        Assert.Equal(found, themes.Contains(theme));
    }

    [Theory]
    [InlineData("5 stars from me", 1)] // "five star"
    [InlineData("2 stars, meh", -1)] // "two star"
    [InlineData("25 stars", 0)] // not a lone digit: no phrase
    public void A_star_rating_in_digits_reads_as_the_phrase_in_words(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(TextAnalyzer.Default.ScoreSentiment(text).Compound, 2)));

    [Theory]
    [InlineData("@Starbucks $7 for a latte is getting ridiculous", true)]
    [InlineData("£30 for a sandwich and a drink", true)]
    [InlineData("paid €12 for the tickets", true)]
    [InlineData("paid 12€ for the tickets", true)] // the sign after the number, as much of Europe writes it
    [InlineData("3$ for a burrito today", true)]
    [InlineData("we ordered 7 for a party", false)] // a number without a currency sign is not money
    [InlineData("7 for the team, 5 for us", false)]
    public void A_number_beside_a_currency_sign_is_money_to_phrases(string text, bool found)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary);
        Assert.Equal(found, tokens.Take(n).Any(t => t.Kind == TokenKind.Number && (t.Flags & TokenMarks.Money) != 0));
        Assert.Equal(found, TextAnalyzer.Default.Analyze(text).Themes.Any(t => t.Id == "price-value")); // "$ for a", "$ for the"
    }

    [Theory]
    [InlineData("&gt;All of VERIZON IS DOWN&lt; When", new[] { "All", "of", "VERIZON", "IS", "DOWN", "When" })]
    [InlineData("rude &amp; unhelpful", new[] { "rude", "&amp;", "unhelpful" })] // the escaped ampersand is the word "and"
    [InlineData("it&#39;s the &#x27;fix&#x27;", new[] { "it", "s", "the", "fix" })]
    [InlineData("AT&T and R&D", new[] { "AT", "&", "T", "and", "R", "&", "D" })] // an ampersand in a name is no reference
    public void Html_character_references_are_markup_not_words(string text, string[] words)
    {
        var tokens = Tokenize(text);
        Assert.Equal(words, tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Text));
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Punctuation && t.Text.Contains(';', StringComparison.Ordinal)); // no clause end from "&gt;"
    }

    [Theory]
    [InlineData("Click & collect order ready, in & out in 5 mins", "wait-time")] // "in and out in"
    [InlineData("@SouthwestAir how do I reach lost &amp; found?", "lost-or-damaged-item")] // "lost and found", escaped as tweets are
    [InlineData("Eight hours in A&E on a plastic chair.", "wait-time")] // "hour in a and e"
    public void An_ampersand_between_words_is_the_word_and_to_the_phrases(string text, string theme)
    {
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Themes, t => t.Id == theme);
        var ampersands = Tokenize(text).Where(t => t.Text.StartsWith('&')).ToArray();
        Assert.NotEmpty(ampersands);
        Assert.All(ampersands, t => Assert.Equal(TokenKind.Word, t.Kind));
        Assert.Equal(TextAnalyzer.Default.Analyze(text.Replace("&amp;", "and", StringComparison.Ordinal).Replace("&", "and", StringComparison.Ordinal)).Sentiment.Compound,
            TextAnalyzer.Default.Analyze(text).Sentiment.Compound); // and scores as the written word
    }

    [Theory]
    [InlineData("F*** it, I'm taking taxis.", "F***")]
    [InlineData("this is s**t service", "s**t")]
    [InlineData("a**holes at the gate", "a**holes")]
    [InlineData("what a load of C**P", "C**P")]
    public void A_swear_word_masked_with_stars_is_one_word_read_as_the_word_it_hides(string text, string masked)
    {
        Assert.Contains((masked, TokenKind.Word), Tokenize(text));
        Assert.Equal(SentimentLabel.Negative, TextAnalyzer.Default.ScoreSentiment(text).Label);
        Assert.Equal(SentimentLabel.Neutral, TextAnalyzer.Default.ScoreSentiment(text.Replace(masked, "x")).Label);
    }

    [Theory]
    [InlineData("*sigh* fine", "sigh")] // an action between stars hides nothing
    [InlineData("s***s and b****s", "s")] // no listed word of that length and letters
    public void Stars_that_hide_no_listed_word_leave_the_letters_as_they_were(string text, string word)
    {
        Assert.Contains((word, TokenKind.Word), Tokenize(text));
    }

    [Fact]
    public void A_masked_intensifier_intensifies()
    {
        Assert.Contains(("f***ing", TokenKind.Word), Tokenize("the f***ing app is useless"));
        Assert.True(TextAnalyzer.Default.ScoreSentiment("the f***ing app is useless").Compound < TextAnalyzer.Default.ScoreSentiment("the app is useless").Compound);
    }

    [Fact]
    public void A_masked_word_with_one_capital_is_not_shouting()
    {
        Assert.Equal(TextAnalyzer.Default.ScoreSentiment("F*** this queue").Compound, TextAnalyzer.Default.ScoreSentiment("f*** this queue").Compound);
    }

    [Fact]
    public void Emoticons_and_emoji_become_tokens()
    {
        var tokens = Tokenize("thanks :) 👍🏽 <3");
        Assert.Contains((":)", TokenKind.Emoticon), tokens);
        Assert.Contains(("👍🏽", TokenKind.Emoji), tokens);
        Assert.Contains(("<3", TokenKind.Emoticon), tokens);
    }

    [Fact]
    public void Sentences_end_at_stops_and_line_breaks_but_not_after_titles()
    {
        string text = "Dr. Smith was kind. The wait was long!\nNever again";
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary);
        Assert.Equal(2, tokens[n - 1].Sentence);
    }

    [Theory]
    [InlineData("How can I search titles on amazon.de? I only want books.", 1)] // a site's name goes on
    [InlineData("I ordered from bt.com. It never came.", 1)]
    [InlineData("I waited.it was gone. Then what?", 2)] // an ending that is also a word ends the sentence
    public void A_full_stop_inside_a_site_name_does_not_end_the_sentence(string text, int lastSentence)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary);
        Assert.Equal(lastSentence, tokens[n - 1].Sentence);
    }

    [Fact]
    public void LAX_in_capitals_is_the_airport()
    {
        Assert.Equal(0, TextAnalyzer.Default.ScoreSentiment("Landing at LAX tonight.").Compound);
        Assert.True(TextAnalyzer.Default.ScoreSentiment("Under lax rules.").Compound < 0);
    }

    [Theory]
    [InlineData("Please update my address to 14 Mill Lane, Leeds LS2 7QT.")] // "qt" is VADER's "cutie"
    [InlineData("My reference is 4431OK.")]
    [InlineData("Just checking on PO-3318, it was due Tuesday.")] // "po" is VADER's -2.6; a code before a hyphen and digits
    public void Capitals_glued_to_a_digit_are_a_code_not_a_word(string text) =>
        Assert.Equal(0, TextAnalyzer.Default.ScoreSentiment(text).Compound);

    [Theory]
    [InlineData("Set the f-stop and shutter speed yourself.", "vader:stop")] // a compound's name after a single letter
    [InlineData("Wear your T-Shirt and smile", "vader:smile", true)] // "smile" is a word of its own, not glued
    [InlineData("I'm just h-happy for him", "vader:happy", true)] // a stutter keeps the word
    public void A_word_after_a_single_letter_and_a_hyphen_is_a_name(string text, string rule, bool kept = false) =>
        Assert.Equal(kept, TextAnalyzer.Default.Analyze(text).Cues.Any(c => c.Rule == rule));

    [Theory]
    [InlineData("Logged into WoW and got dropped.")] // World of Warcraft, not "wow"
    [InlineData("LoL keeps crashing")] // League of Legends, not "lol" (and the crash still counts)
    public void A_capital_after_a_small_letter_makes_a_name(string text) =>
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule is "vader:wow" or "vader:lol");

    [Theory]
    [InlineData("Wow, that was quick")]
    [InlineData("WOW amazing")]
    [InlineData("so funny xD")] // a face, two letters
    public void Ordinary_capitals_keep_the_word(string text) =>
        Assert.True(TextAnalyzer.Default.ScoreSentiment(text).Compound > 0.05, text);

    [Fact]
    public void Words_glued_to_a_number_keep_their_meaning_otherwise()
    {
        Assert.True(TextAnalyzer.Default.ScoreSentiment("gr8 service").Compound > 0.05); // letters first: a word
        Assert.True(TextAnalyzer.Default.ScoreSentiment("ON HOLD FOR 40MINS").Compound < -0.05); // a unit after a number still counts
    }

    [Fact]
    public void Curly_apostrophes_read_like_straight_ones()
    {
        Assert.True(TextAnalyzer.Default.ScoreSentiment("It doesn’t work").Compound == TextAnalyzer.Default.ScoreSentiment("It doesn't work").Compound);
    }

    [Fact]
    public void Stray_symbols_and_foreign_digits_do_not_stall_the_tokenizer()
    {
        // a lone '@', Arabic-Indic digits and a lone surrogate once looped forever
        var tokens = Tokenize("@ ٤٠ minutes \ud83d ok @@ ## ");
        Assert.Contains(("ok", TokenKind.Word), tokens);
    }

    [Fact]
    public void An_html_escaped_emoticon_is_read_with_its_span_on_the_original_text()
    {
        const string text = "see you &lt;3 soon";
        var cue = TextAnalyzer.Default.Analyze(text).Cues.Single();
        Assert.Equal("&lt;3", text.Substring(cue.Span.Start, cue.Span.Length));
        Assert.True(cue.Valence > 0);
    }

    [Theory]
    [InlineData("on hold for 2hrs", true, true)]
    [InlineData("waited three weeks", true, true)]
    [InlineData("2 agents and a manager", true, false)]
    [InlineData("it took ages", false, false)]
    public void The_shape_says_whether_a_duration_is_possible(string text, bool number, bool timeUnit)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary, out var shape);
        Assert.Equal(number, shape.HasNumber);
        Assert.Equal(timeUnit, shape.HasTimeUnit);
    }
}
