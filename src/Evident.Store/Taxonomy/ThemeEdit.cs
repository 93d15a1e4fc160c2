using System.Text.RegularExpressions;
using Evident.Text.Phrases;
using Evident.Text.Themes;

namespace Evident.Store.Taxonomy;

/// <summary>A problem with one field of a theme being saved: <c>id</c>, <c>name</c>, <c>description</c>, <c>phrases</c> or <c>except</c>.</summary>
public sealed record ThemeProblem(string Field, string Message);

/// <summary>
/// A theme as a person submits it (the taxonomy page, <c>evident themes add</c>): a new theme, or an edit of a shipped
/// one, whose name and description may be left empty to keep the shipped ones. <see cref="Check"/> normalises it.
/// </summary>
public sealed partial record ThemeEdit(string Id, string? Name, string? Description, IReadOnlyList<string> Phrases)
{
    /// <summary>
    /// Phrases inside which the theme's own phrases do not count ("no complaint" for a theme that matches "complaint"),
    /// as <c>except</c> in the shipped themes.json; for a shipped theme, added to its shipped exceptions.
    /// </summary>
    public IReadOnlyList<string> Except { get; init; } = [];

    public const int MaxIdLength = 60;
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxPhrases = 500;

    /// <summary>
    /// The edit normalised (trimmed, phrases in lower case with single spaces, repeats and shipped phrases dropped) and
    /// every problem found, each naming its field and, for a phrase, the phrase. Saved only when there is none.
    /// </summary>
    public (ThemeEdit Edit, IReadOnlyList<ThemeProblem> Problems) Check(ThemeTaxonomy shipped)
    {
        var problems = new List<ThemeProblem>();
        string id = (Id ?? "").Trim();
        string? name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        string? description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        var shippedTheme = shipped.Find(id);

        if (id.Length == 0)
        {
            problems.Add(new("id", "an id is required: lower-case words joined by hyphens, like roaming-charges"));
        }
        else if (id.Length > MaxIdLength || !Slug().IsMatch(id))
        {
            problems.Add(new("id", $"'{id}' is not an id: lower-case letters and digits in words joined by single hyphens (like roaming-charges), starting with a letter, at most {MaxIdLength} characters"));
        }

        if (name is null && shippedTheme is null)
        {
            problems.Add(new("name", "a name is required (what reports and pages call the theme)"));
        }
        else if (name is { Length: > MaxNameLength })
        {
            problems.Add(new("name", $"the name is longer than {MaxNameLength} characters"));
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            problems.Add(new("description", $"the description is longer than {MaxDescriptionLength} characters"));
        }

        var alreadyShipped = new List<string>();
        var phrases = Normalise(Phrases, shippedTheme?.Phrases, "phrases", problems, alreadyShipped);
        var except = Normalise(Except, shippedTheme?.Except, "except", problems, alreadyShipped: null);
        if (phrases.Count > MaxPhrases)
        {
            problems.Add(new("phrases", $"more than {MaxPhrases} phrases"));
        }

        foreach (string cancelled in except.Where(e => phrases.Contains(e) || shippedTheme?.Phrases.Contains(e) == true))
        {
            problems.Add(new("except", $"\"{Shorten(cancelled)}\" is one of the theme's phrases: as an exception it would cancel itself (an exception is a longer phrase, like \"no complaint\" for \"complaint\")"));
        }

        if (except.Count > MaxPhrases)
        {
            problems.Add(new("except", $"more than {MaxPhrases} exceptions"));
        }

        if (phrases.Count == 0 && !problems.Exists(p => p.Field == "phrases"))
        {
            if (shippedTheme is null)
            {
                problems.Add(new("phrases", "at least one phrase is required (one per line): a comment has the theme when it holds one of them"));
            }
            else if (name is null && description is null && except.Count == 0 && !problems.Exists(p => p.Field == "except"))
            {
                problems.Add(new("phrases", alreadyShipped.Count > 0
                    ? $"{shippedTheme.Id} has {string.Join(", ", alreadyShipped.Select(p => $"\"{Shorten(p)}\""))} already: add a phrase it does not have yet, or give a name or description"
                    : $"nothing to change: add a phrase {shippedTheme.Id} does not have yet, or give a name or description"));
            }
        }

        return (new ThemeEdit(id, name, description, phrases) { Except = except }, problems);
    }

    /// <summary>
    /// The phrases normalised (lower case, single spaces), without blanks, repeats and those <paramref name="shipped"/>
    /// holds already (listed in <paramref name="alreadyShipped"/> when given); a phrase the engine cannot read is a problem
    /// of <paramref name="field"/>.
    /// </summary>
    private static List<string> Normalise(IReadOnlyList<string>? raws, IReadOnlyList<string>? shipped, string field, List<ThemeProblem> problems, List<string>? alreadyShipped)
    {
        var normalised = new List<string>();
        var seen = new HashSet<string>(shipped ?? [], StringComparer.Ordinal);
        foreach (string raw in raws ?? [])
        {
            string phrase = PhraseSyntax.Normalise(raw ?? "");
            if (phrase.Length == 0)
            {
                continue;
            }

            if (PhraseSyntax.Problem(phrase) is string problem)
            {
                problems.Add(new(field, $"\"{Shorten(phrase)}\": {problem}"));
            }
            else if (seen.Add(phrase))
            {
                normalised.Add(phrase);
            }
            else if (shipped?.Contains(phrase) == true)
            {
                alreadyShipped?.Add(phrase);
            }
        }

        return normalised;
    }

    private static string Shorten(string phrase) => phrase.Length <= 60 ? phrase : phrase[..57] + "…";

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
