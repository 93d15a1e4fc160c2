using Dapper;
using Evident.Store.Taxonomy;

namespace Evident.Store.Tests.Taxonomy;

/// <summary>The workspace's own themes: saved, read back, checked, removed, and the analyser they make.</summary>
public sealed class WorkspaceTaxonomyTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_new_theme_and_a_change_to_a_shipped_one_are_read_back_and_analysed(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var taxonomy = new WorkspaceTaxonomy(workspace);

        var parking = await taxonomy.SaveAsync(new ThemeEdit("parking", " Parking ", "Where to leave the car.", ["Car Park", "parking  space", "car park", ""]), "ana@example.org");
        var delivery = await taxonomy.SaveAsync(new ThemeEdit("delivery", "Deliveries", null, ["parcel shop"]), "ana@example.org");

        Assert.True(parking.Saved);
        Assert.True(delivery.Saved);
        Assert.Equal((1, 2), (parking.Version, delivery.Version));
        var themes = await taxonomy.LoadAsync();
        Assert.Equal(2, themes.Version);
        Assert.Equal(["delivery", "parking"], themes.Themes.Select(t => t.Id));
        var saved = themes.Themes[1];
        Assert.Equal(("Parking", "Where to leave the car.", "ana@example.org"), (saved.Name, saved.Description, saved.UpdatedBy));
        Assert.Equal(["car park", "parking space"], saved.Phrases); // normalised, repeats and blank lines dropped
        Assert.Null(themes.Themes[0].Description);

        var analyzer = WorkspaceAnalyzer.For(themes);
        var merged = analyzer.Lexicons.Taxonomy;
        var shippedDelivery = WorkspaceTaxonomy.Shipped.Find("delivery")!;
        Assert.Equal("Deliveries", merged.Find("delivery")!.Name);
        Assert.Equal(shippedDelivery.Description, merged.Find("delivery")!.Description);
        Assert.Equal([.. shippedDelivery.Phrases, "parcel shop"], merged.Find("delivery")!.Phrases);
        var found = analyzer.Analyze("The car park was full, so I collected it from the parcel shop.").Themes.Select(t => t.Id).ToList();
        Assert.Contains("parking", found);
        Assert.Contains("delivery", found);
        Assert.Same(analyzer, await WorkspaceAnalyzer.LoadAsync(workspace));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_theme_with_problems_is_not_saved_and_each_problem_names_its_field_and_phrase(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var taxonomy = new WorkspaceTaxonomy(workspace);

        var save = await taxonomy.SaveAsync(new ThemeEdit("Roaming Charges", "", null, ["roaming charge", "4g signal", "* abroad", "bill, abroad", "#"]), null);

        Assert.False(save.Saved);
        Assert.Contains(save.Problems, p => p.Field == "id" && p.Message.Contains("'Roaming Charges' is not an id", StringComparison.Ordinal));
        Assert.Contains(save.Problems, p => p.Field == "name" && p.Message.Contains("a name is required", StringComparison.Ordinal));
        Assert.Contains(save.Problems, p => p.Field == "phrases" && p.Message.StartsWith("\"4g signal\": digits", StringComparison.Ordinal));
        Assert.Contains(save.Problems, p => p.Field == "phrases" && p.Message.StartsWith("\"* abroad\": a phrase cannot start with *", StringComparison.Ordinal));
        Assert.Contains(save.Problems, p => p.Field == "phrases" && p.Message.StartsWith("\"bill, abroad\": ','", StringComparison.Ordinal));
        Assert.Contains(save.Problems, p => p.Field == "phrases" && p.Message.StartsWith("\"#\": a phrase needs at least one word", StringComparison.Ordinal));
        Assert.DoesNotContain(save.Problems, p => p.Message.Contains("roaming charge\"", StringComparison.Ordinal));

        var none = await taxonomy.SaveAsync(new ThemeEdit("roaming", "Roaming", null, [" ", ""]), null);
        Assert.Contains(none.Problems, p => p.Field == "phrases" && p.Message.Contains("at least one phrase", StringComparison.Ordinal));
        var shippedAlready = await taxonomy.SaveAsync(new ThemeEdit("delivery", null, null, ["click and collect"]), null);
        Assert.Contains(shippedAlready.Problems, p => p.Field == "phrases" && p.Message.Contains("\"click and collect\" already", StringComparison.Ordinal));

        Assert.Equal(0, await taxonomy.VersionAsync());
        Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workspace_theme"));
        Assert.Same(Text.TextAnalyzer.Default, await WorkspaceAnalyzer.LoadAsync(workspace));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Saving_replaces_the_theme_and_removing_it_brings_back_the_shipped_taxonomy(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"]), null);

        await taxonomy.SaveAsync(new ThemeEdit("parking", "Car parking", null, ["multi storey"]), null);
        var replaced = Assert.Single((await taxonomy.LoadAsync()).Themes);
        Assert.Equal("Car parking", replaced.Name);
        Assert.Equal(["multi storey"], replaced.Phrases);

        Assert.True(await taxonomy.RemoveAsync("parking"));
        Assert.False(await taxonomy.RemoveAsync("parking"));
        var after = await taxonomy.LoadAsync();
        Assert.Empty(after.Themes);
        Assert.Equal(3, after.Version);
        Assert.Same(Text.TextAnalyzer.Default, WorkspaceAnalyzer.For(after));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Exceptions_are_saved_read_back_and_keep_the_theme_out_of_the_phrases_they_hold(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        const string text = "The car park at the station was full, so I left it in the parking space at home.";
        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"]), null);
        var before = WorkspaceAnalyzer.For(await taxonomy.LoadAsync());
        Assert.Equal(2, before.Analyze(text).Themes.Single(t => t.Id == "parking").Evidence.Count);

        var save = await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"])
        {
            Except = ["Parking Space at Home", "parking space at home", " "],
        }, null);

        Assert.True(save.Saved);
        var themes = await taxonomy.LoadAsync();
        var parking = Assert.Single(themes.Themes);
        Assert.Equal(["parking space at home"], parking.Except); // normalised, repeats and blanks dropped
        Assert.NotEqual(WorkspaceThemesWithout(themes).Fingerprint, themes.Fingerprint);
        var after = WorkspaceAnalyzer.For(themes);
        var found = after.Analyze(text).Themes.Single(t => t.Id == "parking").Evidence.Single().Span;
        Assert.Equal("car park", text.Substring(found.Start, found.Length));
        Assert.DoesNotContain(after.Analyze("I left it in the parking space at home.").Themes, t => t.Id == "parking");

        // Saved again without exceptions, the column goes back to null and the theme to its two matches.
        await taxonomy.SaveAsync(new ThemeEdit("parking", "Parking", null, ["car park", "parking space"]), null);
        Assert.Null(await workspace.Connection.ExecuteScalarAsync<string?>("SELECT exceptions FROM workspace_theme"));
        Assert.Empty(Assert.Single((await taxonomy.LoadAsync()).Themes).Except);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_shipped_theme_may_gain_exceptions_alone_and_a_bad_exception_is_named(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        const string text = "Our train was delayed again.";
        Assert.Contains(Text.TextAnalyzer.Default.Analyze(text).Themes, t => t.Id == "delay");

        var bad = await taxonomy.SaveAsync(new ThemeEdit("delay", null, null, []) { Except = ["delay", "train, delay", "train ... delay"] }, null);
        Assert.False(bad.Saved);
        Assert.Contains(bad.Problems, p => p.Field == "except" && p.Message.StartsWith("\"delay\" is one of the theme's phrases", StringComparison.Ordinal));
        Assert.Contains(bad.Problems, p => p.Field == "except" && p.Message.StartsWith("\"train, delay\": ','", StringComparison.Ordinal));
        Assert.DoesNotContain(bad.Problems, p => p.Message.Contains("train ... delay", StringComparison.Ordinal));
        Assert.Equal(0, await taxonomy.VersionAsync());

        var save = await taxonomy.SaveAsync(new ThemeEdit("delay", null, null, []) { Except = ["train ... delay"] }, null);
        Assert.True(save.Saved, string.Join("; ", save.Problems.Select(p => p.Message)));
        var themes = await taxonomy.LoadAsync();
        var merged = WorkspaceAnalyzer.For(themes).Lexicons.Taxonomy.Find("delay")!;
        Assert.Equal([.. WorkspaceTaxonomy.Shipped.Find("delay")!.Except, "train ... delay"], merged.Except);
        Assert.Equal(WorkspaceTaxonomy.Shipped.Find("delay")!.Phrases, merged.Phrases);
        Assert.DoesNotContain(WorkspaceAnalyzer.For(themes).Analyze(text).Themes, t => t.Id == "delay");
        Assert.Contains(WorkspaceAnalyzer.For(themes).Analyze("The parcel was delayed again.").Themes, t => t.Id == "delay");
    }

    private static WorkspaceThemes WorkspaceThemesWithout(WorkspaceThemes themes) =>
        themes with { Themes = [.. themes.Themes.Select(t => t with { Except = [] })] };
}
