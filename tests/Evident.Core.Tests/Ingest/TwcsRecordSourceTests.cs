using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;

namespace Evident.Core.Tests.Ingest;

public sealed class TwcsRecordSourceTests
{
    private const string Header = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n";

    /// <summary>
    /// Thread 1: customer 115712 at 10:00, AcmeHelp at 10:05, the customer again at 10:07, AcmeHelp at 10:20.
    /// Thread 10: customer 220033 at 11:00, never answered. Tweet 20 has a created_at that does not read.
    /// The rows are out of thread order: replies come before the tweets they answer.
    /// </summary>
    private const string Export =
        Header +
        "4,AcmeHelp,False,Tue Oct 31 10:20:00 +0000 2017,\"All sorted, refund sent.\",,3\n" +
        "2,AcmeHelp,False,Tue Oct 31 10:05:00 +0000 2017,\"Sorry to hear that, please DM us\",3,1\n" +
        "10,220033,True,Tue Oct 31 11:00:00 +0000 2017,anyone there @AcmeHelp?,,\n" +
        "3,115712,True,Tue Oct 31 10:07:00 +0000 2017,done,4,2\n" +
        "1,115712,True,Tue Oct 31 10:00:00 +0000 2017,@AcmeHelp my parcel is late,2,\n" +
        "20,330044,True,last Tuesday,\"what, again?\",,\n";

    private static readonly DateTimeOffset s_ten = new(2017, 10, 31, 10, 0, 0, TimeSpan.Zero);

    private static (List<ImportedRecord> Records, List<RowReject> Rejects) ReadAll(string path)
    {
        Assert.True(InputFile.TryOpen(path, InputFormat.Csv, out var reader, out string? problem), problem);
        Assert.True(KnownExports.IsTwcs(reader.Columns));
        var records = new List<ImportedRecord>();
        var rejects = new List<RowReject>();
        using var source = TwcsRecordSource.Open(path, reader, "twcs");
        while (source.TryRead(out var record, out var reject))
        {
            Assert.True(record is null ^ reject is null);
            if (record is not null)
            {
                records.Add(record);
            }
            else
            {
                rejects.Add(reject!);
            }
        }

        return (records, rejects);
    }

    private static (List<ImportedRecord> Records, List<RowReject> Rejects) ReadExport()
    {
        using var folder = new TempFolder();
        return ReadAll(folder.Write("twcs.csv", Export));
    }

    [Fact]
    public void Customer_tweets_become_feedback_from_their_author_about_the_company_in_their_thread()
    {
        var (records, _) = ReadExport();

        var feedback = records.OfType<FeedbackRecord>().ToDictionary(r => r.ExternalId);
        Assert.Equal(["10", "3", "1"], feedback.Keys);
        var first = feedback["1"];
        Assert.Equal("twcs", first.Source);
        Assert.Equal("115712", first.PersonKey);
        Assert.Equal("AcmeHelp", first.Segment);
        Assert.Equal("1", first.InteractionKey);
        Assert.Equal("twitter", first.Channel);
        Assert.Equal("@AcmeHelp my parcel is late", first.Text);
        Assert.Equal(s_ten, first.CreatedAt);
        Assert.Equal(6, first.Line);
        Assert.Equal(FeedbackRecord.Customer, first.Subject);
        Assert.Null(first.Score);

        Assert.Equal("AcmeHelp", feedback["3"].Segment);
        Assert.Equal("1", feedback["3"].InteractionKey);
        Assert.Equal("220033", feedback["10"].PersonKey);
        Assert.Equal("10", feedback["10"].InteractionKey);
        Assert.Null(feedback["10"].Segment);
    }

    [Fact]
    public void Company_tweets_become_replies_in_their_thread()
    {
        var (records, _) = ReadExport();

        var replies = records.OfType<CommunicationRecord>().ToDictionary(r => r.ExternalId);
        Assert.Equal(["4", "2"], replies.Keys);
        var reply = replies["2"];
        Assert.Equal("reply", reply.Channel);
        Assert.Equal("1", reply.InReplyTo);
        Assert.Equal("1", reply.InteractionKey);
        Assert.Equal("AcmeHelp", reply.Author);
        Assert.Equal("external", reply.Audience);
        Assert.Equal("Sorry to hear that, please DM us", reply.Text);
        Assert.Equal(s_ten.AddMinutes(5), reply.CreatedAt);
        Assert.Equal("3", replies["4"].InReplyTo);
        Assert.Equal("1", replies["4"].InteractionKey);
    }

    [Fact]
    public void An_answered_thread_becomes_one_interaction_timed_from_the_first_customer_tweet()
    {
        var (records, _) = ReadExport();

        var interactions = records.OfType<InteractionRecord>().ToList();
        Assert.Equal(2, interactions.Count);
        var thread = Assert.Single(interactions, i => i.ExternalId == "thread:1");
        Assert.Equal("twcs", thread.Source);
        Assert.Equal(s_ten, thread.StartedAt);
        Assert.Equal(s_ten.AddMinutes(5), thread.FirstResponseAt);
        Assert.Equal(s_ten.AddMinutes(20), thread.EndedAt);
        Assert.Equal(300, thread.FirstResponseSeconds);
        Assert.Equal(1200, thread.ResolutionSeconds);
        Assert.Equal(4, thread.Messages);
        Assert.Equal("answered", thread.Outcome);
        Assert.Equal("115712", thread.PersonKey);
        Assert.Equal("AcmeHelp", thread.Team);
        Assert.Equal("twitter", thread.Channel);
    }

    [Fact]
    public void A_thread_the_company_never_answered_is_an_unanswered_interaction()
    {
        var (records, _) = ReadExport();

        var thread = Assert.Single(records.OfType<InteractionRecord>(), i => i.ExternalId == "thread:10");
        Assert.Equal("unanswered", thread.Outcome);
        Assert.Null(thread.FirstResponseAt);
        Assert.Null(thread.FirstResponseSeconds);
        Assert.Equal(1, thread.Messages);
        Assert.Equal("220033", thread.PersonKey);
        Assert.Null(thread.Team);
    }

    [Fact]
    public void Interactions_come_after_every_tweet()
    {
        var (records, _) = ReadExport();

        int firstInteraction = records.FindIndex(r => r is InteractionRecord);
        Assert.Equal(5, firstInteraction);
        Assert.All(records.Skip(firstInteraction), r => Assert.IsType<InteractionRecord>(r));
    }

    [Fact]
    public void A_tweet_whose_time_does_not_read_is_rejected_naming_created_at()
    {
        var (records, rejects) = ReadExport();

        var reject = Assert.Single(rejects);
        Assert.Equal(7, reject.Line);
        Assert.Equal("created_at", reject.Column);
        Assert.Contains("last Tuesday", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(records, r => r.ExternalId is "20" or "thread:20");
    }

    [Fact]
    public void A_tweet_without_text_is_rejected_naming_text()
    {
        using var folder = new TempFolder();
        string path = folder.Write("twcs.csv", Header + "1,115712,True,Tue Oct 31 10:00:00 +0000 2017,,,\n");

        var (_, rejects) = ReadAll(path);

        var reject = Assert.Single(rejects);
        Assert.Equal("text", reject.Column);
        Assert.Equal(2, reject.Line);
    }

    [Fact]
    public void A_thread_the_company_opened_is_no_interaction_but_its_tweets_are_read()
    {
        using var folder = new TempFolder();
        string path = folder.Write("twcs.csv",
            Header +
            "1,AcmeHelp,False,Tue Oct 31 09:00:00 +0000 2017,Our app is down,2,\n" +
            "2,115712,True,Tue Oct 31 10:00:00 +0000 2017,still down for me,3,1\n" +
            "3,AcmeHelp,False,Tue Oct 31 10:30:00 +0000 2017,fixed now,,2\n");

        var (records, rejects) = ReadAll(path);

        Assert.Empty(rejects);
        Assert.DoesNotContain(records, r => r is InteractionRecord);
        var feedback = Assert.Single(records.OfType<FeedbackRecord>());
        Assert.Equal("1", feedback.InteractionKey);
        Assert.Equal("AcmeHelp", feedback.Segment);
        Assert.Equal(2, records.OfType<CommunicationRecord>().Count());
    }

    [Fact]
    public void A_thread_whose_opening_tweet_is_not_in_the_file_is_no_interaction()
    {
        using var folder = new TempFolder();
        string path = folder.Write("twcs.csv",
            Header +
            "5,115712,True,Tue Oct 31 10:00:00 +0000 2017,and another thing,6,999\n" +
            "6,AcmeHelp,False,Tue Oct 31 10:10:00 +0000 2017,noted,,5\n");

        var (records, _) = ReadAll(path);

        Assert.DoesNotContain(records, r => r is InteractionRecord);
        Assert.Equal("5", Assert.Single(records.OfType<FeedbackRecord>()).InteractionKey);
        Assert.Equal("5", Assert.Single(records.OfType<CommunicationRecord>()).InteractionKey);
    }

    [Fact]
    public void A_thread_only_the_company_wrote_in_is_no_interaction()
    {
        using var folder = new TempFolder();
        string path = folder.Write("twcs.csv", Header + "1,AcmeHelp,False,Tue Oct 31 09:00:00 +0000 2017,Our app is down,,\n");

        var (records, _) = ReadAll(path);

        Assert.IsType<CommunicationRecord>(Assert.Single(records));
    }
}
