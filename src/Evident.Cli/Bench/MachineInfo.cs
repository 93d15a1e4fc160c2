using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Evident.Text;

namespace Evident.Cli.Bench;

/// <summary>What a throughput figure depends on, printed beside it.</summary>
/// <param name="Build"><c>Release</c>, or <c>Debug</c> when the engine runs without JIT optimisation.</param>
public sealed record MachineInfo(int ProcessorCount, string? Cpu, string OperatingSystem, string Architecture, string Runtime, string Build)
{
    public static MachineInfo Current()
    {
        bool debug = typeof(TextAnalyzer).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
        return new MachineInfo(
            Environment.ProcessorCount,
            ReadField("/proc/cpuinfo", "model name", ':'),
            // The distribution's own name: on Linux the runtime describes only the kernel.
            ReadField("/etc/os-release", "PRETTY_NAME", '=') ?? RuntimeInformation.OSDescription,
            RuntimeInformation.OSArchitecture.ToString(),
            RuntimeInformation.FrameworkDescription,
            debug ? "Debug" : "Release");
    }

    /// <summary>One line: <c>2 processors (Intel …), Debian GNU/Linux 13 X64, .NET 10.0.1, Release build</c>.</summary>
    public string Describe()
    {
        string cpu = Cpu is null ? "" : $" ({Cpu})";
        return $"{ProcessorCount} {(ProcessorCount == 1 ? "processor" : "processors")}{cpu}, {OperatingSystem} {Architecture}, {Runtime}, {Build} build";
    }

    /// <summary>The value of the first <c>key SEPARATOR value</c> line, unquoted; <c>null</c> when the file or key is absent.</summary>
    private static string? ReadField(string path, string key, char separator)
    {
        try
        {
            foreach (string line in File.ReadLines(path))
            {
                int at = line.IndexOf(separator, StringComparison.Ordinal);
                if (at > 0 && line[..at].Trim() == key)
                {
                    string value = line[(at + 1)..].Trim().Trim('"');
                    return value.Length > 0 ? value : null;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
