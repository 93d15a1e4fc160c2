using System.Diagnostics;

namespace Evident.Cli;

/// <summary>Starts this same <c>evident</c> as a child process (benchmarks measure a real command that way).</summary>
public static class ChildProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run as `dotnet evident.dll` when this process is the dotnet host, else as the apphost itself.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = host;
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }
        else
        {
            start.FileName = host;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
