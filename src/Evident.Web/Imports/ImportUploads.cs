using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Evident.Core.Input;
using Evident.Store;
using Evident.Web.Data;

namespace Evident.Web.Imports;

/// <summary>
/// Where uploaded files wait between their preview and their import, and where each run's rejects file is kept: a
/// folder beside a SQLite workspace (<c>evident.db-imports</c>), else one per database in the temp folder. An upload
/// is stored under a random name the server chooses (the client's name is only ever shown, never a path), with the
/// extension of its format so that it is read as <c>evident import</c> would read it.
/// </summary>
public sealed partial class ImportUploads(WorkspaceSource workspaces)
{
    /// <summary>The largest upload: Kestrel's 30 MB default is raised for the Imports page only.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>An upload never started is removed after this long.</summary>
    private static readonly TimeSpan s_keptFor = TimeSpan.FromDays(1);

    public string Folder { get; } = FolderFor(workspaces.Location);

    /// <summary>Stores <paramref name="content"/> and returns its id, which names it from now on.</summary>
    public async Task<string> SaveAsync(Stream content, string clientName, CancellationToken cancellation)
    {
        CreateFolder();
        RemoveStale();
        string extension = FormatDetection.FromExtension(clientName) switch
        {
            InputFormat.Csv => "csv",
            InputFormat.Tsv => "tsv",
            InputFormat.JsonLines => "jsonl",
            InputFormat.JsonArray => "json",
            InputFormat.Excel => "xlsx",
            // Neither named nor known: read by its first line, as the CLI reads such a file.
            _ => "txt",
        };
        string id = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{extension}";
        await using var file = new FileStream(Path.Combine(Folder, id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
        await content.CopyToAsync(file, cancellation);
        return id;
    }

    /// <summary>The stored file of an upload id that came back from a form: only a name this class made, in its folder.</summary>
    public bool TryResolve([NotNullWhen(true)] string? id, [NotNullWhen(true)] out string? path)
    {
        path = null;
        if (id is null || !UploadId().IsMatch(id))
        {
            return false;
        }

        string candidate = Path.GetFullPath(Path.Combine(Folder, id));
        if (Path.GetDirectoryName(candidate) != Folder || !File.Exists(candidate))
        {
            return false;
        }

        path = candidate;
        return true;
    }

    public void Delete(string id)
    {
        if (TryResolve(id, out string? path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The rows a run rejected, with line, column and reason (as <c>FILE.rejects.csv</c> from the CLI).</summary>
    public string RejectsPath(long runId) =>
        Path.Combine(Folder, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"run-{runId}.rejects.csv"));

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            // Uploads are the organisation's data: readable by the server's user only, as the workspace should be.
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Uploads previewed and never imported (an import removes its own when it ends).</summary>
    private void RemoveStale()
    {
        var before = DateTime.UtcNow - s_keptFor;
        foreach (string path in Directory.EnumerateFiles(Folder))
        {
            if (UploadId().IsMatch(Path.GetFileName(path)) && File.GetLastWriteTimeUtc(path) < before)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Being imported right now (open); the next upload tries again.
                }
            }
        }
    }

    private static string FolderFor(StoreLocation location)
    {
        if (location.Dialect == StoreDialect.Sqlite)
        {
            return Path.GetFullPath(location.Target + "-imports");
        }

        // Several databases may be served from one machine: each gets its own folder, named without its password.
        string database = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location.Display)))[..16];
        return Path.Combine(Path.GetTempPath(), "evident-imports", database);
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(csv|tsv|jsonl|json|xlsx|txt)$")]
    private static partial Regex UploadId();
}
