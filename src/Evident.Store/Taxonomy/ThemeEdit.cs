using System.Text.RegularExpressions;
using Evident.Text.Phrases;
using Evident.Text.Themes;

namespace Evident.Store.Taxonomy;

/// <summary>A problem with one field of a theme being saved: <c>id</c>, <c>name</c>, <c>description</c> or <c>phrases</c>.</summary>
public sealed record ThemeProblem(string Field, string Message);

/// <summary>
/// A theme as a person submits it (the taxonomy page, <c>evident themes add</c>): a new theme, or an edit of a shipped
/// one, whose name and description may be left empty to keep the shipped ones. <see cref="Check"/> normalises it.
/// </summary>
public sealed partial record ThemeEdit(string Id, string? Name, string? Description, IReadOnlyList<string> Phrases)
{
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

        var phrases = new List<string>();
        var alreadyShipped = new List<string>();
        var seen = new HashSet<string>(shippedTheme?.Phrases ?? [], StringComparer.Ordinal);
        foreach (string raw in Phrases ?? [])
        {
            string phrase = PhraseSyntax.Normalise(raw ?? "");
            if (phrase.Length == 0)
            {
                continue;
            }

            if (PhraseSyntax.Problem(phrase) is string problem)
            {
                problems.Add(new("phrases", $"\"{Shorten(phrase)}\": {problem}"));
            }
            else if (seen.Add(phrase))
            {
                phrases.Add(phrase);
            }
            else if (shippedTheme?.Phrases.Contains(phrase) == true)
            {
                alreadyShipped.Add(phrase);
            }
        }

        if (phrases.Count > MaxPhrases)
        {
            problems.Add(new("phrases", $"more than {MaxPhrases} phrases"));
        }

        if (phrases.Count == 0 && !problems.Exists(p => p.Field == "phrases"))
        {
            if (shippedTheme is null)
            {
                problems.Add(new("phrases", "at least one phrase is required (one per line): a comment has the theme when it holds one of them"));
            }
            else if (name is null && description is null)
            {
                problems.Add(new("phrases", alreadyShipped.Count > 0
                    ? $"{shippedTheme.Id} has {string.Join(", ", alreadyShipped.Select(p => $"\"{Shorten(p)}\""))} already: add a phrase it does not have yet, or give a name or description"
                    : $"nothing to change: add a phrase {shippedTheme.Id} does not have yet, or give a name or description"));
            }
        }

        return (new ThemeEdit(id, name, description, phrases), problems);
    }

    private static string Shorten(string phrase) => phrase.Length <= 60 ? phrase : phrase[..57] + "…";

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
