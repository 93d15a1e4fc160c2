using Evident.Text.Sentiment;

namespace Evident.Text.Tests.Sentiment;

/// <summary>
/// Each sentiment rule on small hand-written texts. The scores are the lexicon's and the rules' alone: the learnt tone,
/// which reads a text they leave neutral, and the learnt irony (ToneModelTests) are switched off, so that a text meant to
/// carry no feeling still shows that no word or rule gave it one, and each rule's share is measured against the rules alone.
/// </summary>
public sealed class SentimentRuleTests
{
    /// <summary>The shipped options without the learnt tone and irony.</summary>
    private static SentimentOptions RulesOnly => SentimentOptions.Default with { LearntTone = false, LearntIrony = false, LearntNeutral = false };

    private static readonly TextAnalyzer s_rules = new(TextAnalyzer.Default.Lexicons, RulesOnly);

    private static double Compound(string text) => s_rules.ScoreSentiment(text).Compound;

    private static double Compound(string text, TextAnalyzer analyzer) => analyzer.ScoreSentiment(text).Compound;

    [Fact]
    public void A_positive_word_reads_positive_and_a_negative_word_negative()
    {
        Assert.True(Compound("The staff were helpful.") > 0.05);
        Assert.True(Compound("The staff were rude.") < -0.05);
        Assert.Equal(SentimentLabel.Neutral, TextAnalyzer.Default.ScoreSentiment("The parcel is on the table.").Label);
    }

    [Fact]
    public void Negation_flips_a_positive_word()
    {
        Assert.True(Compound("The agent was helpful.") > 0);
        Assert.True(Compound("The agent was not helpful.") < 0);
        Assert.True(Compound("The agent wasn't very helpful.") < 0);
    }

    [Fact]
    public void A_denied_fault_is_a_fact_more_than_praise()
    {
        // VADER's scalar reads "not missing" and "not blurry" as praise; people read a denied fault near neutral
        var vader = new TextAnalyzer(LexiconSet.LoadEmbedded(), RulesOnly with { NegatedNegativeScalar = SentimentGrammar.NegationScalar });
        foreach (string report in new[] { "The links are not missing in the file.", "The export is not blurry." })
        {
            Assert.Equal(SentimentLabel.Positive, vader.ScoreSentiment(report).Label);
            Assert.Equal(SentimentLabel.Neutral, TextAnalyzer.Default.ScoreSentiment(report).Label);
        }
        Assert.True(Compound("The driver was not careless.") > 0); // still on the good side, mildly
        Assert.True(Compound("The agent was not helpful.") < -0.05); // good words negated keep VADER's weight
    }

    [Fact]
    public void Negation_reaches_three_words_but_not_across_a_comma()
    {
        Assert.True(Compound("It did not seem particularly good.") < 0);
        Assert.True(Compound("No, great service as always.") > 0);
    }

    [Fact]
    public void The_single_of_emphasis_does_not_take_a_place_in_the_negation_window()
    {
        // "never" is four words before "problem"; without "single" it is three, and "a single" only stresses the denial
        Assert.True(Compound("I have never had a single problem with them.") > 0);
        Assert.True(Compound("I have never had a problem with them.") > 0);
        Assert.True(Compound("I had a single problem with them.") < 0);
    }

    [Fact]
    public void Intensifiers_strengthen_and_dampeners_weaken()
    {
        double plain = Compound("The service was good.");
        Assert.True(Compound("The service was extremely good.") > plain);
        Assert.True(Compound("The service was somewhat good.") < plain);
        Assert.True(Compound("The food was really bad.") < Compound("The food was bad."));
        Assert.True(Compound("Cust v grateful we rebooked her") > Compound("Cust grateful we rebooked her")); // "v" as notes abbreviate "very"
        Assert.Equal(Compound("Arsenal v Chelsea tonight"), Compound("Arsenal Chelsea tonight")); // and nothing before a word of no feeling
    }

    [Fact]
    public void What_follows_but_outweighs_what_precedes_it()
    {
        Assert.True(Compound("The room was nice but the service was terrible.") < 0);
        Assert.True(Compound("The room was terrible but the staff were wonderful and kind.") > 0);
    }

    [Fact]
    public void A_sentence_opening_with_but_outweighs_the_sentence_before_it()
    {
        Assert.True(Compound("Breakfast was excellent and the staff were lovely. The bathroom was dirty.") > 0); // without the turn, the praise outweighs
        Assert.True(Compound("Breakfast was excellent and the staff were lovely. But the bathroom was dirty.") < 0);
        Assert.True(Compound("The bathroom was dirty and the carpet smelled. But the staff were lovely.") > 0);
    }

    [Fact]
    public void A_concessive_clause_weighs_less()
    {
        Assert.True(Compound("Although the staff were friendly, the delay was awful.") < 0);
    }

    [Fact]
    public void Capitals_and_exclamation_marks_add_emphasis()
    {
        Assert.True(Compound("The service was GREAT today") > Compound("The service was great today"));
        Assert.True(Compound("The service was great!!!") > Compound("The service was great"));
    }

    [Fact]
    public void Emoji_and_emoticons_carry_sentiment()
    {
        Assert.True(Compound("Delivered today :)") > 0);
        Assert.True(Compound("Delivered today :(") < 0);
        Assert.True(Compound("Delivered today 😍") > 0);
    }

    [Fact]
    public void A_mention_is_a_name_not_a_word()
    {
        // "united" is a positive word in the lexicon; "@united" is an airline
        Assert.Equal(0, Compound("@united flight 922 to Denver"));
        Assert.Equal(0, Compound("see http://example.com/great-deals"));
    }

    [Fact]
    public void A_hashtag_word_still_carries_sentiment()
    {
        Assert.True(Compound("Another delay #fail") < 0);
    }

    [Fact]
    public void Like_as_a_preposition_is_not_sentiment()
    {
        Assert.Equal(0, Compound("It looks like a parcel."));
        Assert.True(Compound("I like the new app.") > 0);
    }

    [Fact]
    public void No_as_a_determiner_does_not_count_against_what_it_qualifies()
    {
        Assert.True(Compound("No problems at all, smooth delivery.") > 0);
    }

    [Theory]
    [InlineData("I was on hold for 40 minutes.")]
    [InlineData("It took three weeks to get a reply.")]
    [InlineData("Still waiting two hours later.")]
    [InlineData("Been trying to reach reservations for 3 hours.")]
    [InlineData("Thanks to your engineers for taking 3 weeks to install my internet")] // "taking" right before the duration
    public void A_stated_long_wait_is_negative(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        Assert.Contains(a.Cues, c => c.Rule == "rule:long-wait");
    }

    [Theory]
    [InlineData("No one is able to help me with this.")]
    [InlineData("Nobody was able to help.")]
    [InlineData("I called three times and no one can help me.")]
    [InlineData("The branch was unable to help me.")]
    [InlineData("When I email them I do not get a reply.")]
    [InlineData("I never heard back from your team.")]
    [InlineData("My bag didn't make it to Denver and nobody knows where it is.")]
    public void Help_that_never_came_reads_negative(string text)
    {
        // "help", "able" and "reply" read well alone; the service phrase around them says nobody helped.
        Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");
    }

    [Theory]
    [InlineData("It keeps saying error and is not letting me log in.")]
    [InlineData("Four calls to the call centre and zero resolution.")]
    [InlineData("I cannot reconnect since the update.")]
    [InlineData("My parcel says delivered but it's not here.")]
    [InlineData("My internet keeps dropping every evening.")]
    [InlineData("The driver left my parcel in the rain.")]
    [InlineData("I was promised a call back within 24 hours.")]
    [InlineData("The app keeps logging me out.")]
    [InlineData("I wasn't told the appointment had moved.")]
    [InlineData("Internet has been down since Monday.")]
    [InlineData("Locked out of my account again.")]
    [InlineData("The agent spoke down to me.")]
    [InlineData("Half my order was missing and the chips came out cold.")]
    [InlineData("2 hour line at the check-in desk this morning.")]
    [InlineData("The handle snapped off my suitcase.")]
    [InlineData("No one at the gate to help us rebook.")]
    [InlineData("Nobody told us the gate had changed.")]
    [InlineData("Spent an hour with your agents and got nowhere.")]
    [InlineData("Zero updates on my case for two weeks.")]
    [InlineData("Why wasn't I informed that my flight time changed?")]
    [InlineData("Returned the item a month ago and haven't been reimbursed.")]
    [InlineData("The stitching came undone after one wash.")]
    [InlineData("Pressed 1, then 3, and the call dropped.")]
    [InlineData("The lift to the platform has been out of order for weeks.")]
    [InlineData("Out of stock again, third week in a row.")]
    [InlineData("My direct debit went out twice this month.")]
    [InlineData("There are transactions on my card that I didn't make.")]
    [InlineData("Your chat agent just closed the chat on me.")]
    [InlineData("The courier threw my parcel over the fence.")]
    [InlineData("The price doubled at renewal without any warning.")] // "without" had turned "warning" into praise
    [InlineData("My electricity bill doubled this month and nobody can explain why.")]
    [InlineData("Estimated readings again even though I sent a meter reading.")]
    [InlineData("The phone menu keeps sending me back to the start.")]
    [InlineData("I was passed between departments and nobody took responsibility.")]
    [InlineData("Queued at the council office all morning just to hand in a document.")] // VADER's "hand" is 2.2
    [InlineData("Paid for first class and there was nowhere to sit.")]
    [InlineData("The pharmacy ran out of my medication again.")]
    [InlineData("My flight has been pushed back three times today.")]
    [InlineData("Delivery window of 7am to 7pm and they still didn't come.")]
    [InlineData("Roaming charges I was never warned about.")]
    [InlineData("I've been going round in circles with your support team for a month.")]
    [InlineData("The bank never notified me that my card was being replaced.")]
    [InlineData("I called the bank five times and each representative told me something different.")]
    [InlineData("Someone opened an account in my name and the bank won't investigate.")]
    [InlineData("Hair in the shower and dust everywhere, clearly not cleaned between guests.")] // VADER's "clearly" is 1.1
    [InlineData("The parcel was left out in the rain and soaked through.")]
    [InlineData("Support closed my ticket without fixing anything.")]
    [InlineData("The chatbot keeps sending me in a loop, I just want a human.")]
    [InlineData("Every class is fully booked weeks in advance.")]
    [InlineData("They moved me to a dearer plan without asking me.")]
    [InlineData("A surprise bill for a doctor I never chose.")]
    [InlineData("I've been passed from the hospital to the GP and back, and nobody will take ownership.")]
    [InlineData("They changed our flight times and never emailed us.")]
    [InlineData("The tracking says marked as delivered and there is nothing on my doorstep.")]
    [InlineData("Pressed every option and I still can't talk to a human.")]
    [InlineData("The pharmacy had sold out of the vaccine by lunchtime.")]
    [InlineData("The queue for passport control was 100 people deep.")]
    [InlineData("They gave my seat away because the connection was late.")]
    [InlineData("The driver ended the trip without picking me up.")]
    [InlineData("They say I asked to be dropped somewhere else, which is completely false.")]
    [InlineData("The chatbot doesnt understand anything I type.")]
    [InlineData("Card says nobody home, I was home all day.")]
    [InlineData("App keeps charging my old card.")]
    [InlineData("$30 booking fee on a $50 ticket, robbery.")]
    [InlineData("Sold out in 3 minutes again.")]
    [InlineData("They cancelled the class and didnt even email.")]
    [InlineData("where tf is my refund")]
    [InlineData("My parcel has been in transit for 12 days.")] // a wait stated through the state it waits in
    [InlineData("Transfer pending for 5 days now.")]
    [InlineData("Why do you keep logging me out?")]
    [InlineData("I gave you the benefit of the doubt, but I pay for 100 and get 8. I need this fixed.")]
    [InlineData("The receptionist laughed at me.")]
    [InlineData("Refund promised in 3 days and it's been two weeks.")]
    [InlineData("Thanks for the reply but I still don't have a date.")] // "but" weighs what is still missing
    [InlineData("Paid for the upgrade that never worked, cool cool cool.")]
    [InlineData("The website and the call centre tell me two different things.")]
    [InlineData("I wish I could say this was a one-off.")]
    [InlineData("Every time I call it's a different excuse.")]
    [InlineData("The technician was supposed to come yesterday.")]
    [InlineData("The driver took the longest route to run up the fare.")]
    [InlineData("Why is the booking fee higher than the ticket?")]
    [InlineData("The manager kept yelling at me in front of everyone.")]
    [InlineData("The room could have been a lot better for the money.")] // the past modal sits five words back
    [InlineData("I've had better meals on a plane.")]
    [InlineData("Hardly anyone was on the front desk.")] // VADER's "laughed" is +2.0
    public void Service_failures_read_negative(string text) => Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");

    [Theory]
    [InlineData("thx for losing my bag")] // "thx" is thanks, and as ironic
    [InlineData("tks for the 3 hour delay")]
    public void Thanks_written_short_can_be_ironic_too(string text) => Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");

    [Fact]
    public void Thanks_written_as_one_word_is_thanks_and_can_be_ironic()
    {
        Assert.True(Compound("Thankyou!") > 0.05);
        Assert.Contains(TextAnalyzer.Default.Analyze("thankyou for losing my bag").Cues, c => c.Rule == "rule:ironic-thanks");
    }

    [Fact]
    public void Straight_up_is_not_praise() // VADER's "straight" (+1.0) had outweighed the rudeness with the "lol"
    {
        const string text = "the gate agent was straight up rude lol";
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze(text).Cues, c => text.Substring(c.Span.Start, c.Span.Length) == "straight");
        Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");
    }

    [Theory]
    [InlineData("My Amazon order number is 4471.")] // VADER gives "amazon" 0.7 and "number" 0.3
    [InlineData("Trying to get help with my account.")] // help asked for, not given
    [InlineData("Please hand in the form at reception.")] // VADER gives "hand" 2.2
    [InlineData("I've restored it from the backup.")] // a troubleshooting step; VADER gives "restored" 1.4
    [InlineData("Sorry I mean 22:11:41")] // a correction, not an apology
    public void Names_references_and_requests_carry_no_feeling(string text) => Assert.Equal(0, Compound(text));

    [Theory]
    [InlineData("Thanks for losing my bag.")]
    [InlineData("Thank you so much for the 3 hour delay.")]
    [InlineData("Thanks a lot @airline for cancelling my flight.")]
    [InlineData("Thanks for sending me a broken phone.")] // what was sent follows the sending
    [InlineData("Thanks for sending me a new modem that doesn't work.")] // the relative clause says what it was like
    [InlineData("Thanks for making me wait 3 weeks for an engineer.")] // what was done ends in a long wait
    [InlineData("Thank you for keeping me on hold for 40 minutes.")]
    [InlineData("Thanks @airline for the huge delays back to Chicago.")] // "huge" sizes the delays, it praises nothing
    public void Thanks_for_a_bad_thing_is_irony(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        Assert.Contains(a.Cues, c => c.Rule == "rule:ironic-thanks" && text.Substring(c.Span.Start, c.Span.Length).StartsWith("Thank", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thank you for the cancelled flight, great job", "great")]
    [InlineData("Thanks for losing my bag, awesome.", "awesome")]
    public void Praise_after_ironic_thanks_keeps_up_the_irony(string text, string praise)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Contains(a.Cues, c => c.Rule == "rule:ironic-thanks" && text.Substring(c.Span.Start, c.Span.Length) == praise && c.Valence < 0);
        Assert.True(TextAnalyzer.Default.ScoreSentiment("Thanks for the quick refund, great job").Compound > 0.05); // sincere thanks: praise stays
    }

    [Theory]
    [InlineData("Thanks for the quick reply.")]
    [InlineData("Thank you for answering my embarrassing questions.")] // thanked for the answering
    [InlineData("Thanks for your patience, sorry about the delay.")] // the bad thing is in another clause
    [InlineData("Thanks for the tip that saved me money.")]
    [InlineData("Thanks for sending me the replacement so quickly.")]
    [InlineData("Thanks for answering, I waited 3 hours for that.")] // the wait is in another clause
    [InlineData("Thank you for blocking that dodgy payment.")] // an act against a bad thing
    [InlineData("Thanks for flagging that message as a possible scam before I clicked the link.")] // "that" after "flagging" opens no clause
    [InlineData("Thanks for making an exception on the 24 hour rule.")] // a 24 hour rule is no wait
    public void Thanks_for_something_good_stays_gratitude(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.DoesNotContain(a.Cues, c => c.Rule == "rule:ironic-thanks");
        Assert.True(a.Cues.First(c => text.Substring(c.Span.Start, c.Span.Length).StartsWith("Thank", StringComparison.Ordinal)).Valence > 0, text);
    }

    [Theory]
    [InlineData("They lost my luggage and nobody at the desk could help.", "help")]
    [InlineData("No one in the store was helpful.", "helpful")]
    [InlineData("Nobody on the phone seemed to care at all.", "care")]
    [InlineData("Tried three stores and none of them had the shoes in stock.", "in stock")] // "none" as the clause's subject
    public void Nobody_negates_its_clause(string text, string word) => AssertTurnedAgainst(text, word, "rule:nobody-clause");

    /// <summary>No cue of <paramref name="text"/> was set by <paramref name="rule"/>.</summary>
    private static void AssertNoRule(string text, string rule) =>
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == rule);

    /// <summary><paramref name="rule"/> gives a cue in the text, and the text reads <paramref name="label"/>.</summary>
    private static void AssertRuleReads(string text, string rule, SentimentLabel label)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Contains(a.Cues, c => c.Rule == rule);
        Assert.Equal(label, a.Sentiment.Label);
    }

    /// <summary>The text reads negative, and <paramref name="word"/>, good on its own, counts against by <paramref name="rule"/>.</summary>
    private static void AssertTurnedAgainst(string text, string word, string rule)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        var cue = Assert.Single(a.Cues, c => text.Substring(c.Span.Start, c.Span.Length) == word);
        Assert.Equal(rule, cue.Rule);
        Assert.True(cue.Valence < 0);
    }

    [Theory]
    [InlineData("No one could have been more helpful than Sam at the front desk.")] // a comparison praises
    [InlineData("Nobody in our team had done better than her.")]
    [InlineData("No one would notice the cut but it's a pleasurable trifle.")] // "but" starts a clause of its own
    [InlineData("Nobody answered. The manager was very helpful the next day.")] // another sentence
    public void Nobody_does_not_reach_past_a_comparison_or_its_clause(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.DoesNotContain(a.Cues, c => c.Rule == "rule:nobody-clause");
    }

    [Fact]
    public void Nobody_clause_can_be_switched_off()
    {
        const string text = "They lost my luggage and nobody at the desk could help.";
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { NobodyClause = false });
        Assert.True(without.Analyze(text).Sentiment.Compound > TextAnalyzer.Default.Analyze(text).Sentiment.Compound);
    }

    [Theory]
    [InlineData("Cancelled flight and no hotel voucher. Great.", "Great")]
    [InlineData("Lost my bag again. Oh great.", "great")]
    [InlineData("@airline Third delay this week and nobody tells us why. Perfect...", "Perfect")]
    [InlineData("Two hours on hold. Wow.", "Wow")] // "wow" is praise too
    [InlineData("Flight delayed 3 hours. Great job guys", "Great")] // what sarcasm praises may follow the praise
    [InlineData("They lost my bag. Nice one.", "Nice")]
    [InlineData("Check-in keeps giving me an error. Great start to the trip", "Great")] // a stock phrase of sarcasm, all tail
    [InlineData("Delayed again and no crew. Perfect way to end my week.", "Perfect")]
    [InlineData("The chicken was still frozen in the middle. Yum", "Yum")] // praise of food is praise too
    [InlineData("5 hour flight and the entertainment system was broken. fun", "fun")]
    [InlineData("Found a cockroach in the bathroom sink. Charming.", "Charming")] // British understatement's sarcasm
    [InlineData("@united gate agent in EWR rolled her eyes and told me to \"figure it out.\" so helpful", "helpful")] // "helpful" is praise too
    public void Praise_alone_after_bad_news_is_irony(string text, string word) => AssertTurnedAgainst(text, word, "rule:ironic-praise");

    [Theory]
    [InlineData("@airline great, another delay.", "great")]
    [InlineData("Oh brilliant, yet another broken lift.", "brilliant")]
    [InlineData("@energy oh great another estimated bill for £400.", "great")] // "another" needs no comma before it
    [InlineData("Lovely. Cancelled again.", "Lovely")]
    [InlineData("Perfect, more hidden fees.", "Perfect")]
    [InlineData("Oh great, another letter telling me my appointment has been moved.", "great")] // "another" alone: nothing bad after
    [InlineData("Great, another night in Denver.", "Great")] // all eight such texts in the probe sets and TWCS complain
    public void Praise_before_the_same_bad_news_again_is_irony(string text, string word) => AssertTurnedAgainst(text, word, "rule:ironic-praise");

    [Theory]
    [InlineData("Nice one @united, lost my bag again", "Nice")] // a mention and a tail between the praise and its comma
    [InlineData("Great job, cancelled again.", "Great")]
    [InlineData("Oh great, my flight is cancelled", "great")] // an "oh" before the praise says "again" as well
    [InlineData("@united oh perfect, they lost my bag", "perfect")]
    [InlineData("Flight delayed again. Oh great, another night in Denver.", "great")] // nothing bad after, but the complaint came before
    [InlineData("I love having to call three times", "love")] // "having", a word no lexicon lists, opens the irony too
    public void Praise_before_bad_news_with_a_cue_is_irony(string text, string word) => AssertTurnedAgainst(text, word, "rule:ironic-praise");

    [Fact]
    public void Praise_said_twice_alone_is_irony_both_times()
    {
        var a = TextAnalyzer.Default.Analyze("Stuck on the tarmac for an hour. Great, just great.");
        Assert.Equal(2, a.Cues.Count(c => c.Rule == "rule:ironic-praise"));
        Assert.True(a.Sentiment.Compound < -0.05, a.Sentiment.Compound.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Two_praise_words_alone_after_a_complaint_are_both_irony()
    {
        const string text = "Compensation for a 9 hour delay: a $50 voucher. Wow so generous";
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(["Wow", "generous"], a.Cues.Where(c => c.Rule == "rule:ironic-praise").Select(c => text.Substring(c.Span.Start, c.Span.Length)));
        Assert.True(a.Sentiment.Compound < -0.05);
    }

    [Theory]
    [InlineData("The crew were lovely. Great.")] // good news before
    [InlineData("80 degrees in November. Nice.")] // nothing bad before
    [InlineData("Flight delayed 2 hours. Great!")] // exclaimed: may be either, left as praise
    [InlineData("I waited forever but they sorted it. Perfect.")] // the contrast made what came before good
    [InlineData("Great. The flight was late.")] // praise first: surprise as often as irony
    [InlineData("The flight was late. Great crew though.")] // not praise alone
    [InlineData("Great, more legroom on the new planes.")] // more of something good
    [InlineData("Great, another day in paradise.")] // another, but nothing bad
    [InlineData("Great service, another delay though.")] // "though" concedes
    [InlineData("They fixed it in a day. Great job guys")] // good news before
    [InlineData("The room was lovely. Wow!")]
    [InlineData("Oh wow, the staff were amazing")] // "oh", but what follows is good
    [InlineData("Oh great, thanks so much for the help")]
    [InlineData("Great another fantastic day with the team.")] // "another" straight after, but nothing bad
    [InlineData("Won the first game. Great start to the season.")] // good news before
    [InlineData("Upgraded to first class. Great start to the trip")]
    [InlineData("The soup was cold. Delicious bread though.")] // not praise alone
    [InlineData("Wow how fast the delivery was")] // nothing bad after "how"
    [InlineData("Nice how the staff remembered us, shame about the wait")] // the regret is in a clause of its own
    [InlineData("Awesome that the Lost Winds games will see life outside of WiiWare")] // "that" after praise is sincere
    public void Praise_is_not_irony_otherwise(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.DoesNotContain(a.Cues, c => c.Rule == "rule:ironic-praise");
    }

    [Theory]
    [InlineData("Is the new lounge nice?", "The new lounge is nice.")]
    [InlineData("Is there a good way to reach you?", "There is a good way to reach you.")]
    [InlineData("Is the app broken again?", "The app is broken again.")]
    public void A_yes_no_question_asks_more_than_it_asserts(string question, string statement)
    {
        Assert.Equal(Math.Sign(Compound(statement)), Math.Sign(Compound(question)));
        Assert.True(Math.Abs(Compound(question)) < Math.Abs(Compound(statement)) / 2, $"{question}: {Compound(question)}; {statement}: {Compound(statement)}");
    }

    [Theory]
    [InlineData("Do you even care about your customers?")] // the praise turns
    [InlineData("Does anyone even read these?")] // no sentiment word, the question itself complains
    [InlineData("Is there even a number I can call?")]
    public void A_yes_no_question_with_even_expects_the_answer_no(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        Assert.Contains(a.Cues, c => c.Rule == "rule:rhetorical-question" && text.Substring(c.Span.Start, c.Span.Length) == "even");
    }

    [Theory]
    [InlineData("Is it worth it even at half price?")] // "even" after the predicate is "still"
    [InlineData("Why is it even slower now?")] // not a yes/no question: scaled as other questions
    [InlineData("Do you care about your customers?")] // no "even"
    public void Even_elsewhere_is_not_a_rhetorical_question(string text) =>
        AssertNoRule(text, "rule:rhetorical-question");

    [Theory]
    [InlineData("Why don't you deliver to my town???")] // no sentiment word: the question itself complains
    [InlineData("@AppleSupport And why is my music NEVER in my control center?!")] // after a mention, before "?!"
    [InlineData("Seriously, why is my order still not here?")]
    [InlineData("why is there no way to change the date?")]
    [InlineData("Hey @115911 how come none of the deals are working??")] // "how come" asks as "why" does
    [InlineData("why won't my apps download or update @AppleSupport")] // asked without its "?"
    [InlineData("@hulu_support why is the audio not syncing with the shows")]
    public void A_why_question_with_a_negation_complains(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        Assert.Contains(a.Cues, c => c.Rule == "rule:rhetorical-question" && text.Substring(c.Span.Start, c.Span.Length) is "why" or "Why" or "how");
    }

    [Theory]
    [InlineData("Why not try the app?")] // a suggestion
    [InlineData("Just wondering why it isn't showing?")] // "why" inside the sentence asks politely
    [InlineData("Why is the lounge closed?")] // no negation: scaled as other questions
    [InlineData("Why don't you deliver to my town.")] // not put as a question
    [InlineData("How come you are open so late?")] // no negation
    public void Other_why_sentences_are_not_marked(string text) =>
        AssertNoRule(text, "rule:rhetorical-question");

    [Theory]
    [InlineData("How is this acceptable?", "acceptable")]
    [InlineData("Car seat came back cracked, how is that safe to use now?", "safe")]
    [InlineData("How is it fair to charge me twice?", "fair")]
    public void How_is_this_good_asks_in_order_to_deny(string text, string word) => AssertTurnedAgainst(text, word, "rule:rhetorical-question");

    [Theory]
    [InlineData("How is this so good?")] // praise after "so"
    [InlineData("How was the flight, good?")] // "how was the …", not "how is this/that/it"
    [InlineData("Is this acceptable as ID?")]
    public void Other_how_questions_keep_their_praise(string text) =>
        AssertNoRule(text, "rule:rhetorical-question");

    [Theory]
    [InlineData("@Spotify how do I cancel my premium plan before the renewal date?", "cancel")]
    [InlineData("How to dispute a charge?", "dispute")]
    [InlineData("Where do I complain about a driver?", "complain")]
    [InlineData("Can I stop the direct debit from the app?", "stop")]
    [InlineData("Should I cancel my order?", "cancel")]
    public void The_task_asked_about_in_a_how_do_i_question_carries_no_feeling(string text, string task) =>
        AssertAskedWithoutFeeling(text, task, $"I had to {task} it.");

    /// <summary>The question reads neutral and <paramref name="word"/> in it gives no cue, while the same word in
    /// <paramref name="statement"/> does: the question, not the lexicon, took its feeling away.</summary>
    private static void AssertAskedWithoutFeeling(string text, string word, string statement)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(SentimentLabel.Neutral, a.Sentiment.Label);
        Assert.DoesNotContain(a.Cues, c => text.Substring(c.Span.Start, c.Span.Length) == word);
        Assert.Contains(TextAnalyzer.Default.Analyze(statement).Cues, c => c.Rule.EndsWith(":" + word, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("How do I make a formal complaint about a store, is there an email or a form?")]
    [InlineData("@bank how do I lodge a complaint?")]
    [InlineData("Where can I file a dispute for this charge?")]
    [InlineData("What's the process for making a formal complaint about the managing agent?")]
    [InlineData("Is there a way to block someone from sending me payments?")]
    public void The_thing_filed_in_a_how_do_i_question_carries_no_feeling(string text) =>
        Assert.Equal(SentimentLabel.Neutral, TextAnalyzer.Default.Analyze(text).Sentiment.Label);

    [Theory]
    [InlineData("How can you cancel my flight without telling me?")] // "you": an accusation, not a task
    [InlineData("How do I report these awful spam calls?")] // the thing filed is named, the judgement on it stays
    [InlineData("Why do I have to cancel and rebook myself?")] // "why" complains
    [InlineData("How do I stop these awful spam calls?")] // only the task word is neutral: "awful" still counts
    [InlineData("Can I just say your staff are rude?")]
    public void Other_questions_keep_their_words(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("@united is my flight to Denver delayed?", "delayed")]
    [InlineData("If my flight gets cancelled because of the storm, do I get a refund?", "cancelled")] // the question is the last clause
    [InlineData("Where do I report a damaged bag?", "damaged")]
    [InlineData("Are any flights out of Boston cancelled tomorrow?", "cancelled")]
    [InlineData("Is the wifi free on all flights?", "free")]
    [InlineData("Can you please send me your complaints procedure?", "complaints")]
    [InlineData("@USAirways is flight 777 from PHL to MCO on time tonight?", "on time")] // a phrase, the other answer to "delayed?"
    public void The_facts_a_question_for_information_asks_about_carry_no_feeling(string text, string fact) =>
        AssertAskedWithoutFeeling(text, fact, $"It was {fact}.");

    [Theory]
    [InlineData("Why is my flight delayed again?")] // "why" complains
    [InlineData("My flight was delayed, why?")]
    [InlineData("Can I get a refund for this terrible, delayed flight?")] // the judgement keeps its weight
    [InlineData("Ugh, is it ever going to stop?")] // before the question's clause, as any question
    [InlineData("Late inbound means I miss my connection in Chicago, what now?")] // a statement before the question keeps its facts
    public void Questions_that_complain_keep_their_facts(string text) => Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");

    [Fact]
    public void A_negator_inside_a_phrase_of_praise_negates_nothing_after_it()
    {
        Assert.True(Compound("Nothing beats free bags.") > 0.3, "'nothing beats' is praise and 'free' is not negated");
        Assert.True(Compound("Nothing free here.") < 0, "'nothing' alone still negates");
        Assert.True(Compound("The app wasn't working very well.") < -0.05, "a negator in a phrase of complaint still negates 'well'");
    }

    [Theory]
    [InlineData("@Tesco brilliant, one checkout open and twenty people queuing", "brilliant")]
    [InlineData("@AmericanAir great job, 3 hours on the tarmac and counting", "great")]
    public void Praise_opening_a_text_before_a_clearly_bad_clause_is_irony(string text, string praise) =>
        AssertTurnedAgainst(text, praise, "rule:ironic-praise");

    [Theory]
    [InlineData("Lovely, but the soup was cold.")] // the clause turns
    [InlineData("Great phone, great service, no voice dialing.")] // a list, not a reaction
    [InlineData("Perfect: a description for spending cuts, even harsh ones.")] // a colon introduces what is praised
    [InlineData("Wow. I've never won that one.")] // a sentence of surprise
    [InlineData("Brilliant! They finally dumped our parcel on the doorstep after failing to deliver.")] // exclaimed
    public void Praise_before_a_bad_clause_without_a_repeat_is_otherwise_left_alone(string text) =>
        AssertNoRule(text, "rule:ironic-praise");

    [Theory]
    [InlineData("It was a pretty big bummer.")]
    [InlineData("A super long wait for a cold coffee.")]
    public void A_booster_before_a_word_of_degree_intensifies_and_praises_nothing(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.DoesNotContain(a.Cues, c => c.Rule is "vader:pretty" or "vader:super");
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        Assert.Contains(TextAnalyzer.Default.Analyze("The garden is pretty.").Cues, c => c.Rule == "vader:pretty"); // an adjective still praises
    }

    [Theory]
    [InlineData("WHAT THE HECK?!")]
    [InlineData("What the hell happened to my order?")]
    public void An_exclamation_of_dismay_is_negative(string text) => Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");

    [Theory]
    [InlineData("Huge delays at the airport again.", "huge")]
    [InlineData("What a huge disappointment.", "huge")]
    [InlineData("Massive delays again today.", "massive")]
    public void A_word_of_size_before_a_bad_word_intensifies_it_and_praises_nothing(string text, string size)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.DoesNotContain(a.Cues, c => text.Substring(c.Span.Start, c.Span.Length).Equals(size, StringComparison.OrdinalIgnoreCase));
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        Assert.Contains(TextAnalyzer.Default.Analyze("The garden is huge.").Cues, c => c.Rule == "vader:huge"); // alone it still praises
    }

    [Theory]
    [InlineData("Got a chicken burger instead of the veggie one.")]
    [InlineData("They sent me the 32GB model instead of the 64GB.")]
    public void What_came_instead_of_what_was_ordered_is_a_complaint(string text)
    {
        AssertTurnedAgainst(text, "instead", "rule:instead-of");
        AssertNoRule("I walked instead of taking the bus.", "rule:instead-of");
    }

    [Theory]
    [InlineData("@Delta so much for being the best airline in America", "best")]
    [InlineData("So much for great customer service.", "great")]
    [InlineData("Waited an hour at the gate. Well so much for an easy trip home", "easy")]
    public void Praise_in_a_clause_opened_by_so_much_for_did_not_hold(string text, string word) =>
        AssertTurnedAgainst(text, word, "rule:so-much-for");

    [Theory]
    [InlineData("Thank you so much for the great help")] // thanks, not a clause of its own
    [InlineData("I love it so much for the price")]
    [InlineData("So much for the price, but the service was excellent")] // the praise is past the clause
    public void So_much_for_after_other_words_or_before_a_clause_reverses_nothing(string text) =>
        AssertNoRule(text, "rule:so-much-for");

    [Theory]
    [InlineData("your \"helpful\" agent hung up on me", "helpful")]
    [InlineData("the \"fast track\" lane was slower than the normal one", "fast")]
    [InlineData("and the “best” they can do is 7-14 days", "best")]
    public void A_good_word_in_quotes_after_a_determiner_is_doubted(string text, string word) =>
        AssertTurnedAgainst(text, word, "rule:scare-quotes");

    [Theory]
    [InlineData("the staff were \"amazing\" and so kind")] // after a verb: stress, or a citation
    [InlineData("\"Great service\" is what the sign says")] // opening the text
    [InlineData("she said \"great\" and walked off")]
    [InlineData("the \"really very good and kind\" nurse")] // more than three words: a citation
    public void Quotes_that_cite_or_stress_doubt_nothing(string text) =>
        AssertNoRule(text, "rule:scare-quotes");

    [Theory]
    [InlineData("@AmazonHelp your own tracking says the return was received on the 2nd. refund still \"processing\". it's the 19th")]
    [InlineData("\"Delivered\" to my door apparently. Its not at my door. Its not at my neighbours.")]
    [InlineData("This is the third time the same engineer has 'fixed' the leak under the kitchen sink.")]
    [InlineData("ported my number on monday and its still \"in progress\". you said 24 hrs max")]
    [InlineData("tracker says 'on its way' since 1am")]
    [InlineData("Thanks for \"resolving\" my ticket by telling me it's a known issue with no ETA")]
    public void A_quoted_status_is_doubted(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Contains(a.Cues, c => c.Rule == "rule:scare-quotes" && c.Valence < 0);
        Assert.Equal(SentimentLabel.Negative, a.Sentiment.Label);
    }

    [Theory]
    [InlineData("my preorder has said 'processing' since monday, is that normal?")] // asks what the status means
    [InlineData("Your driver told me I was 'wasting his time' because I asked for help")] // bad already
    [InlineData("the best use of 'Born This Way' ever")] // "way" without "on": a title
    [InlineData("refund processed and delivered on time, thanks")] // no quotes
    public void A_status_asked_about_cited_or_unquoted_is_not_doubted(string text) =>
        AssertNoRule(text, "rule:scare-quotes");

    [Theory]
    [InlineData("who decided that boarding groups were a good idea?", "good")]
    [InlineData("Who approved this great new seat design? My knees hurt.", "great")]
    public void A_question_asking_who_decided_denies_its_praise(string text, string word) =>
        AssertTurnedAgainst(text, word, "rule:rhetorical-question");

    [Theory]
    [InlineData("Ordered a large pepperoni, got a medium margherita.", true)]
    [InlineData("Asked for oat milk but got the regular.", true)]
    [InlineData("Ordered on Monday, got it Tuesday.", false)] // what came is "it"
    [InlineData("I ordered a pizza and got a free drink.", false)] // not a clause of its own
    [InlineData("I had ordered a data cable, got a very well finished and working product.", false)] // praised
    [InlineData("He paid a fine, but got the other charge dismissed.", false)] // paying is not ordering
    public void A_clause_saying_what_came_after_what_was_ordered_is_a_complaint(string text, bool complaint) =>
        Assert.Equal(complaint, TextAnalyzer.Default.Analyze(text).Cues.Any(c => c.Rule == "rule:instead-of"));

    [Fact]
    public void Rhetorical_questions_can_be_switched_off()
    {
        const string text = "Do you even care about your customers?";
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { RhetoricalQuestions = false });
        Assert.True(without.Analyze(text).Sentiment.Compound > 0); // "care", asked about in a yes/no question
        Assert.True(Compound(text) < -0.05);
        var withoutEither = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { RhetoricalQuestions = false, Incredulity = false });
        Assert.Equal(0, withoutEither.ScoreSentiment("Why don't you deliver to my town???").Compound); // its "???" is disbelief of its own
    }

    [Fact]
    public void A_yes_no_question_asserts_less_than_other_questions()
    {
        const string text = "Is the new lounge nice?";
        var asOtherQuestions = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { YesNoQuestionScale = SentimentOptions.Default.QuestionScale, YesNoQuestionPositiveScale = SentimentOptions.Default.QuestionPositiveScale });
        Assert.True(Compound(text) > 0 && Compound(text) < asOtherQuestions.ScoreSentiment(text).Compound);
        Assert.True(Compound("Why is your service so bad?") < -0.05); // a why-question still complains
        Assert.True(Compound("@XboxSupport Can you actually help or not?") < -0.05); // "... or not?" asks in exasperation
    }

    [Theory]
    [InlineData("@azuresupport Is there an easy way to transfer files from Azure File Store to Azure Data Lake?")]
    [InlineData("@XboxSupport Can you help me move my save to the new console?")]
    [InlineData("@TMobileHelp Any luck with those new terms?")]
    public void A_good_word_in_a_yes_no_question_is_what_is_asked(string text)
    {
        Assert.InRange(Compound(text), -0.05, 0.05);
        var asBadOnes = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { YesNoQuestionPositiveScale = SentimentOptions.Default.YesNoQuestionScale });
        Assert.True(asBadOnes.ScoreSentiment(text).Compound >= 0.05, "scaled as a bad word would be, it reads as praise");
    }

    [Theory]
    [InlineData("I've never felt more alive", true)]
    [InlineData("I have never been more frustrated", false)]
    [InlineData("Never been so happy", true)]
    public void Never_before_more_or_so_says_the_utmost(string text, bool positive) =>
        Assert.True(positive ? Compound(text) > 0.05 : Compound(text) < -0.05, $"{Compound(text)} for {text}");

    [Fact]
    public void Disbelief_is_not_negation()
    {
        Assert.True(Compound("I can't believe they lost my bag again.") < -0.05);
        Assert.True(Compound("Can't believe how rude the staff were.") < -0.05);
        Assert.True(Compound("I couldn't believe how good the service was.") > 0.05);
        Assert.True(Compound("They can't be rude to customers.") > Compound("They are rude to customers.")); // a negation still
    }

    [Theory]
    [InlineData("Me too, but it shouldn't be this hard.")]
    [InlineData("It should not be so difficult to change a seat.")]
    [InlineData("The app was never this slow before the update.")]
    [InlineData("It wasn't this bad last year.")]
    public void A_negated_complaint_about_degree_stays_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Fact]
    public void Not_so_bad_is_still_a_negation()
    {
        Assert.True(Compound("Honestly it's not so bad.") > Compound("Honestly it's so bad."));
        Assert.True(Compound("Honestly it's not so bad.") > -0.05);
    }

    [Theory]
    [InlineData("Well now I am told the ticket costs another 200 per person.")]
    [InlineData("Well I tried that and it still gives me the same screen.")]
    public void Well_opening_a_sentence_is_a_pause(string text) => Assert.InRange(Compound(text), -1.0, 0.05);

    [Theory]
    [InlineData("Well done to the crew of flight 1732.")]
    [InlineData("The new app works well.")]
    public void Well_as_praise_still_counts(string text) => Assert.True(Compound(text) > 0.05, text);

    [Theory]
    [InlineData("I lost all my save data on the console.")] // a game's saved data: VADER's "save" is +2.2
    [InlineData("Your update barely works on my phone.")]
    [InlineData("You don't train your staff to know their jobs.")]
    [InlineData("The camera sensor crapped out within 6 months.")] // "crapped" alone is no word VADER lists
    [InlineData("Another promise! Am waiting...")] // VADER's "promise" is +1.3
    [InlineData("It said it was successful but I didn't get the points.")] // what was due did not come
    [InlineData("My cable modem can not establish a connection.")] // "can not" written apart
    [InlineData("Cannot adjust alarm volume, so it wakes the whole house.")] // VADER's "alarm" negated had read as praise
    [InlineData("The courier didn't even ring the doorbell.")]
    [InlineData("I just get a white screen and nothing loads.")]
    [InlineData("Why is this happening to me and only me?")]
    [InlineData("The speed is not at all close to what I'm paying for.")]
    public void Product_and_service_complaints_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("I plugged the adapter straight into the wall and the LED does not light up.")] // "straight" is a direction
    [InlineData("Unprepared staff, I had to ask three times.")]
    [InlineData("Get your act together and add profiles to the smart TV app.")]
    [InlineData("You need to do better, this happens way too often.")]
    [InlineData("That wasn't my question.")]
    [InlineData("I got a parking fine for 50 pounds while waiting for the tow truck.")] // "fine" the penalty
    [InlineData("Every morning at 8 the lines are engaged.")] // "engaged": busy, in British English
    [InlineData("My loyalty card was not accepted.")]
    [InlineData("My payment was declined even though I have funds.")]
    [InlineData("Out for delivery since 8am. *sigh* 7pm and nothing.")] // VADER's "sigh" is +0.1
    public void Complaints_with_misleading_words_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("The smart meter was installed on Tuesday.")] // a product name, not cleverness
    [InlineData("I have a gift card from my birthday, can I use it online?")]
    [InlineData("I booked an award flight with my miles.")]
    [InlineData("My rewards points have not shown up.")]
    [InlineData("Can I upgrade to Comfort Plus at the gate?")]
    [InlineData("My United flight to Houston is at 6.")] // the airline, not unity
    [InlineData("Staying at the Best Western by the airport tonight.")]
    [InlineData("They clearly said they can't take it back as I opened the box.")] // certainty, not praise
    public void Product_names_and_certainty_are_not_praise(string text) => Assert.InRange(Compound(text), -1.0, 0.05);

    [Theory]
    [InlineData("It's just frustrating that it used to be much more user-friendly before this update.")]
    [InlineData("The app used to be great.")]
    [InlineData("I used to love shopping here.")]
    [InlineData("@SouthwestAir used to love you guys. last 3 flights all late")] // the subject left out
    public void What_used_to_be_good_is_a_complaint(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("The app I used to book was great.")] // "used" as a plain verb
    [InlineData("The dye widely used to brighten cosmetics is safe.")]
    public void Used_as_a_plain_verb_changes_nothing(string text) => Assert.True(Compound(text) > 0.05, text);

    [Theory]
    [InlineData("The room smelled of smoke and there were hairs in the bathtub.")]
    [InlineData("You took my direct debit twice this month and now I'm overdrawn.")]
    [InlineData("The courier marked it as delivered but nothing was left at the door.")]
    [InlineData("My stroller was gate checked and came back bent.")]
    public void Stated_facts_of_a_bad_stay_or_parcel_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Fact]
    public void Hair_in_a_description_is_not_a_complaint() =>
        Assert.InRange(Compound("A young man with dark hair in the background of the photo."), -0.05, 0.05);

    [Theory]
    [InlineData("Not bad, but for the price I expected a lot more.")]
    [InlineData("The app is fine when it works, which is about half the time.")]
    [InlineData("The receptionist barely looked up from her phone.")]
    [InlineData("The handrail on the stairs was loose and someone could easily fall.")]
    [InlineData("Would not use again.")]
    public void Survey_complaints_without_a_strong_word_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Fact]
    public void A_problem_sorted_quickly_reads_positive() =>
        Assert.True(Compound("Had a problem with my order but customer service sorted it out quickly.") > 0.05);

    [Theory]
    [InlineData("The phone rang out for twenty minutes before anyone picked up.")]
    [InlineData("Our train crawled along and got in 50 minutes behind time.")]
    [InlineData("Got to the hotel and they'd given our room to someone else.")]
    [InlineData("The online booking form wouldn't let me pick a date in May.")]
    [InlineData("There's a charge on my statement I don't recognise.")]
    [InlineData("The sole came away from the shoe after a fortnight.")]
    [InlineData("The parcel was thrown over my fence and landed in the pond.")]
    [InlineData("The chatbot kept sending me to the same FAQ page.")]
    [InlineData("Sticky tables and crumbs all over the seats.")]
    [InlineData("They ran out of the large size before 10am.")]
    [InlineData("I am pulling my hair out with this app.")]
    public void Stated_service_failures_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("Spent the best part of an hour at the counter.", -1.0, 0.05)] // most of an hour, not praise
    [InlineData("Best part of today are these burritos.", 0.05, 1.0)]
    public void The_best_part_of_an_hour_is_a_length_of_time(string text, double low, double high) => Assert.InRange(Compound(text), low, high);

    [Theory]
    [InlineData("The courier rang ahead and put it exactly where I asked.")]
    [InlineData("Hardly any queue at security, through in five minutes.")]
    [InlineData("Got through to someone on the first ring.")]
    [InlineData("They texted me the moment the engineer was on his way.")]
    [InlineData("Staff had the ramp out before I even asked.")]
    [InlineData("They had my size in stock and plenty of appointments this week.")]
    [InlineData("Cancelled my membership online with no fuss at all.")]
    [InlineData("Been shopping here for twenty years and never had a reason to go elsewhere.")]
    [InlineData("Locked out, but the reset link worked instantly.")]
    [InlineData("Full signal even in the basement now, finally.")]
    public void Praise_told_as_facts_reads_positive(string text) => Assert.True(Compound(text) > 0.05, text);

    [Fact]
    public void A_reply_within_a_day_is_not_a_long_wait()
    {
        var analysis = TextAnalyzer.Default.Analyze("They took my complaint seriously and called me back within a day with a fix.");
        Assert.True(analysis.Sentiment.Compound > 0.05);
        Assert.DoesNotContain(analysis.Friction, f => f.Kind == "wait");
        Assert.Contains(TextAnalyzer.Default.Analyze("It took a day to get a reply.").Friction, f => f.Kind == "wait"); // the rule still reads waits
    }

    [Theory]
    [InlineData("Booked a double, got two singles pushed together.")]
    [InlineData("We had to flag someone down for the bill.")]
    [InlineData("Tracking said out for delivery all day and then just changed to tomorrow.")]
    [InlineData("The appointment letter arrived the day after the appointment.")]
    [InlineData("The disabled toilet was being used as a storage cupboard.")]
    [InlineData("After ten years with you I'm moving my mortgage elsewhere.")]
    public void Review_complaints_without_a_strong_word_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Fact]
    public void An_average_review_is_neutral() =>
        Assert.InRange(Compound("Average. Food was fine, service was fine, nothing stood out."), -0.05, 0.05);

    [Theory]
    [InlineData("Can't get anyone on the phone and the chat is closed.")]
    [InlineData("Boarding was supposed to be at 6, it's 8:15 and we haven't moved.")]
    [InlineData("My car seat came off the belt in pieces.")]
    [InlineData("45 people in line and one agent at the counter.")]
    public void Airline_complaints_told_as_facts_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("Can I change my original flight to the 9pm?")] // "original" is the first booking, VADER 1.3
    [InlineData("What time does the Admirals Club at ORD open?")]
    public void Travel_nouns_are_not_praise(string text) => Assert.InRange(Compound(text), -0.05, 0.05);

    [Theory]
    [InlineData("pkg says deliverd but its not here")]
    [InlineData("sold out within minutes again, bots everywhere")]
    [InlineData("waiting for a reply since monday...")]
    public void Informal_complaints_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("followed, pls check dms", -0.05, 0.05)] // "pls" asks, as "please" does
    [InlineData("shoutout to sarah in cs, absolute legend", 0.05, 1.0)]
    public void Informal_requests_and_praise(string text, double low, double high) => Assert.InRange(Compound(text), low, high);

    [Theory]
    [InlineData("I left my jacket on the train, is there a lost property office?")] // a place, not a loss
    [InlineData("Is there step free access at the Kings Cross entrance?")] // "free" of steps, not of charge
    public void Questions_about_services_are_neutral(string text) => Assert.InRange(Compound(text), -0.05, 0.05);

    [Theory]
    [InlineData("My energy bill is based on an estimated reading again even though I sent a meter reading last week.")]
    [InlineData("You've put my direct debit up to 240 a month when I'm in credit.")]
    [InlineData("The insurer wants three years of bank statements before they'll even look at my claim.")]
    [InlineData("My claim has been under review for eight weeks.")]
    [InlineData("My broadband went up 14 percent mid contract, how is that allowed?")]
    [InlineData("Trying to leave and they keep transferring me to the retentions team.")]
    [InlineData("I've been billed for a property I moved out of in January.")]
    [InlineData("Ninety minutes to get through to the claims line.")]
    public void Utility_and_insurance_complaints_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Fact]
    public void A_complaint_put_right_with_a_goodwill_payment_reads_positive() =>
        Assert.True(Compound("Ombudsman not needed, the complaints team sorted it within a week and added a goodwill payment.") > 0.05);

    [Theory]
    [InlineData("Platform changed at the last second and the board didn't show it.")]
    [InlineData("An off peak return to London costs more than a flight to Spain.")]
    [InlineData("Booked assistance for my wheelchair and nobody met me off the train.")]
    [InlineData("The online system only lets you book at 8am, and they're gone by 8:05.")]
    [InlineData("The ward bathroom hadn't been cleaned all weekend.")]
    [InlineData("I was charged for a prescription I should have got for free.")]
    public void Travel_and_health_complaints_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("The branch closed and now the nearest one is 20 miles away.")]
    [InlineData("The app logs out every time I switch to my authenticator.")]
    [InlineData("Monthly account fee went up and the benefits were cut.")]
    public void Banking_complaints_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Fact]
    public void The_fraud_team_is_a_department_not_a_fraud() =>
        Assert.True(Compound("The fraud team were brilliant, money back in my account within 24 hours.") > 0.05);

    [Theory]
    [InlineData("Love finding out my flight's cancelled from the news instead of the airline.")]
    [InlineData("@united love how you cancel my flight and keep my money")]
    [InlineData("Gotta love waiting two hours on hold")]
    [InlineData("love spending my lunch break in a 45 minute queue at the post office")]
    [InlineData("Love when the app crashes at checkout")]
    [InlineData("love that they dug up the road....on a Sunday.....with no notification")] // an ellipsis trails on: one thought
    [InlineData("Great how they never answer the phone")] // praise opening the same way
    [InlineData("wow when you want to watch the game and the internet decides to have an outage!!!!")]
    public void Love_opening_a_complaint_is_irony(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("I love how fast the delivery was!")]
    [InlineData("Love that the crew remembered my name")]
    [InlineData("I love spending time here, the staff are lovely")]
    [InlineData("I love it, but the battery could last longer.")] // a contrast, not irony: the love stands
    [InlineData("Love that the crew remembered my name. The last airline lost my bag.")] // a full stop ends the thought
    public void Love_for_something_good_stays_love(string text) => Assert.True(Compound(text) > 0.05, text);

    [Theory]
    [InlineData("Lost my bag again, perfect.")]
    [InlineData("Package arrived damaged - just perfect.")]
    [InlineData("Courier photo shows my parcel at someone else's front door 😂 great.")]
    [InlineData("No internet again, wonderful just wonderful")] // the praise said twice, both turned
    public void Praise_closing_a_bad_sentence_is_irony(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("Slow service, great food.")] // the praise has its own subject
    [InlineData("Delivery was late, but great.")] // a contrast
    [InlineData("Bit slow at the start, great.")] // a small fault, then real praise
    [InlineData("Flight delayed, great!")] // exclaimed: left alone, as a sentence of praise is
    public void Praise_after_a_fault_that_is_not_irony(string text) => Assert.True(Compound(text) > 0.05, text);

    [Theory]
    [InlineData("I did this some time ago now but haven't heard from you...")]
    [InlineData("I shouldn't have to pay to pass my points to my own spouse.")]
    public void Service_complaints_without_a_sentiment_word_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("I hope you can help me with my booking.")]
    [InlineData("Kindly assist me with my refund.")]
    [InlineData("I would appreciate a reply.")]
    [InlineData("I want to know when my parcel will arrive.")]
    [InlineData("I'm hoping someone can explain this charge.")]
    [InlineData("Sorry to bother you again, is the gate open yet?")] // an apology for asking is politeness, not regret
    public void A_polite_request_is_neutral(string text) => Assert.InRange(Compound(text), -0.05, 0.05);

    [Theory]
    [InlineData("Where is the lost and found at Gatwick?")] // a place, not a loss
    [InlineData("Does the bus from MIA go to the hotel?")] // an airport code, not "missing in action"
    [InlineData("Where is the nearest bus stop?")] // VADER's "stop" is -1.2
    public void A_question_about_a_place_is_neutral(string text) => Assert.InRange(Compound(text), -0.05, 0.05);

    [Theory]
    [InlineData("The branch manager resolved the dispute in one visit.")] // VADER's "dispute" is -1.7
    [InlineData("The driver lent a hand with my luggage.")] // "hand" is neutral on its own, helping is not
    [InlineData("No queue at check in, straight through.")]
    [InlineData("Three winters later my coat still looks brand new.")]
    [InlineData("Seen within five minutes at the walk-in centre.")]
    [InlineData("They kept me informed every step of the way.")]
    [InlineData("Expected the worst, but the repair team came through.")]
    [InlineData("Hard to find anything wrong with the new kitchen.")] // "wrong" alone is -2.1
    [InlineData("The queue wasn't long at all.")]
    [InlineData("Didn't have to chase them for the refund.")] // "no" had made the queue count against the praise
    public void A_problem_put_right_reads_positive(string text) => Assert.True(Compound(text) > 0.05, $"{text}: {Compound(text)}");

    [Fact]
    public void Gratitude_and_wishes_stay_positive()
    {
        Assert.True(Compound("I really appreciate your help.") > 0.05);
        Assert.True(Compound("I hope you have a lovely weekend.") > 0.05);
    }

    [Theory]
    [InlineData("I took good care of it and it still died after the 90 day warranty ended.")]
    [InlineData("Now I just take everything on a two week trip.")] // "take" is a wait cue ("took 3 weeks")
    [InlineData("Two spare batteries are all you need for a day of picture taking.")] // "taking" only counts before the duration
    public void A_duration_that_says_how_long_something_lasts_is_not_a_wait(string text)
    {
        AssertNoRule(text, "rule:long-wait");
        Assert.Contains(TextAnalyzer.Default.Analyze("It took two weeks to arrive.").Cues, c => c.Rule == "rule:long-wait");
    }

    [Theory]
    [InlineData("It's been 24 hours now. Could you please assist?")]
    [InlineData("It has been two weeks since I ordered.")]
    public void Been_before_a_duration_counts_a_wait(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Contains(a.Cues, c => c.Rule == "rule:long-wait");
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
    }

    [Theory]
    [InlineData("A couple of months later, I returned and had an amazing meal.")] // "later" alone tells a story
    [InlineData("Two days later the phone was returned to me in working order.")]
    [InlineData("This is happening once a week and it's stuck again.")] // how often, not how long
    [InlineData("The pilot kept us updated every 15 min during the delay.")]
    [InlineData("Commuters still pay $140 a month.")]
    [InlineData("Is the Kingston store still open 24hrs or have the hours changed?")] // opening hours
    [InlineData("We still have 13 hours left on the trip.")] // time remaining
    [InlineData("The gate still closed 45 minutes prior to departure.")]
    [InlineData("I got my camera three days ago and, although I had used others before this one, I still rate myself a beginner.")] // the cue is in another part of the sentence
    [InlineData("@VirginTrains fair play, delay repay paid out in 2 days")] // how soon it was done
    [InlineData("Did it on the website in 5 mins and got a slot only 2 weeks later.")]
    [InlineData("The delay was sorted in less than 20 minutes.")]
    [InlineData("Still waiting? Ours came in under an hour.")]
    [InlineData("International transfer arrived in 20 mins. used to take my old bank 3 days")] // how it was, to praise now
    [InlineData("@Delta called expecting a 2 hr hold and got a person in 3 minutes")] // feared, not spent
    public void A_duration_the_sentence_does_not_spend_waiting_is_not_a_wait(string text)
    {
        AssertNoRule(text, "rule:long-wait");
    }

    [Theory]
    [InlineData("Twenty minutes later I'm told I never ordered one.")] // "later" beside a negation
    [InlineData("Three weeks later and still no refund.")]
    [InlineData("Just got rebooked on a flight 2 days later.")] // "later" after the thing it moved
    [InlineData("I'm going to have to wait another 1-3 days for them to fix it.")]
    [InlineData("Currently sitting at the gate with doors closed for 30+ min.")] // the cue eight words before
    [InlineData("I sent a copy of my passport about a week ago, but you still remain silent.")] // the cue after
    [InlineData("Moved in 2 weeks ago and still no broadband.")] // the "in" of "moved in", not of "in 2 days"
    public void A_duration_beside_a_wait_cue_or_a_negated_later_is_a_wait(string text)
    {
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "rule:long-wait");
    }

    [Fact]
    public void A_duration_outside_a_waiting_context_is_not_a_wait()
    {
        var a = TextAnalyzer.Default.Analyze("I have been with this bank for 10 years.");
        Assert.DoesNotContain(a.Cues, c => c.Rule == "rule:long-wait");
        Assert.DoesNotContain(a.Friction, f => f.Kind == "wait");
    }

    [Fact]
    public void Scores_stay_in_range_and_proportions_sum_to_one()
    {
        foreach (string text in new[] { "great great great great great great!!!!", "awful", "", "ok", "The worst. Ever. 😡😡😡" })
        {
            var s = TextAnalyzer.Default.ScoreSentiment(text);
            Assert.InRange(s.Compound, -1, 1);
            Assert.Equal(1, s.Positive + s.Neutral + s.Negative, 6);
        }
    }

    [Fact]
    public void Each_sentence_gets_its_own_score()
    {
        var a = TextAnalyzer.Default.Analyze("The nurse was wonderful. The bill was outrageous.");
        Assert.Equal(2, a.Sentences.Count);
        Assert.True(a.Sentences[0].Sentiment.Compound > 0);
        Assert.True(a.Sentences[1].Sentiment.Compound < 0);
    }

    [Theory]
    [InlineData("  Waited 40 minutes on hold, but the agent was lovely!! ")]
    [InlineData("@united lost my bag :( #fail")]
    public void A_single_sentence_spans_its_tokens_and_scores_as_the_text(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        var sentence = Assert.Single(a.Sentences);
        Assert.Equal(a.Sentiment, sentence.Sentiment);
        Assert.Equal(text.Trim(), text.Substring(sentence.Span.Start, sentence.Span.Length));
    }

    [Fact]
    public void Every_cue_points_at_the_words_that_caused_it()
    {
        const string text = "The driver was not helpful and very rude.";
        var cues = TextAnalyzer.Default.Analyze(text).Cues;
        Assert.Contains(cues, c => text.Substring(c.Span.Start, c.Span.Length) == "helpful" && c.Valence < 0 && c.Rule.StartsWith("negated:", StringComparison.Ordinal));
        Assert.Contains(cues, c => text.Substring(c.Span.Start, c.Span.Length) == "rude" && c.Rule == "vader:rude");
    }

    [Fact]
    public void A_sentiment_word_under_a_past_modal_is_reversed_in_part()
    {
        Assert.True(Compound("The service was great.") > 0);
        Assert.True(Compound("The service should have been great.") < 0);
        Assert.True(Compound("It could've been better.") < 0);
    }

    [Fact]
    public void Too_before_a_word_is_a_complaint_of_excess()
    {
        Assert.True(Compound("The queue was too long.") < 0);
        Assert.True(Compound("The tickets were too expensive for us.") < 0);
        Assert.True(Compound("You are too kind!") > 0); // before a sentiment word, "too" is left alone
    }

    [Fact]
    public void Lessening_a_bad_thing_reads_well()
    {
        Assert.True(Compound("The new system will prevent delays.") > 0);
        Assert.True(Compound("The new system will cause delays.") < 0);
        Assert.True(Compound("The bank will protect customers from fraud.") > 0);
        Assert.True(Compound("The city will tackle the problems at the station.") > 0);
        Assert.True(Compound("There were fewer complaints this month.") > 0);
        Assert.True(Compound("There were more complaints this month.") < 0);
        Assert.True(Compound("They waived the late fee.") > 0); // waiving a charge spares it
        Assert.True(Compound("They charged the late fee.") < 0);
    }

    [Theory]
    [InlineData("My problem has been resolved.")]
    [InlineData("The issue was resolved quickly")]
    [InlineData("the bug has now been fixed")]
    [InlineData("They fixed my internet problem")]
    [InlineData("Delays were reduced this year.")]
    public void A_bad_thing_put_right_reads_well(string text)
    {
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.True(analysis.Sentiment.Compound > 0.05, $"{analysis.Sentiment.Compound} for {text}");
        Assert.Contains(analysis.Cues, c => c.Rule == "rule:reduced");
    }

    [Theory]
    [InlineData("The problem has not been fixed.")]
    [InlineData("Please fix the problem")]
    [InlineData("I will keep calling until this issue is fixed")]
    [InlineData("It didn't prevent delays")]
    [InlineData("Delays reduce our sales")]
    public void A_bad_thing_not_yet_put_right_stays_bad(string text)
    {
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.True(analysis.Sentiment.Compound < -0.05, $"{analysis.Sentiment.Compound} for {text}");
        Assert.DoesNotContain(analysis.Cues, c => c.Rule == "rule:reduced");
    }

    private static readonly TextAnalyzer s_withoutResolution = new(TextAnalyzer.Default.Lexicons, RulesOnly with { Resolution = false });

    [Theory]
    [InlineData("Had a double charge on my phone bill, support in the app sorted it the same day.")]
    [InlineData("My first box of checks came smudged and the bank rejected one. They replaced the whole order at no cost.")]
    [InlineData("Item never turned up, so I opened a case and they refunded me in full.")]
    [InlineData("Lost my card abroad and panicked, but the emergency line sorted it within two days.")]
    [InlineData("Got locked out after too many wrong attempts, the agent verified me and reset it in 5 minutes.")]
    [InlineData("Someone hacked my account and spent my points, the security team recovered them the same day.")]
    public void A_problem_put_right_weighs_less_than_before(string text)
    {
        double with = Compound(text);
        double without = Compound(text, s_withoutResolution);
        Assert.True(with > without + 0.05, $"{with} with the rule, {without} without, for {text}");
    }

    [Theory]
    [InlineData("Had a double charge on my bill and it still isn't sorted.")]
    [InlineData("Three calls about the broken router and every time they say it'll be sorted within 48 hours.")]
    [InlineData("The leak is awful, will it be fixed this week?")]
    [InlineData("Terrible service, I keep calling until this is resolved.")]
    [InlineData("Nothing has actually been fixed after four calls, this is ridiculous.")]
    [InlineData("Awful bill again even though I'm on a fixed deal.")]
    public void A_problem_not_put_right_keeps_its_weight(string text)
    {
        double with = Compound(text);
        double without = Compound(text, s_withoutResolution);
        Assert.Equal(without, with, 6);
        Assert.True(with < -0.05, $"{with} for {text}");
    }

    [Theory]
    [InlineData("Switched from my old network last month, not one dropped call since.", "It didn't drop the call.")]
    [InlineData("Three years and not a single outage.", "There wasn't an outage.")]
    public void An_absence_counted_to_zero_praises_more_than_a_denial(string counted, string denied)
    {
        double praise = Compound(counted);
        Assert.True(praise >= 0.05, $"{praise} for {counted}");
        Assert.True(praise > Compound(denied), $"{praise} for {counted}, {Compound(denied)} for {denied}");
    }

    [Theory]
    [InlineData("I accidentally bought a game for the wrong console. Can I return it?")]
    [InlineData("Ordered the wrong colour by mistake, can I change it before it ships?")]
    [InlineData("I mistakenly sent money to a wrong account number yesterday.")]
    public void A_slip_the_customer_owns_is_not_a_complaint(string text)
    {
        Assert.Equal(SentimentLabel.Neutral, TextAnalyzer.Default.Analyze(text).Sentiment.Label);
        Assert.True(Compound(text, s_withoutSelfBlame) < -0.05, $"{text} without the rule"); // the rule, not the lexicon, made it neutral
    }

    private static readonly TextAnalyzer s_withoutSelfBlame = new(TextAnalyzer.Default.Lexicons, RulesOnly with { SelfBlame = false });

    [Theory]
    [InlineData("You accidentally charged me twice and nobody will refund it.")]
    [InlineData("My internet was disconnected by mistake and I have been without it for a week.")]
    public void A_slip_made_by_someone_else_is_still_a_complaint(string text) => Assert.True(Compound(text) < -0.05, text);

    [Theory]
    [InlineData("If you could send me the tracking link that'd be great.")]
    [InlineData("if you can call me back tomorrow it would be perfect")]
    public void Praise_that_thanks_in_advance_for_a_request_counts_nothing(string text) =>
        Assert.Equal(SentimentLabel.Neutral, TextAnalyzer.Default.Analyze(text).Sentiment.Label);

    [Fact]
    public void A_wish_with_if_after_keeps_its_praise() =>
        Assert.True(Compound("Tonight would be perfect if the weather stayed just like this.") > 0.05);

    [Theory]
    [InlineData("I have asked for large print bills four times now.")]
    [InlineData("Rang 3 times about the same fault this month.")]
    [InlineData("This is the fourth time I've written about the same meter reading.")]
    [InlineData("Third time asking.")]
    [InlineData("I've explained this 5 times now to 5 different people.")]
    [InlineData("this is the fourth time Ive sent my order number")]
    public void Asking_again_and_again_is_a_complaint(string text) =>
        AssertRuleReads(text, "rule:repeated-asking", SentimentLabel.Negative);

    [Theory]
    [InlineData("I've called 3 times and each time the staff were lovely")] // a good word in the sentence: not a complaint
    [InlineData("I've been to this branch four times this year.")] // no asking or contacting
    [InlineData("Fourth time staying here and it won't be the last.")]
    [InlineData("Lucy is so patient with me, even when it's the fifth time I've asked the same question.")]
    [InlineData("They sent me 3 times the amount I ordered")] // "sent", but no asking: what was sent is counted
    public void Other_counts_of_times_are_no_complaint(string text) =>
        AssertNoRule(text, "rule:repeated-asking");

    [Fact]
    public void What_follows_the_fix_keeps_its_weight()
    {
        // "fixed it, but now it crashes": the bad news after the resolution is read in full, only what came before is halved
        const string text = "They fixed the screen but now the phone crashes every hour and the battery is terrible.";
        Assert.True(Compound(text) < -0.05);
        Assert.Equal(Compound(text, s_withoutResolution), Compound(text), 6);
    }

    [Theory]
    [InlineData("The tax office spotted a dodgy change of bank details on my account.", "dodgy")]
    [InlineData("The app stopped a scam transfer before it went through.", "scam")]
    public void A_fraud_caught_is_lessened(string text, string word) =>
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "rule:reduced" && text.Substring(c.Span.Start, c.Span.Length) == word);

    [Theory]
    [InlineData("The charger caught fire in my kitchen.")]
    [InlineData("I spotted mould on the bread.")]
    [InlineData("My payment was flagged as fraud and blocked.")]
    public void Other_things_caught_or_flagged_stay_bad(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.DoesNotContain(a.Cues, c => c.Rule == "rule:reduced");
        Assert.True(a.Sentiment.Compound < -0.05, text);
    }

    [Fact]
    public void A_replacement_does_not_lessen_what_it_replaced_with()
    {
        // "refunded" and "replaced" run the resolution rule but are not reducers: "refunded the wrong amount" is still wrong
        var analysis = TextAnalyzer.Default.Analyze("They refunded the wrong amount");
        Assert.DoesNotContain(analysis.Cues, c => c.Rule == "rule:reduced");
        Assert.Contains(TextAnalyzer.Default.Analyze("They fixed the wrong setting").Cues, c => c.Rule == "rule:reduced");
    }

    private static readonly TextAnalyzer s_withoutPoliteRequests = new(TextAnalyzer.Default.Lexicons, RulesOnly with { PoliteRequests = false });

    [Theory]
    [InlineData("Hi, I'd like to request a refund for order 55123, the item didn't fit.")]
    [InlineData("I'd like to close my account permanently as I've stopped selling.")]
    [InlineData("We would like to cancel the broken service contract from next month.")]
    public void A_polite_request_names_its_topic_without_complaining(string text)
    {
        double with = Compound(text);
        double without = Compound(text, s_withoutPoliteRequests);
        Assert.True(without < -0.05, $"{without} without the rule for {text}");
        Assert.True(with > -0.05 && with > without, $"{with} with the rule for {text}");
    }

    [Theory]
    [InlineData("I'd like to cancel. Your service has been a disgrace and nobody ever calls back.")] // the other sentence keeps its weight
    [InlineData("I didn't like the rude driver and the dirty seats.")] // "like" without a request
    [InlineData("They would like us to believe the delay was not their fault, it was awful.")] // "like us to", not "like to"
    [InlineData("I'd like to know why you employ people and don't train them to know their jobs.")] // demands a reason
    public void Only_the_request_sentence_is_lessened(string text)
    {
        Assert.True(Compound(text) < -0.05);
    }

    [Fact]
    public void A_request_after_a_complaint_leaves_the_complaint_whole()
    {
        const string text = "Your service has been a disgrace and nobody ever calls back. I'd like to cancel the broken contract.";
        var with = TextAnalyzer.Default.Analyze(text).Sentences;
        var without = s_withoutPoliteRequests.Analyze(text).Sentences;
        Assert.Equal(without[0].Sentiment.Compound, with[0].Sentiment.Compound, 6);
        Assert.True(with[1].Sentiment.Compound > without[1].Sentiment.Compound); // the request's own "broken" is lessened
    }

    private static readonly TextAnalyzer s_withoutElidedDenial = new(TextAnalyzer.Default.Lexicons, RulesOnly with { ElidedDenial = false });

    [Theory]
    [InlineData("They told me it was fixed but it wasn't.")]
    [InlineData("Every single person tells me it's sorted and it isn't.")]
    [InlineData("It was supposed to be free and it isn't.")]
    [InlineData("Told it would be resolved within 48 hours, it wasn't.")]
    [InlineData("The website says it's in stock. It's not.")]
    [InlineData("They said they would call back and they never did.")]
    [InlineData("Spoke to 4 people, every one of them said they'd sort it. None did.")] // a subject that is its own denial
    [InlineData("They said they would help and none of them did")]
    [InlineData("Said it would be fixed. No one did.")]
    public void A_claim_denied_by_a_clause_of_its_own_is_a_complaint(string text)
    {
        double with = Compound(text);
        double without = Compound(text, s_withoutElidedDenial);
        Assert.True(with < -0.05 && with < without - 0.1, $"{with} with the rule, {without} without, for {text}");
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "rule:elided-denial");
    }

    [Theory]
    [InlineData("I hope it isn't.")] // a wish, not a denial
    [InlineData("Not sure whether it is included or it isn't.")] // "or" offers both
    [InlineData("If it doesn't, let me know.")] // a condition
    [InlineData("Is it fixed or isn't it?")] // a question
    [InlineData("They said it wouldn't cause problems and it hasn't.")] // the denial agrees with a denied claim
    [InlineData("No, they don't.")] // an answer
    [InlineData("It didn't.")] // nothing said before it to deny
    [InlineData("Everyone said it was great and it was.")] // a plain auxiliary after a subject that denies nothing
    [InlineData("None did.")]
    public void A_denial_that_denies_no_claim_changes_nothing(string text)
    {
        Assert.Equal(Compound(text, s_withoutElidedDenial), Compound(text), 6);
        AssertNoRule(text, "rule:elided-denial");
    }

    [Fact]
    public void An_elided_denial_turns_only_the_clause_it_denies()
    {
        // "Lovely staff" is a clause of its own, and the denial after "and" reads only "they promised a callback"
        const string text = "Lovely staff, they promised a callback and they didn't.";
        var cues = TextAnalyzer.Default.Analyze(text).Cues;
        Assert.Contains(cues, c => c.Span.Start == 0 && c.Valence > 0); // "Lovely"
        Assert.Contains(cues, c => c.Rule == "rule:elided-denial" && c.Valence < 0);
    }

    private static readonly TextAnalyzer s_withoutClosingQuestions = new(TextAnalyzer.Default.Lexicons, RulesOnly with { ClosingQuestionScale = 1f });

    [Theory]
    [InlineData("@AmericanAir I was charged for 2 checked bags on AA2210 but only checked one. who should I contact about that?")]
    [InlineData("Our ferry has been pushed back and we won't arrive before 10pm now. Will the room still be held for us?")]
    [InlineData("My new card still hasn't come, it was posted on the 3rd. Should I wait a few more days or order another one?")]
    public void A_problem_told_to_ask_about_it_is_not_a_complaint(string text)
    {
        double with = Compound(text);
        double without = Compound(text, s_withoutClosingQuestions);
        Assert.True(without <= -0.05, $"{without} without the rule for {text}");
        Assert.True(with > -0.05 && with < 0.05, $"{with} with the rule for {text}");
    }

    [Theory]
    [InlineData("The contractors were rude, cracked my mirror and left the hallway filthy. Who do I send the bill to?")] // a complaint that asks
    [InlineData("I opened ticket #48213 nine days ago and have had no update at all. Can someone at least tell me if it's being looked at?")] // it presses
    [InlineData("The staff were amazing and the room was lovely. Could you pass on my thanks to them?")] // praise that asks
    [InlineData("My order is missing two items. Terrible service from start to finish.")] // no question at the end
    [InlineData("My order is missing two items. Where is it?!")] // an exclaimed question
    [InlineData("Why does my order keep getting cancelled?")] // the question is the whole text
    public void Only_a_mild_matter_before_a_plain_question_is_lessened(string text)
    {
        Assert.Equal(Compound(text, s_withoutClosingQuestions), Compound(text), 6);
    }

    private static readonly TextAnalyzer s_withoutOpeningQuestions = new(TextAnalyzer.Default.Lexicons, RulesOnly with { OpeningQuestionScale = 1f });

    [Theory]
    [InlineData("Is there a way to share my trip live with my partner? I'll be getting home from the airport late on Friday on my own.")]
    [InlineData("Can I still cancel order 88127? It hasn't been accepted by the restaurant yet")]
    [InlineData("Do you deliver to Harbour Point business park? The postcode checker says no but my colleague had a delivery here last week")]
    [InlineData("Is there any planned work on the lines in the LS6 area this week? Our speed has been dropping to around 8Mbps in the evenings.")]
    public void The_context_after_an_opening_question_is_lessened(string text)
    {
        Assert.True(Compound(text, s_withoutOpeningQuestions) < -0.05, $"{Compound(text, s_withoutOpeningQuestions)} without the rule for {text}");
        Assert.InRange(Compound(text), -0.05, 0.05);
    }

    [Theory]
    [InlineData("Can you help me find my lost bag? Filed a claim 3 days ago and heard nothing")] // a complaint after the question
    [InlineData("Why is my order late? It's been a week.")] // why asks to complain
    [InlineData("Can I cancel? This is ridiculous!")] // exclaimed
    [InlineData("My order is late. Can I cancel it?")] // the question closes the text
    public void An_opening_question_before_a_complaint_leaves_it(string text)
    {
        Assert.Equal(Compound(text, s_withoutOpeningQuestions), Compound(text), 6);
    }

    private static readonly TextAnalyzer s_withoutIncredulity = new(TextAnalyzer.Default.Lexicons, RulesOnly with { Incredulity = false });

    [Theory]
    [InlineData("£40 to change a name on a ticket??")]
    [InlineData("half my shop was substitutions. asked for oat milk and got single cream??")]
    [InlineData("so when will the engineer come?? slot was 8-1 and its now half 3")]
    public void Repeated_question_marks_after_a_statement_are_disbelief(string text)
    {
        Assert.InRange(Compound(text, s_withoutIncredulity), -0.05, 0.05);
        Assert.True(Compound(text) < -0.05, $"{Compound(text)} for {text}");
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "rule:incredulity");
    }

    [Theory]
    [InlineData("Where is the bind button on the xbox one s console???")] // asks, however impatiently
    [InlineData("Is the store open on Sunday??")]
    [InlineData("Wine hour tonight (candy corn??!)")] // exclaims
    [InlineData("£40 to change a name on a ticket?")] // one question mark
    [InlineData("the new app update is actually smooth?? order ahead took like 10 seconds")] // delighted surprise
    [InlineData("in and out of the drive thru in under 3 min at noon?? who are you people")]
    public void Question_marks_that_ask_or_exclaim_are_not_disbelief(string text)
    {
        Assert.Equal(Compound(text, s_withoutIncredulity), Compound(text), 6);
        AssertNoRule(text, "rule:incredulity");
    }

    private static readonly TextAnalyzer s_withoutRatings = new(TextAnalyzer.Default.Lexicons, RulesOnly with { Ratings = false });

    [Theory]
    [InlineData("@Walmart pickup guy had my order in the trunk before I'd even finished checking in on the app. 10/10", SentimentLabel.Positive)]
    [InlineData("Arrived on time, nothing special. 9/10 would order again", SentimentLabel.Positive)]
    [InlineData("queso was cold and grainy... 1/10", SentimentLabel.Negative)]
    [InlineData("@AcmeAir 0/5. three hours on the tarmac", SentimentLabel.Negative)]
    public void A_score_out_of_five_or_ten_opening_a_sentence_is_a_verdict(string text, SentimentLabel label)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(label, a.Sentiment.Label);
        Assert.Contains(a.Cues, c => c.Rule == "rule:rating");
        Assert.NotEqual(Compound(text, s_withoutRatings), Compound(text), 3);
    }

    [Theory]
    [InlineData("refund for the boots, return received 2/5. allow 5-7 working days")] // a date inside a sentence
    [InlineData("paid on 21/10/17 and nothing since")] // a date with its year
    [InlineData("1/10/2024 was the date of the order")] // opens the sentence, but goes on with a year
    [InlineData("12/10 is my delivery day")] // more points than the scale: a date
    [InlineData("rated it 6/7 on the survey")] // not out of five or ten, and not opening the sentence
    public void Dates_and_other_fractions_are_no_verdict(string text) =>
        AssertNoRule(text, "rule:rating");

    private static readonly TextAnalyzer s_withoutNotEven = new(TextAnalyzer.Default.Lexicons, RulesOnly with { NotEven = false });

    [Theory]
    [InlineData("@TargetHelp ordered with 2 day shipping on the 5th... it's the 12th and it hasn't even shipped")]
    [InlineData("Bought a blender through your Shop section, it arrived today and the blade doesn't even spin")]
    [InlineData("45 min at baggage claim and the belt hasn't even started")]
    [InlineData("the nurse didn't even ask how I was")] // someone else failed to ask
    public void A_negated_auxiliary_with_even_says_the_least_expected_did_not_happen(string text)
    {
        Assert.True(Compound(text, s_withoutNotEven) > Compound(text) + 0.05, $"the rule adds to the complaint: {text}");
        Assert.True(Compound(text) < -0.05, $"{Compound(text)} for {text}");
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "rule:not-even");
    }

    [Theory]
    [InlineData("Delay Repay paid in 2 days and I didn't even have to chase it")] // spared a chore: good news
    [InlineData("Money was back the same day. Didn't even need the receipt")]
    [InlineData("upgraded to first on our anniversary trip and we didn't even ask")] // given unasked
    [InlineData("the seller sent a replacement the same day, didn't even ask for photos")] // proof spared
    [InlineData("I wasn't even on the trains - thanks for your concern")] // a negated "be": no verb to have failed
    [InlineData("the mac and cheese is unreal. not even joking")] // "not", not an auxiliary
    public void Even_after_good_news_spared_or_without_an_auxiliary_is_no_complaint(string text) =>
        AssertNoRule(text, "rule:not-even");

    private static readonly TextAnalyzer s_withoutTimePassed = new(TextAnalyzer.Default.Lexicons, RulesOnly with { TimePassed = false });

    [Theory]
    [InlineData("@comcastcares told the tech would come between 8-12. its 3pm. nobody.")]
    [InlineData("My switch to you was meant to complete on the 3rd. It's the 28th and I'm still with my old supplier.")]
    [InlineData("@SouthwestAir scheduled 4:10, now 7:45, now 9:20")]
    [InlineData("ordered a sofa on the 2nd of March. it is now August")]
    [InlineData("Web form says replies within 2 working days. It's been 9. Anyone there?")] // more than any count of time before
    [InlineData("was promised a callback within 48hrs, that was last Tuesday")]
    [InlineData("Was promised a call within 48 hours. That was two weeks ago.")]
    [InlineData("£214 was to be back within 5 working days, it has now been 15.")] // the amount is no count of time
    public void A_time_past_the_one_promised_is_a_delay(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Contains(a.Cues, c => c.Rule == "rule:time-passed");
        Assert.Equal(SentimentLabel.Negative, a.Sentiment.Label);
        Assert.Contains(a.Themes, t => t.Id == "delay");
        Assert.True(Compound(text, s_withoutTimePassed) > Compound(text));
    }

    [Theory]
    [InlineData("it's 2 bags and a car seat, can I check both?")] // a number, but no time
    [InlineData("its 3pm and the shop is open till 6")] // no number before it
    [InlineData("Booked for the 3rd. Now may I ask where I park?")] // "may" is no month
    [InlineData("Ordered 12 items, it's been 3 days and they all arrived")] // 12 items is no count of time
    [InlineData("They said up to 10 days. It's been 3 and it's already here")] // fewer than the count of time before
    [InlineData("Bought 2 tickets. That was a great day")] // no time after "that was"
    [InlineData("He said about 5 days. It's been 8 now, is he still booked in?")] // asked, not told
    [InlineData("Paid £300 for 2 tickets. It's been 100 percent worth it.")] // no count of time before it
    public void A_time_with_no_promise_before_it_is_no_delay(string text) =>
        AssertNoRule(text, "rule:time-passed");

    private static readonly TextAnalyzer s_withoutIronicFaces = new(TextAnalyzer.Default.Lexicons, RulesOnly with { IronicFaces = false });

    [Theory]
    [InlineData("When your order came to be $30 after tax and tip but they charge you nearly $40. Neat 🙃")]
    [InlineData("the $60 blender i bought in march already smells like burning and won't crush ice. great purchase 🙄")]
    [InlineData("It's always fun making men stop mid pee. 🙄")] // the face opens a sentence: it reads the one before
    [InlineData("thank u to the woman who ID'd me for FUEL on my way home from WORK 🙃🙃")]
    public void An_eye_roll_or_upside_down_face_turns_the_praise_before_it(string text)
    {
        Assert.True(Compound(text) < Compound(text, s_withoutIronicFaces) - 0.2, $"{Compound(text)} against {Compound(text, s_withoutIronicFaces)} without the rule for {text}");
        Assert.True(Compound(text) < -0.05, $"{Compound(text)} for {text}");
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "rule:ironic-face"); // its own name, not ironic thanks'
    }

    [Theory]
    [InlineData("courier left my parcel in the recycling bin. which got collected this morning. brilliant stuff 👏")]
    [InlineData("TV box lost every channel mid match, 'No signal' on all of them. Fantastic timing lads 👏🏽")]
    [InlineData("@ZoomPost_Help amazing service, parcel thrown over the fence straight into a puddle 👏👏")]
    public void Applause_after_bad_news_mocks(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(SentimentLabel.Negative, a.Sentiment.Label);
        Assert.Contains(a.Cues, c => c.Rule == "rule:ironic-face");
        Assert.True(Compound(text, s_withoutIronicFaces) > 0.05, "without the rule the praise and the applause outweigh the fault");
    }

    [Theory]
    [InlineData("refund landed the same day i dropped the parcel at the post office 👏")]
    [InlineData("@SwiftRailUK every train on time this week 👏 never thought id tweet that")]
    [InlineData("Slow start but the food was fantastic 👏")] // a small fault is not bad news
    public void Applause_without_bad_news_applauds(string text) =>
        Assert.Equal(SentimentLabel.Positive, TextAnalyzer.Default.Analyze(text).Sentiment.Label);

    [Theory]
    [InlineData("Food was great but the wait 🙄")] // praise before "but" is meant
    [InlineData("🙄 great, thanks")] // nothing before the face
    [InlineData("Lovely staff. The parking though 😂")] // another face
    public void Praise_outside_an_ironic_face_s_reach_stands(string text)
    {
        Assert.Equal(Compound(text, s_withoutIronicFaces), Compound(text), 6);
    }

    [Theory]
    [InlineData("Press 1 for parking, 3 for appeals, then a recording tells me to visit our website and hangs up. Brilliant system, really.")]
    [InlineData("4 chats and 3 escalations later and my family plan still shows 1 member. stellar support, really")] // a lone "really" closing praise
    [InlineData("@united 3rd delay announcement and still no plane at the gate. love spending my friday night at C17 #not")]
    [InlineData("the crew was great #sarcasm")]
    [InlineData("I love this place #not")] // a tag that declares sarcasm
    public void Praise_declared_sarcastic_turns(string text)
    {
        Assert.True(Compound(text) < -0.05, $"{Compound(text)} for {text}");
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "rule:ironic-praise");
    }

    [Theory]
    [InlineData("Thank you!! Sorted in two minutes, really appreciate it")] // "really" goes on to say more
    [InlineData("They had a ramp and a hearing loop, really thoughtful.")]
    [InlineData("The movie is brilliant, really. It is philosophy, illustrated through everyday events.")] // a verdict, not a fragment
    public void Really_before_more_praise_is_sincere(string text)
    {
        Assert.True(Compound(text) > 0.3, $"{Compound(text)} for {text}");
    }

    [Fact]
    public void Praise_without_a_sarcasm_tag_stands()
    {
        Assert.True(Compound("I love this place #notbad") > 0.3); // a tag that only begins with "not" declares nothing
        Assert.True(Compound("I love this place #travel") > 0.3);
    }

    private static readonly TextAnalyzer s_withoutConditionalQuestions = new(TextAnalyzer.Default.Lexicons, RulesOnly with { ConditionalQuestions = false });

    [Theory]
    [InlineData("If I send back part of an order do I lose the points for that item only or for the whole order?")]
    [InlineData("@XboxSupport if I cancel game pass do I lose my saves")] // no question mark: the condition, then "do I"
    [InlineData("if I cancel my membership do I keep the credits I've already got or do they go?")]
    public void A_question_that_opens_with_a_condition_asks_about_a_case(string text)
    {
        Assert.Equal(SentimentLabel.Neutral, TextAnalyzer.Default.Analyze(text).Sentiment.Label);
        Assert.True(Math.Abs(Compound(text)) < Math.Abs(Compound(text, s_withoutConditionalQuestions)),
            $"{Compound(text)} against {Compound(text, s_withoutConditionalQuestions)} without the rule for {text}");
    }

    [Theory]
    [InlineData("If it isn't genuine then how did they know I'm your customer?")] // "how did they" accuses
    [InlineData("If the app worked I wouldn't be here.")] // not a question
    [InlineData("If it was anyone but him that hit Miller I am sure they would have dropped gloves")] // "it was anyone" is the condition's own verb
    [InlineData("If he wanted to tell that story, why didn't he just do it?")] // a why-question before the auxiliary
    public void A_condition_before_an_accusation_or_a_statement_is_not_a_question_for_information(string text)
    {
        Assert.Equal(Compound(text, s_withoutConditionalQuestions), Compound(text), 6);
    }

    [Fact]
    public void Deserving_better_is_a_complaint()
    {
        Assert.True(Compound("Your customers deserve better.") < 0);
        Assert.True(Compound("Passengers deserved better than this.") < 0);
    }

    [Fact]
    public void Stretched_words_are_read_and_emphasised()
    {
        Assert.True(Compound("sooo gooood") > Compound("so good"));
        Assert.True(Compound("it was baaaad") < 0);
    }

    [Fact]
    public void A_negation_is_spent_on_the_first_sentiment_word_it_reaches()
    {
        // VADER reads the second "care" as negated twice (by both "don't"s) and so positive
        Assert.True(Compound("don't care don't care") < 0);
    }

    [Theory]
    [InlineData("You always put customers first, oh wait, you don't.")] // the reversal after praise
    [InlineData("When are you going to fix the app?")]
    [InlineData("Bought it at Best Buy and it broke in a week.")] // the shop's name is not praise
    [InlineData("BOO at the airline")]
    [InlineData("@AmazonHelp tracking shows just that a label is created")]
    public void Stock_phrases_of_complaint_read_negative(string text) =>
        Assert.True(Compound(text) < -0.05, Compound(text).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("@JetBlue see you Late Flightr tonight")]
    [InlineData("@SouthwestAir what is the Late Flightst I can check in?")]
    public void Later_and_latest_as_a_mangled_airline_export_spells_them_are_no_delay(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(0, a.Sentiment.Compound);
        Assert.DoesNotContain(a.Themes, t => t.Id == "delay");
        Assert.Contains("delay", TextAnalyzer.Default.Analyze("@JetBlue flight is Late Flight again").Themes.Select(t => t.Id)); // the mangled "late" itself is one
    }

    [Theory]
    [InlineData("fix your app it won't even open", "cx:won't open")]
    [InlineData("they never even called me back", "cx:never call me back")]
    [InlineData("nobody actually answered the phone", "cx:nobody answer")]
    public void A_filler_after_a_negation_does_not_break_a_phrase(string text, string rule) =>
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == rule);

    [Theory]
    [InlineData("tomorrow should be even better", "better")] // "even" before a comparative is no filler
    [InlineData("I'm really liking it", "liking")]
    public void A_filler_elsewhere_keeps_the_words_apart(string text, string word) =>
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "vader:" + word);

    [Fact]
    public void Setting_the_bar_is_praise() => Assert.True(Compound("Once again you set the bar for what an airline should be.") > 0.05);

    [Theory]
    [InlineData("I went to Best Buy for a charger.", 0)]
    [InlineData("Three months of music for $0.99, limited time only.", 0)]
    public void Names_and_offers_carry_no_sentiment(string text, double expected) => Assert.Equal(expected, Compound(text));

    [Fact]
    public void An_answer_word_opening_a_reply_is_not_a_feeling()
    {
        Assert.Equal(0, Compound("@AcmeHelp yes all files, on a Mac"));
        Assert.Equal(0, Compound("ok I will try that"));
        Assert.True(Compound("Yes! It arrived") > 0);
        Assert.Equal(0, Compound("@AdobeCare ok")); // a reply that is the answer alone
        Assert.Equal(0, Compound("@united yes."));
        Assert.True(Compound("Yes.") > 0); // alone in prose, not a reply: it affirms
        Assert.True(Compound("@united ok :)") > 0); // the face says more
    }

    [Theory]
    [InlineData("@AppleSupport No")]
    [InlineData("@AmericanAir No.")]
    [InlineData("@XboxSupport No I can't see anything about an expiry date in the email")]
    public void No_opening_a_reply_as_the_answer_is_no_complaint(string text)
    {
        Assert.Equal(0, Compound(text), 3);
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { Answers = false });
        Assert.True(without.ScoreSentiment(text).Compound < -0.05, "VADER reads the answer as a negative word");
        Assert.True(Compound("No refunds, no help, nothing.") < -0.05); // "no" before what is missing stays a complaint
        Assert.True(Compound("@acme No one has called me back") < -0.05);
    }

    [Theory]
    [InlineData("@AdobeCare nope still down.")]
    [InlineData("@acme nope still broken")]
    public void Nope_opening_a_reply_answers_and_negates_nothing(string text)
    {
        Assert.True(Compound(text) < -0.05, $"{Compound(text)} for {text}");
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { Answers = false });
        Assert.True(without.ScoreSentiment(text).Compound > Compound(text), "VADER negates it");
    }

    [Theory]
    [InlineData("@AmazonHelp Help!")]
    [InlineData("@ATVIAssist HELLO HELP ME REPLY TO DM")]
    [InlineData("I was charged for a game I never got. Help")]
    [InlineData("help, I can't log in")]
    [InlineData("Help us get home @united")]
    [InlineData("Hello, help please. My order hasn't arrived.")]
    [InlineData("@AppleSupport are all the lines closed for tonight #help")] // a tag always asks
    public void Help_asked_for_is_a_plea_not_praise(string text)
    {
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.Contains(analysis.Cues, c => c.Rule == "rule:plea" && c.Valence < 0);
        Assert.True(analysis.Sentiment.Compound < 0, $"{analysis.Sentiment.Compound} for {text}");
        var withoutPleas = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { Pleas = false });
        Assert.True(withoutPleas.ScoreSentiment(text).Compound > analysis.Sentiment.Compound, "the rule is what turns it");
    }

    [Theory]
    [InlineData("@Uber_Support UR team messed up again lol")]
    [InlineData("@sprintcare Lol it just gets worse 😂")]
    [InlineData("@Tesco 😂😂🙄")]
    [InlineData("Chip messed up so many orders LOL")]
    public void Laughter_beside_a_complaint_is_bitter(string text)
    {
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.DoesNotContain(analysis.Cues, c => c.Valence > 0); // the laughter counts nothing
        Assert.True(analysis.Sentiment.Compound < -0.05, $"{analysis.Sentiment.Compound} for {text}");
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { Laughter = false });
        Assert.True(without.ScoreSentiment(text).Compound > analysis.Sentiment.Compound, "the rule is what turns it");
    }

    [Theory]
    [InlineData("The social media people are A-1 😂😂😂")]
    [InlineData("Haha nah I'm good, it got here eventually lol")]
    [InlineData("Such a beautiful day. Too bad I am indoors all day. LOL!")] // the joke has a sentence of its own
    public void Amused_laughter_still_counts(string text)
    {
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.Contains(analysis.Cues, c => (c.Rule.EndsWith("lol", StringComparison.OrdinalIgnoreCase) || c.Rule.EndsWith("haha", StringComparison.OrdinalIgnoreCase) || c.Rule.EndsWith("😂", StringComparison.Ordinal)) && c.Valence > 0);
        Assert.True(analysis.Sentiment.Compound > 0.05, text);
    }

    [Theory]
    [InlineData("I have no idea lol")]
    [InlineData("IM NOT THE LATTER LOL")]
    public void Laughter_is_not_negated(string text)
    {
        var laughter = TextAnalyzer.Default.Analyze(text).Cues.Single(c => c.Rule.EndsWith("lol", StringComparison.OrdinalIgnoreCase));
        Assert.True(laughter.Valence > 0, $"{laughter.Valence} ({laughter.Rule})");
        var vader = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { Laughter = false });
        Assert.True(vader.ScoreSentiment(text).Compound < Compound(text), "VADER negates it");
    }

    [Theory]
    [InlineData("Help is on the way, they said")] // "help" as a subject
    [InlineData("Thanks for the help!")]
    [InlineData("The help I got was great")]
    [InlineData("Your guide will help you choose")]
    public void Help_given_or_talked_about_is_no_plea(string text)
    {
        AssertNoRule(text, "rule:plea");
        Assert.True(Compound(text) > 0, text);
    }

    [Fact]
    public void Helped_praises_as_helps_does_and_negated_complains()
    {
        Assert.True(Compound("The agent helped me sort it out.") > 0.05);
        Assert.True(Compound("It hasn't helped at all.") < -0.05);
        Assert.True(Compound("Nobody helped me.") < -0.05);
    }

    [Theory]
    [InlineData("#centurylinksucks", -1)]
    [InlineData("Down again #CustomerServiceFail", -1)]
    [InlineData("#travelwoes", -1)]
    [InlineData("#notcool", -1)] // a negation glued to a sentiment word
    [InlineData("#lovethebear", 1)]
    [InlineData("#mincepiewars", 0)] // "wars" is no verdict of the lists: a campaign's name
    [InlineData("#DeadbyDaylight", 0)] // a game
    [InlineData("#Thanksgiving", 0)]
    public void A_hashtag_gluing_a_name_to_a_verdict_reads_as_the_verdict(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(Compound(text), 2)));

    [Fact]
    public void A_negated_hashtag_is_explained_as_negated() =>
        Assert.Contains(TextAnalyzer.Default.Analyze("#notcool").Cues, c => c.Rule == "negated:vader:cool" && c.Valence < 0);

    [Theory]
    [InlineData("I have never had a better meal", 1)]
    [InlineData("Never been treated better", 1)]
    [InlineData("I have never met friendlier staff", 1)] // an -ier form
    [InlineData("Never had worse service in my life", -1)]
    [InlineData("OMG never had WORSE customer service than this", -1)]
    [InlineData("It couldn't be worse", -1)]
    [InlineData("It could not have been better", 1)]
    [InlineData("They couldn't have been nicer", 1)] // no wish under the modal, as "could have been nicer" is
    [InlineData("It couldn't have been worse", -1)]
    [InlineData("The staff couldn't have been more helpful", 1)] // "more" before the word: the utmost too
    [InlineData("The staff couldn't have been less helpful", -1)] // "less": the utmost of the opposite, no wish either
    [InlineData("I couldn't be less impressed", -1)] // the negator does not undo the "less"
    [InlineData("I've never been less impressed by a hotel", -1)]
    [InlineData("The check-in couldn't have been less stressful", 1)]
    [InlineData("Nothing worse than cold fries", -1)] // "nothing … than": the utmost as well
    [InlineData("Nothing better than a hot coffee on a cold morning", 1)]
    [InlineData("There is nothing more frustrating than this app", -1)]
    [InlineData("Nothing more substantial than a doodle", -1)] // a good word after "nothing more … than" belittles
    [InlineData("not better", -1)] // "not" still negates a comparative
    [InlineData("This is no better than a cheap knockoff", -1)] // "no better than": as bad as
    [InlineData("I have never been a loser", 1)] // an agent noun in -er is negated as before
    public void Never_or_cannot_before_a_comparative_says_the_utmost(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(Compound(text), 2)));

    [Fact]
    public void A_phrase_that_opens_with_its_own_negation_is_not_turned_by_an_earlier_one()
    {
        const string text = "They never called and didn't get back to me.";
        var cue = Assert.Single(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule == "cx:didn't get back to me");
        Assert.True(cue.Valence < 0, $"{cue.Valence}");
        Assert.True(Compound(text) < -0.5, $"{text}: {Compound(text)}");
    }

    [Fact]
    public void Without_the_comparatives_rule_never_negates_a_comparative_as_VADER_does()
    {
        var vaderWay = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { Comparatives = false });
        Assert.True(vaderWay.ScoreSentiment("I have never had a better meal").Compound < 0);
        Assert.True(Compound("I have never had a better meal") > 0);
    }

    [Theory]
    [InlineData("Support is less helpful than it used to be", -1)] // VADER only dampens: +0.27
    [InlineData("The new update made the app way less reliable", -1)]
    [InlineData("The agent was less than helpful", -1)]
    [InlineData("Much less stressful since the move", 1)] // a bad word said less reads well
    [InlineData("Fewer problems, less hassle", 1)]
    [InlineData("I was more or less happy with it", 1)] // "more or less" hedges, it does not negate
    public void Less_before_a_word_says_its_opposite_as_least_does(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(Compound(text), 2)));

    [Theory]
    [InlineData("Isn't it great?", 1)] // a question expecting "yes" affirms what it names
    [InlineData("Hey @ChipotleTweets isn't this the cutest burrito you've ever seen?", 1)]
    [InlineData("@united aren't they lovely?", 1)]
    [InlineData("@united isn't that ridiculous?", -1)]
    [InlineData("It isn't great?", -1)] // the negation does not open the question
    [InlineData("Isn't great at all.", -1)] // not a question
    public void A_negated_be_opening_a_question_asks_for_agreement(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(Compound(text), 2)));

    [Fact]
    public void Without_the_comparatives_rule_less_only_dampens_as_in_VADER()
    {
        var vaderWay = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { Comparatives = false });
        Assert.True(vaderWay.ScoreSentiment("Support is less helpful now").Compound > 0);
        Assert.True(Compound("Support is less helpful now") < 0);
    }

    [Theory]
    [InlineData("None of the changes saved.", 0)] // stored, as support messages mostly mean
    [InlineData("My password is saved on my laptop", 0)]
    [InlineData("Redeemed a code for points this afternoon", 0)]
    [InlineData("My costume just saved me $3.69!", 1)]
    [InlineData("So I bought ten of these and saved alot of money.", 1)]
    public void Saved_and_redeemed_mean_stored_and_used_unless_money_or_someone_was_saved(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(Compound(text), 2)));

    [Theory]
    [InlineData("Pulled over by the police and a £100 fine", -1)] // an amount of money before "fine" makes it a penalty
    [InlineData("He paid a $190 fine for speeding", -1)]
    [InlineData("The app works fine now", 1)]
    public void Fine_after_an_amount_of_money_is_a_penalty(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(Compound(text), 2)));

    [Theory]
    [InlineData("That's a lie.", -1)] // VADER has lied, lies, lying, not lie
    [InlineData("So don't lie to us!", -1)] // an accusation, not a negated one
    [InlineData("The new seats lie flat.", 0)]
    public void Lie_accuses_unless_it_is_lying_down(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(Math.Round(Compound(text), 2)));

    [Fact]
    public void Have_as_possession_after_a_modal_is_not_irrealis()
    {
        Assert.True(Compound("They might just have the best coffee in town.") > 0);
        Assert.True(Compound("It should have been the best day.") < 0);
    }

    [Fact]
    public void A_word_that_can_intensify_keeps_its_own_valence_when_alone()
    {
        Assert.True(Compound("My phone is dead.") < 0);
        Assert.True(Compound("That was damn good.") > 0); // an intensifier before a sentiment word
        Assert.True(Compound("Fix your fucking internet.") < -0.05); // alone before a plain word: anger
        Assert.True(Compound("That was fucking amazing.") > Compound("That was amazing.")); // before a sentiment word: it intensifies
    }

    [Fact]
    public void Superlatives_and_dropped_gs_are_read_through_their_base()
    {
        Assert.True(Compound("the coolest tool") > 0);
        Assert.True(Compound("lovin it") > 0);
        Assert.True(Compound("the nicest staff") > Compound("the nice staff"));
        Assert.Equal(Compound("still waiting on my bag"), Compound("still waitin on my bag")); // any word, for the phrases too
        Assert.Equal(Compound("the tv is not working"), Compound("the tv is not workin"));
    }

    [Theory]
    [InlineData("the agent was'nt helpful", "the agent wasn't helpful")]
    [InlineData("the agent was’nt helpful", "the agent wasn't helpful")]
    [InlineData("the app does'nt work", "the app doesn't work")]
    [InlineData("your system dosnt work", "your system doesnt work")]
    [InlineData("the staff were'nt friendly", "the staff weren't friendly")]
    [InlineData("it havnt been fixed", "it haven't been fixed")]
    [InlineData("it dosent work", "it doesnt work")] // VADER's own misspelt negator, now matching the phrases of the right spelling
    public void A_misspelt_negation_negates_as_the_one_meant(string misspelt, string meant)
    {
        Assert.True(Compound(meant) < -0.05);
        Assert.Equal(Compound(meant), Compound(misspelt));
    }

    [Theory]
    [InlineData("Still no refund 😡")]
    [InlineData("Still no refund 👎")]
    [InlineData("Still no refund 🤦‍♀️")]
    [InlineData("Still no refund 💔")]
    public void Complaint_emoji_read_negative(string text) => Assert.True(Compound(text) < -0.05, text);

    [Fact]
    public void A_thumbs_up_reads_positive() => Assert.True(Compound("Got it, thanks 👍") > Compound("Got it, thanks"));

    private const string Filler =
        " I called on Monday about the order for the kitchen table and the four chairs that we chose in the store last month" +
        " and the delivery slot that we booked for the morning of the twelfth when my partner would be at home to take it in.";

    [Fact]
    public void Sentiment_diluted_by_neutral_words_reads_weaker()
    {
        Assert.True(Compound("The staff were great." + Filler) < Compound("The staff were great."));
        Assert.True(Compound("The staff were great." + Filler) > 0.05);
    }

    [Fact]
    public void A_long_complaint_with_one_mild_negative_word_stays_negative()
    {
        Assert.True(Compound("It was a bit disappointing." + Filler + Filler) < -0.05);
    }

    [Fact]
    public void A_question_asserts_less_but_keeps_its_sign()
    {
        double statement = Compound("The service is terrible.");
        double question = Compound("Why is the service so terrible?");
        Assert.True(question < -0.05);
        Assert.True(Compound("Is the service good?") < Compound("The service is good."));
        Assert.True(Compound("Why is the service so terrible?!") < question); // "?!" is not softened
        Assert.True(statement < 0);
    }

    [Theory]
    [InlineData("How do I report a damaged parcel?", "Why is my parcel damaged?")]
    [InlineData("What is the fee for a late payment?", "Why is there a fee for a late payment?")]
    [InlineData("When will the delayed orders ship?", "How is a two week delay acceptable?")]
    public void A_question_asking_for_information_asserts_less_than_one_asking_why(string asks, string complains) =>
        Assert.True(Math.Abs(Compound(asks)) < Math.Abs(Compound(complains)), $"{asks}: {Compound(asks)}; {complains}: {Compound(complains)}");

    [Fact]
    public void Closing_thanks_after_a_complaint_is_a_courtesy()
    {
        const string text = "My order is late again and your support is useless. Thanks.";
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { ClosingThanksScale = 1f });
        Assert.True(without.Analyze(text).Sentiment.Compound > Compound(text), "the thanks weighs less");
        Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");
        // thanks for something, or after good news, is gratitude and keeps its weight
        Assert.Equal(without.Analyze("The parcel came early. Thanks.").Sentiment.Compound, Compound("The parcel came early. Thanks."), 6);
        const string thanked = "The order is late. Thanks for letting me know.";
        Assert.Equal(without.Analyze(thanked).Sentiment.Compound, Compound(thanked), 6);
        // thanks closing a clause after words that were bad on balance thanks for what the clause says
        const string clause = "I hate flying but you make it bearable, thank you";
        Assert.Equal(without.Analyze(clause).Sentiment.Compound, Compound(clause), 6);
    }

    [Theory]
    [InlineData("@SouthwestAir ur app logged me out right at the 24hr mark and now I'm boarding C42. thanks a lot")]
    [InlineData("the line cut me off after an hour on hold. Thanks for that.")]
    [InlineData("lost my bag and my connection, thanks a bunch")]
    public void Closing_thanks_pointing_back_at_bad_news_mock_it(string text) =>
        AssertRuleReads(text, "rule:ironic-thanks", SentimentLabel.Negative);

    [Theory]
    [InlineData("your security team spotted a login from another country and blocked it before anything happened. thanks for that")] // good news too
    [InlineData("The parcel came early. Thanks a lot!")] // after good news
    [InlineData("My order is late again and your support is useless. Thanks.")] // a plain courtesy
    public void Closing_thanks_after_good_news_or_plain_are_not_mockery(string text) =>
        AssertNoRule(text, "rule:ironic-thanks");

    [Theory]
    [InlineData("Any update, Sophie? Thanks.")]
    [InlineData("Is the 9:15 running today? Thanks!")]
    [InlineData("Do you run direct flights to Lima all year round? Was looking for December. Thanks")]
    [InlineData("Just to let you know I need my direct debit date moved to the 28th from next month. Thanks")] // a request, as a question is
    [InlineData("Please send the invoice to my work address. Thank you!")]
    [InlineData("I'd like to change my direct debit date from the 1st to the 15th, starting next month. Thanks.")] // "I'd like to" asks
    [InlineData("I was wondering if my refund has gone through yet. Thanks")]
    [InlineData("Hi, could I move my viewing on Thursday to later that afternoon? Any time after 4 works for me. Thanks, Priya")] // signed
    [InlineData("Please update my correspondence address from 1 March. Policy no. HX-550917. Many thanks, Aoife Brennan")]
    [InlineData("Please send invoices to my work address from now on, thanks.")] // thanks closing the request's own sentence
    public void Closing_thanks_after_a_bare_question_thanks_for_no_answer_yet(string text)
    {
        Assert.InRange(Compound(text), -0.05, 0.05);
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { ClosingThanksScale = 1f, OpeningQuestionScale = 1f });
        Assert.True(without.Analyze(text).Sentiment.Compound > 0.05, "without the rule the thanks reads as praise");
        Assert.True(Compound("Can you check my booking? You were great last time. Thanks.") > 0.05, "after good words, thanks keeps its weight");
    }

    [Theory]
    [InlineData("Booking no AB123, can you check the seats?")]
    [InlineData("Order no 55821 please.")]
    [InlineData("Can it be left with the neighbour at no. 14 if I'm out?")] // "no." abbreviates "number"
    public void No_before_a_reference_is_a_number(string text) => Assert.InRange(Compound(text), -0.05, 0.05);

    [Fact]
    public void No_answering_a_question_before_a_number_is_still_an_answer() =>
        Assert.True(Compound("Did that fix it? No. 3 hours later I still have no signal.") < -0.05);

    [Theory]
    [InlineData("Food was great, service painfully slow. Swings and roundabouts really.")]
    [InlineData("Great food, terrible service. Mixed feelings.")]
    [InlineData("The room was lovely and the staff were wonderful, the parking was awful. A mixed experience overall.")]
    public void A_stated_mixed_verdict_damps_what_it_weighed(string text)
    {
        var without = new TextAnalyzer(TextAnalyzer.Default.Lexicons, RulesOnly with { MixedVerdictScale = 1f });
        Assert.True(Math.Abs(without.Analyze(text).Sentiment.Compound) > 0.05, "without the rule one side wins");
        Assert.InRange(Compound(text), -0.05, 0.05);
        var cue = Assert.Single(TextAnalyzer.Default.Analyze(text).Cues, c => c.Rule.StartsWith("rule:mixed-verdict:", StringComparison.Ordinal));
        Assert.Equal(0, cue.Valence); // it carries nothing itself: it is the reason the others weigh less
    }

    [Fact]
    public void A_mixed_verdict_weighs_a_strong_side_less_but_keeps_its_sign()
    {
        const string text = "Absolutely horrendous from start to finish, the worst hotel I have ever stayed in, filthy and rude. Mixed feelings about the pool.";
        Assert.True(Compound(text) < -0.05, $"{text}: {Compound(text)}");
    }

    [Fact]
    public void A_mixed_verdict_must_be_a_phrase()
    {
        var e = Assert.Throws<FormatException>(() => LexiconSet.Build(vaderLexicon: "good\t1.9\n", emojiLexicon: "", cxLexicon: "meh\tmixed\tverdict\n",
            taxonomy: TextAnalyzer.Default.Lexicons.Taxonomy, signals: ""));
        Assert.Contains("'meh'", e.Message, StringComparison.Ordinal);
    }
}
