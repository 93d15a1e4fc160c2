using System.Text;

namespace Evident.Store.Evidence;

/// <summary>
/// What a person typed in a search box, as the full-text indexes read it: words, all of which must be present
/// (<c>refund app</c>), and "quoted phrases" whose words must follow each other (<c>"on hold"</c>). A word is a run of
/// letters and digits (an apostrophe inside one is kept: <c>didn't</c>); everything else separates words and carries
/// no meaning, so nothing typed can reach the index's own query syntax. A search with no word in it (<c>%</c>) has no
/// terms: it is matched as a substring instead.
/// </summary>
public sealed record SearchTerms(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    /// <summary>At most this many words are kept: a query of a page's length finds nothing a shorter one misses.</summary>
    public const int MaxWords = 32;

    public bool IsEmpty => Groups.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchTerms(groups);
        }

        int words = 0;
        bool quoted = false;
        var phrase = new List<string>();
        var word = new StringBuilder();
        void EndWord()
        {
            string w = word.ToString().Trim('\'');
            word.Clear();
            if (w.Length == 0 || words >= MaxWords)
            {
                return;
            }

            words++;
            if (quoted)
            {
                phrase.Add(w.ToLowerInvariant());
            }
            else
            {
                groups.Add([w.ToLowerInvariant()]);
            }
        }

        void EndPhrase()
        {
            if (phrase.Count > 0)
            {
                groups.Add([.. phrase]);
                phrase.Clear();
            }
        }

        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || (c is '\'' or '’' && word.Length > 0))
            {
                word.Append(c == '’' ? '\'' : c);
                continue;
            }

            EndWord();
            if (c == '"')
            {
                EndPhrase();
                quoted = !quoted;
            }
        }

        EndWord();
        EndPhrase();
        return new SearchTerms(groups);
    }

    /// <summary>
    /// An FTS5 query: each word or phrase in double quotes (a string, never an operator), all of them required, within
    /// the workspace's token. Apostrophes split words as the index's tokenizer does.
    /// </summary>
    public string ToFts5(string workspaceToken)
    {
        var query = new StringBuilder("workspace : \"").Append(workspaceToken).Append('"');
        foreach (var group in Groups)
        {
            query.Append(" AND \"").AppendJoin(' ', group.Select(w => w.Replace('\'', ' '))).Append('"');
        }

        return query.ToString();
    }
}
