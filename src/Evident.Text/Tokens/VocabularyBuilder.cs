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
        if (form.Contains('\'', StringComparison.Ordinal))
        {
            _ids.TryAdd(form.Replace('\'', '\u2019'), id);
        }
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
    /// The lemma id of a phrase word: interns the word and points its regular inflections at it, so
    /// "cancel" in a phrase also matches "cancelled". A form already known as a base word keeps its own lemma.
    /// </summary>
    public int InternLemma(string word)
    {
        int lemma = Intern(word);
        if (_phraseWords.Add(lemma))
        {
            Update(lemma, (ref WordEntry e) => e.Lemma = lemma);
            foreach (string form in Inflections.Of(word))
            {
                int formId = Intern(form);
                // first base to claim a form keeps it; a form that is itself a phrase word stays its own
                if (!_phraseWords.Contains(formId) && this[formId].Lemma == formId)
                {
                    Update(formId, (ref WordEntry e) => e.Lemma = lemma);
                }
            }
        }
        return lemma;
    }

    public Vocabulary Build() => new(_ids, [.. _entries], [.. _forms]);
}
