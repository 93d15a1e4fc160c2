namespace Evident.Text.Search;

/// <summary>
/// Snowball's English stemmer (Porter2, https://snowballstem.org/algorithms/english/stemmer.html), the one PostgreSQL's
/// 'english' text-search configuration applies: "waited", "waiting" and "waits" all become "wait". Written here because
/// no package served to this build offers it, and the store computes its search words itself (see
/// <see cref="SearchWords"/>); a store test checks it against PostgreSQL's own <c>english_stem</c> dictionary.
/// </summary>
public static class EnglishStemmer
{
    /// <summary>The stem of <paramref name="word"/>, which must be lower case; words of one or two letters are kept.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        if (Exception1(word) is string exception)
        {
            return exception;
        }

        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
        word.AsSpan().CopyTo(buffer);
        var w = new Word(buffer, word.Length);
        w.Run();
        return w.Length == word.Length && buffer[..w.Length].SequenceEqual(word) ? word : new string(buffer[..w.Length]);
    }

    private static string? Exception1(string word) => word switch
    {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" or "news" or "howe" or "atlas" or "cosmos" or "bias" or "andes" => word,
        _ => null,
    };

    /// <summary>The word being stemmed: its letters (a 'Y' marks a y that acts as a consonant), its length, and the
    /// starts of the regions R1 and R2 that most suffixes must lie in.</summary>
    private ref struct Word(Span<char> letters, int length)
    {
        private readonly Span<char> _b = letters;
        private int _p1;
        private int _p2;

        public int Length { get; private set; } = length;

        public void Run()
        {
            MarkConsonantY();
            MarkRegions();
            Step1a();
            if (IsException2())
            {
                Unmark();
                return;
            }

            Step1b();
            Step1c();
            Step2();
            Step3();
            Step4();
            Step5();
            Unmark();
        }

        private readonly bool IsException2() => _b[..Length] switch
        {
            "inning" or "outing" or "canning" or "herring" or "earring" or "proceed" or "exceed" or "succeed" => true,
            _ => false,
        };

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        private readonly bool VowelAt(int i) => IsVowel(_b[i]);

        private void MarkConsonantY()
        {
            if (_b[0] == 'y')
            {
                _b[0] = 'Y';
            }

            for (int i = 1; i < Length; i++)
            {
                if (_b[i] == 'y' && VowelAt(i - 1))
                {
                    _b[i] = 'Y';
                }
            }
        }

        private readonly void Unmark()
        {
            for (int i = 0; i < Length; i++)
            {
                if (_b[i] == 'Y')
                {
                    _b[i] = 'y';
                }
            }
        }

        private void MarkRegions()
        {
            ReadOnlySpan<char> w = _b[..Length];
            if (w.StartsWith("gener") || w.StartsWith("arsen"))
            {
                _p1 = 5;
            }
            else if (w.StartsWith("commun"))
            {
                _p1 = 6;
            }
            else
            {
                _p1 = RegionAfter(0);
            }

            _p2 = RegionAfter(_p1);
        }

        /// <summary>The position after the first non-vowel that follows a vowel, from <paramref name="from"/> on.</summary>
        private readonly int RegionAfter(int from)
        {
            int i = from;
            while (i < Length && !VowelAt(i))
            {
                i++;
            }

            while (i < Length && VowelAt(i))
            {
                i++;
            }

            return i < Length ? i + 1 : Length;
        }

        private readonly bool Ends(string suffix) => _b[..Length].EndsWith(suffix);

        private readonly int StartOf(string suffix) => Length - suffix.Length;

        private void Replace(string suffix, string with)
        {
            int start = StartOf(suffix);
            with.AsSpan().CopyTo(_b[start..]);
            Length = start + with.Length;
        }

        private void Delete(string suffix) => Length -= suffix.Length;

        /// <summary>Whether the letters before <paramref name="end"/> hold a vowel.</summary>
        private readonly bool HasVowelBefore(int end)
        {
            for (int i = 0; i < end; i++)
            {
                if (VowelAt(i))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the word up to <paramref name="end"/> ends in a short syllable: a non-vowel, a vowel and a
        /// non-vowel other than w, x or Y; or, as the whole word, a vowel then a non-vowel.</summary>
        private readonly bool ShortSyllableEndingAt(int end)
        {
            if (end >= 3)
            {
                char last = _b[end - 1];
                if (!IsVowel(last) && last is not ('w' or 'x' or 'Y') && VowelAt(end - 2) && !VowelAt(end - 3))
                {
                    return true;
                }
            }

            return end == 2 && VowelAt(0) && !VowelAt(1);
        }

        private void Step1a()
        {
            if (Ends("sses"))
            {
                Replace("sses", "ss");
            }
            else if (Ends("ied") || Ends("ies"))
            {
                Replace("ies", Length - 3 > 1 ? "i" : "ie"); // "ied" the same length
            }
            else if (Ends("us") || Ends("ss"))
            {
                // Kept.
            }
            else if (Ends("s") && HasVowelBefore(Length - 2))
            {
                Delete("s");
            }
        }

        private void Step1b()
        {
            string? suffix = Ends("eedly") ? "eedly" : Ends("eed") ? "eed" : null;
            if (suffix is not null)
            {
                if (StartOf(suffix) >= _p1)
                {
                    Replace(suffix, "ee");
                }

                return;
            }

            suffix = Ends("ingly") ? "ingly" : Ends("edly") ? "edly" : Ends("ing") ? "ing" : Ends("ed") ? "ed" : null;
            if (suffix is null || !HasVowelBefore(StartOf(suffix)))
            {
                return;
            }

            Delete(suffix);
            if (Ends("at") || Ends("bl") || Ends("iz"))
            {
                Append('e');
            }
            else if (Length >= 2 && _b[Length - 1] == _b[Length - 2] && _b[Length - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                Length--;
            }
            else if (_p1 == Length && ShortSyllableEndingAt(Length))
            {
                Append('e');
            }
        }

        private void Append(char c)
        {
            _b[Length] = c;
            Length++;
        }

        private void Step1c()
        {
            if (Length > 2 && _b[Length - 1] is 'y' or 'Y' && !VowelAt(Length - 2))
            {
                _b[Length - 1] = 'i';
            }
        }

        private static readonly (string Suffix, string With)[] s_step2 =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
            ("ization", "ize"), ("izer", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
            ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"),
            ("biliti", "ble"), ("bli", "ble"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
        ];

        private static readonly (string Suffix, string With)[] s_step3 =
        [
            ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
            ("ful", ""), ("ness", ""), ("ative", ""),
        ];

        private static readonly (string Suffix, string With)[] s_step4 =
        [
            ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""),
            ("ement", ""), ("ment", ""), ("ent", ""), ("ism", ""), ("ate", ""), ("iti", ""), ("ous", ""), ("ive", ""),
            ("ize", ""), ("ion", ""),
        ];

        /// <summary>The longest of <paramref name="suffixes"/> the word ends with and where it starts, as Snowball's
        /// <c>among</c> picks it: when that one's conditions fail, no shorter one is tried.</summary>
        private readonly (string Suffix, string With, int Start)? Longest((string Suffix, string With)[] suffixes)
        {
            int best = -1;
            for (int i = 0; i < suffixes.Length; i++)
            {
                if (Ends(suffixes[i].Suffix) && (best < 0 || suffixes[i].Suffix.Length > suffixes[best].Suffix.Length))
                {
                    best = i;
                }
            }

            return best < 0 ? null : (suffixes[best].Suffix, suffixes[best].With, StartOf(suffixes[best].Suffix));
        }

        /// <summary>The letter before position <paramref name="start"/>, or none at the word's start.</summary>
        private readonly char Before(int start) => start > 0 ? _b[start - 1] : '\0';

        private void Step2()
        {
            if (Longest(s_step2) is not var (suffix, with, start) || start < _p1
                || (suffix == "ogi" && Before(start) != 'l')
                || (suffix == "li" && Before(start) is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')))
            {
                return;
            }

            Replace(suffix, with);
        }

        private void Step3()
        {
            if (Longest(s_step3) is not var (suffix, with, start) || start < _p1 || (suffix == "ative" && start < _p2))
            {
                return;
            }

            Replace(suffix, with);
        }

        private void Step4()
        {
            if (Longest(s_step4) is not var (suffix, _, start) || start < _p2 || (suffix == "ion" && Before(start) is not ('s' or 't')))
            {
                return;
            }

            Delete(suffix);
        }

        private void Step5()
        {
            int last = Length - 1;
            if (_b[last] == 'e')
            {
                if (last >= _p2 || (last >= _p1 && !ShortSyllableEndingAt(last)))
                {
                    Length--;
                }
            }
            else if (_b[last] == 'l' && last >= _p2 && last > 0 && _b[last - 1] == 'l')
            {
                Length--;
            }
        }
    }
}
