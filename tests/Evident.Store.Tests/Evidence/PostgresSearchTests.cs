using System.Text.RegularExpressions;
using Dapper;
using Evident.Core.Ingest;
using Evident.Store.Evidence;
using Evident.Text;
using Evident.Text.Search;
using Npgsql;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Evidence;

/// <summary>
/// PostgreSQL's search vectors are computed by the import (PostgresSearch), no longer by the server's
/// to_tsvector('english', text); what it stores must read as the server's own did, so that the comments stored before
/// and the queries built now agree.
/// </summary>
public sealed partial class PostgresSearchTests
{
    private static string? Skip => StoreTarget.SkipReason("postgres");

    [SkippableFact]
    public async Task The_stemmer_agrees_with_postgresql_english_stem_on_every_word_of_the_lexicons()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string name in new[] { "vader_lexicon.txt", "cx_lexicon.tsv", "themes.json" })
        {
            using var stream = typeof(TextAnalyzer).Assembly.GetManifestResourceStream("Evident.Text.Lexicons." + name)!;
            string text = new StreamReader(stream).ReadToEnd().ToLowerInvariant();
            foreach (Match word in Word().Matches(text))
            {
                words.Add(word.Value);
            }
        }

        Assert.True(words.Count > 5_000, $"{words.Count} words");
        await using var target = await StoreTarget.CreateAsync("postgres");
        await using var connection = new NpgsqlConnection(target.Db);
        var theirs = (await connection.QueryAsync<(string Word, string? Stem)>(
            "SELECT w, (ts_lexize('english_stem', w))[1] FROM unnest(@words) AS w", new { words = words.ToArray() }))
            .ToDictionary(r => r.Word, r => r.Stem);
        var differ = words.Where(w => theirs[w] is string stem && EnglishStemmer.Stem(w) != stem).Take(20).ToList();
        Assert.True(differ.Count == 0, "differ: " + string.Join(", ", differ.Select(w => $"{w} ({EnglishStemmer.Stem(w)}, not {theirs[w]})")));
        // Stop words: english_stem gives no lexeme, and SearchWords none either.
        var stops = words.Where(w => theirs[w] is null).ToList();
        Assert.NotEmpty(stops);
        Assert.All(stops, w => Assert.Null(Assert.Single(ReadWords(w)).Lexeme));
    }

    private static List<SearchWord> ReadWords(string text)
    {
        var words = new List<SearchWord>();
        SearchWords.Read(text, words);
        return words;
    }

    [SkippableFact]
    public async Task An_imported_comment_holds_the_vector_the_server_would_have_computed()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var target = await StoreTarget.CreateAsync("postgres");
        string[] comments =
        [
            "I was ON HOLD for 40 minutes and nobody called back.",
            "They gave me a 100% refund after three calls, but the refunds desk didn't answer!!",
            "Waiting, waiting and waiting: the queue at the airport was the worst I've seen in years.",
            "Café staff were lovely; the crème brûlée arrived late though.",
        ];
        var csv = new System.Text.StringBuilder("id,date,comment\n");
        for (int i = 0; i < comments.Length; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},2026-03-01T10:00:00Z,\"{comments[i]}\"\n");
        }

        await ImportAsync(target.Location, csv.ToString(), RecordKind.Feedback, source: "survey");
        await ImportAsync(target.Location, "id,date,enps,comment,team\ne1,2026-03-01T10:00:00Z,3,\"We are on hold again.\",billing\n", RecordKind.Pulse, source: "pulse");
        // A second import into the same source stages its rows before moving the new ones: their vectors too.
        await ImportAsync(target.Location, "id,date,comment\n0,2026-03-01T10:00:00Z,again\n9,2026-03-02T10:00:00Z,\"Delivered late, twice; the driver's excuses were worse.\"\n", RecordKind.Feedback, source: "survey");
        await using var connection = new NpgsqlConnection(target.Db);
        var rows = (await connection.QueryAsync<(string Subject, string Text, string? Stored, string Server)>(
            "SELECT subject, text, search::text, to_tsvector('english', text)::text FROM feedback ORDER BY external_id")).ToList();
        Assert.Equal(comments.Length + 2, rows.Count);
        Assert.Contains(rows, r => r.Text.StartsWith("Delivered late", StringComparison.Ordinal));
        foreach (var row in rows.Where(r => r.Subject == "customer"))
        {
            Assert.Equal(row.Server, row.Stored);
        }

        // An employee's comment is not searched by Voices, and holds no vector.
        Assert.Null(Assert.Single(rows, r => r.Subject == "employee").Stored);
    }

    [SkippableFact]
    public async Task A_phrase_counts_the_stop_words_between_its_words_and_a_search_of_stop_words_is_a_substring()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var target = await StoreTarget.CreateAsync("postgres");
        await ImportAsync(target.Location, """
            id,date,comment
            1,2026-03-01T10:00:00Z,I waited on hold for an hour.
            2,2026-03-01T11:00:00Z,"Hold music, then I waited."
            3,2026-03-01T12:00:00Z,The app is not working at all.
            """, RecordKind.Feedback, source: "survey");
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var reader = new VoicesReader(workspace);

        Assert.Equal(2, await reader.CountAsync(new VoicesFilter { Text = "waiting hold" }));
        // "waiting on hold": wait, then hold two words on; "waiting hold" as a phrase would need them side by side.
        Assert.Equal(["I waited on hold for an hour."], (await reader.ReadPageAsync(new VoicesFilter { Text = "\"waiting on hold\"" }, 0, 10)).Select(r => r.Text));
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "\"waiting hold\"" }));
        // Only stop words: no vector holds them, so they are found as text.
        Assert.Equal(["The app is not working at all."], (await reader.ReadPageAsync(new VoicesFilter { Text = "\"at all\"" }, 0, 10)).Select(r => r.Text));
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "not app" }));
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Word();
}
