using System.Collections;
using System.Runtime.InteropServices;

namespace Evident.Cli;

/// <summary>
/// Gives the process a 48 MB young generation (gen0 budget) by starting it again, in place, with
/// <c>DOTNET_GCgen0size</c> set. The workstation collector sizes its gen0 budget from the processor's cache and caps it
/// at 6 MB when it runs concurrently; an import's rows stay alive across its stages for a few chunks (about 2.6 KB of
/// objects a row), so with that budget nearly every row was copied by one or two collections before it was written
/// (about 490 gen0 and 160 gen1 collections and 3 s of pauses per million rows, during which the single SQLite writer
/// stands still). With 48 MB: about 70 and 70 and 2.3 s with 8,192-row chunks, a 1M-row first import 1–2 s faster for
/// about 25 MiB more at its peak; with the 2,048-row chunks since, about 60 and 50 and 1 s (docs/benchmarks.md).
/// <para>
/// The runtime reads this setting only from the environment (not from <c>runtimeconfig.json</c>), and only at start,
/// hence <c>execve</c>: the same process id, arguments, standard streams and signals, a new runtime. Linux only (it
/// reads its own command line from <c>/proc/self/cmdline</c>); elsewhere, or when the variable is already set (by the
/// user, or by this on the first start), the process simply goes on. Only the verbs that move many rows or texts
/// restart: a second start costs about 60 ms, which a quick <c>status</c> need not pay.
/// </para>
/// </summary>
internal static partial class YoungGeneration
{
    internal const string Variable = "DOTNET_GCgen0size";

    /// <summary>48 MiB, in hexadecimal as the runtime reads it.</summary>
    internal const string Budget = "0x3000000";

    private static readonly HashSet<string> s_bulkVerbs = ["import", "demo", "analyze", "bench"];

    /// <summary>Restarts the process with <see cref="Variable"/> set when <paramref name="args"/> name a bulk verb and the
    /// variable is not set yet; returns only when it does not restart.</summary>
    public static void Ensure(string[] args)
    {
        if (!OperatingSystem.IsLinux() || args.Length == 0 || !s_bulkVerbs.Contains(args[0]) || Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return;
        }

        string[] arguments;
        try
        {
            arguments = File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0');
        }
        catch (IOException)
        {
            return;
        }

        var environment = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment.Add($"{entry.Key}={entry.Value}");
        }

        environment.Add($"{Variable}={Budget}");
        RemoveDiagnosticsSocket();
        Exec("/proc/self/exe", arguments, environment);
    }

    /// <summary>
    /// The runtime listens for diagnostic tools on <c>TMPDIR/dotnet-diagnostic-PID-START-socket</c> and removes it at
    /// exit; <c>execve</c> skips that exit, and the new runtime (same process id and start time, so the same name) could
    /// not take the address and would leave the file behind. Removed first, the new runtime makes and removes its own.
    /// </summary>
    private static void RemoveDiagnosticsSocket()
    {
        try
        {
            foreach (string socket in Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-*-socket"))
            {
                File.Delete(socket);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Diagnostics are a convenience: without the file removed, the restart only leaves it behind.
        }
    }

    private static void Exec(string path, IReadOnlyList<string> arguments, IReadOnlyList<string> environment)
    {
        var argv = ToUtf8Array(arguments);
        var envp = ToUtf8Array(environment);
        try
        {
            _ = execve(path, argv, envp); // returns only on failure; the process then runs on as it started
        }
        finally
        {
            Free(argv);
            Free(envp);
        }
    }

    /// <summary>A null-terminated array of UTF-8 strings, as <c>execve</c> takes them.</summary>
    private static nint[] ToUtf8Array(IReadOnlyList<string> strings)
    {
        var array = new nint[strings.Count + 1];
        for (int i = 0; i < strings.Count; i++)
        {
            array[i] = Marshal.StringToCoTaskMemUTF8(strings[i]);
        }

        return array;
    }

    private static void Free(nint[] array)
    {
        foreach (nint pointer in array)
        {
            Marshal.FreeCoTaskMem(pointer);
        }
    }

    [LibraryImport("libc", EntryPoint = "execve", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int execve(string path, nint[] argv, nint[] envp);
}
