using System.Text.Json;

namespace Evident.Text.Themes;

/// <summary>One theme of the customer-experience taxonomy and the phrases that reveal it.</summary>
public sealed record Theme(string Id, string Name, string Description, IReadOnlyList<string> Phrases)
{
    /// <summary>
    /// Longer phrases in which this theme's phrases do not count: "no complaints" is praise, not complaint handling;
    /// "lunch break" is a time of day, not food.
    /// </summary>
    public IReadOnlyList<string> Except { get; init; } = [];

    /// <summary>
    /// Phrases that name this theme only when no theme is found by its phrases: "it didn't work", "having issues" say a
    /// product fails when nothing else is named, but "the app didn't work" is about the app, and "the refund didn't
    /// work" about the refund. <see cref="Except"/> applies to them too.
    /// </summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];

    /// <summary>
    /// How precise a complaint reason the theme names, from −1 to 1: 1 for a reason in itself (a refund, fraud, a lost
    /// bag), −1 for the area a problem happens in (billing, the app, the delivery), 0 between. When a text names several
    /// themes, the analysis lists them main one first: four points per passage naming the theme, plus this, less one for
    /// each theme named earlier in the text (<see cref="ThemeFinder"/>).
    /// </summary>
    public int Specificity { get; init; }

    /// <summary>
    /// The themes this one leads when a text names both and the other came first by <see cref="ThemeFinder"/>'s points:
    /// a refund asked for after a delay is about the refund, fraud found on a bill is about the fraud. Each pair is one the
    /// probe sets' readers put this way at least six times and more than four times as often as the other way
    /// (docs/language-engine.md, "Main theme").
    /// </summary>
    public IReadOnlyList<string> Leads { get; init; } = [];
}

/// <summary>
/// The theme taxonomy, read from JSON: <c>{"themes": [{"id", "name", "description", "phrases": […], "except": […], "fallback": […], "specificity", "leads": […]}]}</c>.
/// A workspace extends the shipped one with a file of the same shape.
/// </summary>
public sealed class ThemeTaxonomy
{
    /// <summary><see cref="Theme.Leads"/> by the themes' indexes: [lead × count + over]; a lead naming no theme here is dropped.</summary>
    private readonly bool[] _leads;

    private ThemeTaxonomy(IReadOnlyList<Theme> themes)
    {
        Themes = themes;
        ByIndex = [.. themes];
        _leads = new bool[themes.Count * themes.Count];
        for (int t = 0; t < themes.Count; t++)
        {
            foreach (string over in themes[t].Leads)
            {
                if (IndexOf(over) is int o and >= 0)
                {
                    _leads[t * themes.Count + o] = true;
                }
            }
        }
    }

    /// <summary>Whether theme <paramref name="lead"/> states that it leads <paramref name="over"/> (<see cref="Theme.Leads"/>),
    /// whether or not this taxonomy holds <paramref name="over"/> (an extension may lead a shipped theme).</summary>
    public bool LeadsOver(string lead, string over) => Find(lead) is { } theme && theme.Leads.Contains(over);

    /// <summary>Whether the theme at index <paramref name="lead"/> leads the one at <paramref name="over"/>, both in
    /// <see cref="Themes"/>: the analysis asks this for every text that names two themes.</summary>
    internal bool LeadsOver(int lead, int over) => _leads[lead * Themes.Count + over];

    private int IndexOf(string id)
    {
        for (int t = 0; t < Themes.Count; t++)
        {
            if (Themes[t].Id == id)
            {
                return t;
            }
        }
        return -1;
    }

    public IReadOnlyList<Theme> Themes { get; }

    /// <summary><see cref="Themes"/> as an array, for the theme finder's reads per hit (an array's indexer is no interface call).</summary>
    internal Theme[] ByIndex { get; }

    /// <summary>A taxonomy of the given themes, as they are (a workspace's, read from its store).</summary>
    public static ThemeTaxonomy Of(IEnumerable<Theme> themes) => new([.. themes]);

    /// <summary>The theme with this id, or null.</summary>
    public Theme? Find(string id) => IndexOf(id) is int t and >= 0 ? Themes[t] : null;

    public static ThemeTaxonomy Parse(string json, string sourceName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!doc.RootElement.TryGetProperty("themes", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{sourceName}: expected an object with a \"themes\" array.");
            }
            var themes = new List<Theme>();
            int index = 0;
            foreach (var item in array.EnumerateArray())
            {
                string id = RequiredString(item, "id", sourceName, index);
                string name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : id;
                string description = item.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
                themes.Add(new Theme(id, name, description, Strings(item, "phrases"))
                {
                    Except = Strings(item, "except"),
                    Fallback = Strings(item, "fallback"),
                    Specificity = Specificity(item, sourceName, index),
                    Leads = Strings(item, "leads"),
                });
                index++;
            }
            return new ThemeTaxonomy(themes);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{sourceName}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not valid JSON ({e.Message})", e);
        }
    }

    private static List<string> Strings(JsonElement item, string property)
    {
        var strings = new List<string>();
        if (item.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in list.EnumerateArray())
            {
                if (p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString()))
                {
                    strings.Add(p.GetString()!.Trim());
                }
            }
        }
        return strings;
    }

    private static int Specificity(JsonElement item, string sourceName, int index)
    {
        if (!item.TryGetProperty("specificity", out var v))
        {
            return 0;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int specificity) || specificity is < -1 or > 1)
        {
            throw new FormatException($"{sourceName}: theme #{index + 1} has \"specificity\" {v.GetRawText()}; expected -1, 0 or 1.");
        }
        return specificity;
    }

    private static string RequiredString(JsonElement item, string property, string sourceName, int index)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
        {
            return s;
        }
        throw new FormatException($"{sourceName}: theme #{index + 1} needs a non-empty \"{property}\".");
    }

    /// <summary>
    /// Adds the other taxonomy's themes. For an id already here, its phrases (exceptions, fallbacks) are appended, and the name and description
    /// it states replace these (a name equal to the id, or an empty description, is one not stated: see <see cref="Parse"/>).
    /// </summary>
    public ThemeTaxonomy Extend(ThemeTaxonomy other)
    {
        var merged = Themes.ToList();
        foreach (var theme in other.Themes)
        {
            int at = merged.FindIndex(t => t.Id == theme.Id);
            if (at < 0)
            {
                merged.Add(theme);
            }
            else
            {
                var existing = merged[at];
                merged[at] = existing with
                {
                    Name = theme.Name.Length > 0 && theme.Name != theme.Id ? theme.Name : existing.Name,
                    Description = theme.Description.Length > 0 ? theme.Description : existing.Description,
                    Phrases = [.. existing.Phrases, .. theme.Phrases],
                    Except = [.. existing.Except, .. theme.Except],
                    Fallback = [.. existing.Fallback, .. theme.Fallback],
                    Leads = [.. existing.Leads, .. theme.Leads],
                };
            }
        }
        return new ThemeTaxonomy(merged);
    }
}
