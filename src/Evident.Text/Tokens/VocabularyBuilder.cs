namespace Evident.Text.Tokens;

/// <summary>Collects surface forms from every lexicon and phrase list, then freezes them into a <see cref="Vocabulary"/>.</summary>
public sealed class VocabularyBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<WordEntry> _entries = [];
    private readonly List<string> _forms = [];
    // Words written in phrases are lemmas of their own while the phrases are read: an inflection of another word never
    // claims them. JoinInflectedPhraseWords then joins those that are a regular form of another phrase word.
    private readonly HashSet<int> _phraseWords = [];

    public int Count => _entries.Count;

    /// <summary>The id of a form, adding it (as its own lemma) if new.</summary>
    public int Intern(string form)
    {
        if (_ids.TryGetValue(form, out int id))
        {
            return id;
        }
        id = _entries.Count;
        _ids.Add(form, id);
        _entries.Add(new WordEntry { Lemma = id });
        _forms.Add(form.ToLowerInvariant());
        return id;
    }

    public bool TryFind(string form, out int id) => _ids.TryGetValue(form, out id);

    public delegate void EntryUpdate(ref WordEntry entry);

    public void Update(int id, EntryUpdate update)
    {
        var entry = _entries[id];
        update(ref entry);
        _entries[id] = entry;
    }

    public WordEntry this[int id] => _entries[id];

    /// <summary>
    /// Registers a phrase word and points its regular inflections at it, so "cancel" in a phrase also matches
    /// "cancelled". A word written in a phrase is always its own lemma: "manners" is not "manner", so lexicons
    /// list base forms and only write an inflected form when it means something else.
    /// </summary>
    public int InternLemma(string word)
    {
        word = Inflections.Standard(word); // "doesnt" in a phrase is "doesn't"
        int id = Intern(word);
        if (!_phraseWords.Add(id))
        {
            return id;
        }
        Update(id, (ref WordEntry e) => e.Lemma = id);
        foreach (string spelling in Inflections.OtherSpellings(word))
        {
            int other = Intern(spelling);
            _phraseWords.Add(other);
            Update(other, (ref WordEntry e) => e.Lemma = id); // tweets drop the apostrophe and shorten: "cant get thru"
        }
        foreach (string form in Inflections.FormsOf(word))
        {
            int formId = Intern(form);
            if (!_phraseWords.Contains(formId) && (this[formId].Lemma == formId || IsEDropOf(word, this[formId].Lemma)))
            {
                Update(formId, (ref WordEntry e) => e.Lemma = id); // first base to claim a form keeps it
            }
        }
        return id;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is the <paramref name="claimant"/> with an "e" after it ("hate" after "hat", "site"
    /// after "sit"): "hated" and "siting" are then the e-word's forms, as English doubles the short word's consonant
    /// ("hatted", "sitting"), so the e-word takes them over whichever phrase was read first ("old hat" had kept
    /// "hated" from "hate").
    /// </summary>
    private bool IsEDropOf(string word, int claimant) =>
        word.Length > 3 && word[^1] == 'e' && _forms[claimant].Length == word.Length - 1 && word.StartsWith(_forms[claimant], StringComparison.Ordinal);

    /// <summary>
    /// Joins each phrase word that is a regular inflection of another phrase word to that word, unless it is one of
    /// <paramref name="ownForms"/>: written as "waiting area", "waiting" matches as "wait", so the "wait" phrases of every
    /// lexicon keep matching "waiting" (a workspace's "waiting area" once made "still waiting" lose its theme everywhere).
    /// "billing" listed as its own form stays apart from "bill". Call once, after the last phrase is read.
    /// </summary>
    public void JoinInflectedPhraseWords(IReadOnlySet<string> ownForms)
    {
        var bases = new Dictionary<int, int>(); // inflected phrase word -> the first phrase word it is a form of
        foreach (int word in _phraseWords.Order())
        {
            if (this[word].Lemma != word)
            {
                continue; // another spelling ("dont") already follows its word
            }
            foreach (string form in Inflections.FormsOf(_forms[word]))
            {
                if (_ids.TryGetValue(form, out int formId) && formId != word && _phraseWords.Contains(formId) &&
                    !ownForms.Contains(form) && this[formId].Lemma == formId)
                {
                    bases.TryAdd(formId, word);
                }
            }
        }
        foreach (var (form, word) in bases)
        {
            if (!Reaches(word, form)) // "a" form of "b" and "b" of "a" would loop
            {
                Update(form, (ref WordEntry e) => e.Lemma = word);
            }
        }
    }

    private bool Reaches(int from, int to)
    {
        for (int id = from, steps = 0; steps < 8; steps++)
        {
            if (id == to)
            {
                return true;
            }
            if (this[id].Lemma == id)
            {
                return false;
            }
            id = this[id].Lemma;
        }
        return true;
    }

    /// <summary>The lemma a form matches as.</summary>
    public int LemmaOf(int id)
    {
        int lemma = this[id].Lemma;
        while (this[lemma].Lemma != lemma)
        {
            lemma = this[lemma].Lemma; // "waitings" follows "waiting", which joined "wait"
        }
        return lemma;
    }

    /// <summary>Freezes the vocabulary, with every entry's lemma resolved.</summary>
    public Vocabulary Build()
    {
        var entries = _entries.ToArray();
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i].Lemma = LemmaOf(i); // to the end of the chain: "dosent" copied "doesnt", whose lemma is "doesn't"
        }
        return new(entries, [.. _forms]);
    }
}
