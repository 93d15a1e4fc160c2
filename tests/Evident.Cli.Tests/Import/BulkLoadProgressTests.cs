using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Import;

/// <summary>
/// On PostgreSQL a first import builds the indexes it set aside after its last batch, which takes seconds over a large
/// file: the progress says so rather than sitting at 100 %. A later import, into tables that hold rows, sets none aside
/// (nor those of tables it does not fill).
/// </summary>
public sealed class BulkLoadProgressTests
{
    [SkippableFact]
    public async Task A_first_import_says_it_is_building_the_indexes_it_set_aside_and_a_second_does_not()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        using var folder = new TempFolder();
        string first = Path.Combine(folder.Path, "march.csv");
        string second = Path.Combine(folder.Path, "april.csv");
        await File.WriteAllTextAsync(first, "id,date,comment\n1,2025-03-01,I was on hold for 40 minutes.\n2,2025-03-02,Kind and helpful staff.\n");
        await File.WriteAllTextAsync(second, "id,date,comment\n1,2025-04-01,Still waiting for my refund.\n");

        var loaded = await CommandRunner.RunAsync(null, "import", first, "--kind", "feedback", "--db", target.Db);
        var added = await CommandRunner.RunAsync(null, "import", second, "--kind", "feedback", "--db", target.Db);

        Assert.Equal(0, loaded.ExitCode);
        // feedback's four secondary indexes (day, person, team, search), the theme rows' two and the friction rows' one,
        // and the theme and friction rows' primary keys; not those of the interaction, journey and communication tables,
        // which a feedback import does not fill
        Assert.Contains("march.csv: building the 9 indexes set aside while loading empty tables …", loaded.Stderr);
        Assert.Equal(0, added.ExitCode);
        Assert.DoesNotContain("building the", added.Stderr); // the first file's wait filled the friction table too
    }
}
