using System.CommandLine;

namespace Evident.Cli.Bench;

/// <summary><c>evident bench accuracy</c>: how far the engine's sentiment agrees with people, against the targets.</summary>
public static class BenchAccuracyCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "The folder holding vader/ (the four VADER ground-truth files) and uci-sentences/ (the UCI labelled "
                + "sentences). The benchmark reads the corpora only where it is told to: pass this, --sets, or both.",
            HelpName = "DIR",
        };
        var sets = new Option<string[]>("--sets")
        {
            Description = "Hand-labelled sets to score (theme TAB label TAB text a line, as tests/Evident.Text.Tests/Cases/probes/ "
                + "and bench/held-out/ hold them): files, or folders whose .tsv files are each a set. Each set reports its label "
                + "accuracy, its theme accuracy (an expected theme among those found) and its main-theme accuracy (the theme listed first).",
            HelpName = "FILE|DIR",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the results as JSON instead of a table.",
        };

        var ablate = new Option<bool>("--ablate")
        {
            Description = "Also score every corpus with each lexicon and rule beyond VADER left out, to show what each adds.",
        };

        var learnThemeOrder = new Option<bool>("--learn-theme-order")
        {
            Description = "With --sets: print the theme leads and the weak theme phrases learnt from the sets with the analyser as "
                + "built (the \"leads\" of themes.json and the lines of weak_theme_phrases.tsv; docs/language-engine.md, \"Main theme first\").",
        };

        var learnToneModel = new Option<bool>("--learn-tone-model")
        {
            Description = "With --sets: print the learnt tone and main-theme weights learnt from the sets, as src/Evident.Text/Lexicons/tone_model.tsv "
                + "holds them (docs/language-engine.md, \"The learnt tone\").",
        };

        var command = new Command("accuracy", "Measure sentiment against human ratings: Pearson r on the VADER corpora, "
            + "sign accuracy on the UCI sentences, each beside its target.")
        {
            data, sets, json, ablate, learnThemeOrder, learnToneModel,
        };
        command.SetAction(parse =>
        {
            var run = new BenchAccuracyRun(parse.GetValue(data), parse.GetValue(json), parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error)
            {
                Ablate = parse.GetValue(ablate), Sets = parse.GetValue(sets) ?? [], LearnThemeOrder = parse.GetValue(learnThemeOrder),
                LearnToneModel = parse.GetValue(learnToneModel),
            };
            return run.Execute();
        });
        return command;
    }
}
