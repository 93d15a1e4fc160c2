namespace Evident.Text.Tokens;

/// <summary>Collects surface forms from every lexicon and phrase list, then freezes them into a <see cref="Vocabulary"/>.</summary>
public sealed class VocabularyBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<WordEntry> _entries = [];
    private readonly List<string> _forms = [];
    // Words written in phrases are lemmas of their own: an inflection of another word never claims them.
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

    /// <summary>The lemma a form matches as.</summary>
    public int LemmaOf(int id) => this[id].Lemma;

    /// <summary>Freezes the vocabulary, with every entry's lemma resolved.</summary>
    public Vocabulary Build()
    {
        var entries = _entries.ToArray();
        for (int i = 0; i < entries.Length; i++)
        {
            int lemma = LemmaOf(i);
            while (entries[lemma].Lemma != lemma)
            {
                lemma = entries[lemma].Lemma; // "dosent" copied "doesnt", whose lemma is "doesn't"
            }
            entries[i].Lemma = lemma;
        }
        return new(entries, [.. _forms]);
    }
}
