namespace Evident.Bench.Text;

/// <summary>
/// Sets of texts labelled by hand in the probe sets' format: one text a line, <c>theme TAB label TAB text</c>, where theme
/// is a theme id, <c>a|b</c> for any of them or <c>none</c>, and label is positive, neutral or negative; lines starting
/// with <c>#</c> and blank lines are skipped. The probe sets of the tests and the held-out sets of <c>bench/held-out/</c>
/// are such files.
/// </summary>
public static class LabelledSets
{
    private static readonly string[] s_labels = ["positive", "neutral", "negative"];

    /// <summary>The sets at <paramref name="path"/>: the file itself, or every <c>*.tsv</c> of the folder in name order.</summary>
    /// <exception cref="IOException">A path that does not exist, or a line not in the format, named by file and line.</exception>
    public static IReadOnlyList<(string Name, IReadOnlyList<LabelledTweet> Texts)> Load(string path)
    {
        string[] files = Directory.Exists(path)
            ? [.. Directory.GetFiles(path, "*.tsv").Order(StringComparer.Ordinal)]
            : File.Exists(path) ? [path] : throw new IOException($"{path}: no such file or folder; pass a .tsv set or a folder of them");
        if (files.Length == 0)
        {
            throw new IOException($"{path}: the folder holds no .tsv file");
        }
        return [.. files.Select(f => (Path.GetFileNameWithoutExtension(f), Read(f)))];
    }

    private static List<LabelledTweet> Read(string file)
    {
        var texts = new List<LabelledTweet>();
        int number = 0;
        foreach (string line in File.ReadLines(file))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            string[] f = line.Split('\t', 3);
            if (f.Length < 3 || f[0].Length == 0 || f[2].Trim().Length == 0)
            {
                throw new IOException($"{file}:{number}: expected theme TAB label TAB text, found {f.Length} field{(f.Length == 1 ? "" : "s")}");
            }
            if (!s_labels.Contains(f[1], StringComparer.Ordinal))
            {
                throw new IOException($"{file}:{number}: expected the label positive, neutral or negative in the second field, found \"{f[1]}\"");
            }
            texts.Add(new LabelledTweet($"{Path.GetFileName(file)}:{number}", f[2], f[0].Split('|'), f[1]));
        }
        return texts;
    }
}
