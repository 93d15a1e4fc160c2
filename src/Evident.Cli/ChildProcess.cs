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
        // The apphost when this process is it; otherwise `dotnet evident.dll` (under `dotnet run`, or a test host).
        if (Path.GetFileNameWithoutExtension(host).Equals("evident", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = host;
        }
        else
        {
            start.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet
                : Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? host : "dotnet";
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
