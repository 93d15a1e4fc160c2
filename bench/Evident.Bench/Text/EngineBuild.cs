using System.Buffers;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;

namespace Evident.Bench.Text;

/// <summary>
/// One build of the language engine (an <c>Evident.Text.dll</c>) loaded into an <see cref="AssemblyLoadContext"/> of its own,
/// so that two builds (this one and an older one) run side by side in one process and can be timed in alternating windows:
/// the machine's drift then falls on both alike (see <see cref="BuildComparison"/>).
/// </summary>
/// <remarks>
/// The two builds' types are distinct to the runtime, so the engine is called through delegates emitted for the loaded
/// assembly: the same one indirect call per text for both builds, which costs nothing next to a microsecond of analysis.
/// </remarks>
public sealed class EngineBuild
{
    private readonly Func<string, object> _analyze;
    private readonly Action<Utf8JsonWriter, string, object>? _writeJson;

    private EngineBuild(string path, string? commit, Func<string, double> sentiment, Func<string, object> analyze, Action<Utf8JsonWriter, string, object>? writeJson)
    {
        Path = path;
        Commit = commit;
        Sentiment = sentiment;
        _analyze = analyze;
        _writeJson = writeJson;
    }

    /// <summary>The assembly's full path.</summary>
    public string Path { get; }

    /// <summary>The commit the assembly was built from (from its informational version), or <c>null</c> when it does not say.</summary>
    public string? Commit { get; }

    /// <summary>The compound score of <c>TextAnalyzer.Default.ScoreSentiment</c>: the sentiment fast path.</summary>
    public Func<string, double> Sentiment { get; }

    /// <summary>Whether the build can write its full analysis as JSON (<c>TextAnalysisJson.Write</c>), so outputs can be compared.</summary>
    public bool WritesJson => _writeJson is not null;

    /// <summary><c>TextAnalyzer.Default.Analyze</c>: the full analysis, returned as an object of the build's own type.</summary>
    public object Analyze(string text) => _analyze(text);

    /// <summary>The full analysis as <c>evident analyze</c> writes it; <c>null</c> when the build cannot write it (<see cref="WritesJson"/>).</summary>
    public string? AnalysisJson(string text)
    {
        if (_writeJson is null)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            _writeJson(json, text, _analyze(text));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>An analyzer of this process as a build (two option sets can be compared the same way); <paramref name="label"/> stands for its path.</summary>
    internal static EngineBuild Of(Evident.Text.TextAnalyzer analyzer, string label) => new(
        label,
        null,
        text => analyzer.ScoreSentiment(text).Compound,
        analyzer.Analyze,
        (json, text, analysis) => Evident.Text.TextAnalysisJson.Write(json, text, (Evident.Text.TextAnalysis)analysis));

    /// <summary>This process's own engine, loaded again from its file so that it is called exactly as a build it is compared with.</summary>
    public static EngineBuild Current() => Load(typeof(Evident.Text.TextAnalyzer).Assembly.Location);

    /// <summary>
    /// Loads the engine from <paramref name="path"/>: an <c>Evident.Text.dll</c>, or a folder that holds one (a build's output folder).
    /// </summary>
    /// <exception cref="EngineBuildException">No such file, not an assembly, or no <c>Evident.Text.TextAnalyzer</c> in it.</exception>
    public static EngineBuild Load(string path)
    {
        string file = System.IO.Path.GetFullPath(Directory.Exists(path) ? System.IO.Path.Combine(path, "Evident.Text.dll") : path);
        if (!File.Exists(file))
        {
            throw new EngineBuildException(Directory.Exists(path)
                ? $"{path}: no Evident.Text.dll in this folder; give a build's output folder, e.g. src/Evident.Text/bin/Release/net10.0"
                : $"{path}: no such file");
        }

        Assembly assembly;
        try
        {
            assembly = new AssemblyLoadContext($"engine {file}").LoadFromAssemblyPath(file);
        }
        catch (BadImageFormatException)
        {
            throw new EngineBuildException($"{path}: not a .NET assembly; give the language engine's Evident.Text.dll or the folder a build wrote it to");
        }

        var analyzerType = assembly.GetType("Evident.Text.TextAnalyzer")
            ?? throw new EngineBuildException($"{path}: holds no Evident.Text.TextAnalyzer; give the language engine's Evident.Text.dll");
        object analyzer = analyzerType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new EngineBuildException($"{path}: its TextAnalyzer has no Default instance");

        var sentiment = (Func<string, double>)EmitSentiment(analyzerType).CreateDelegate(typeof(Func<string, double>), analyzer);
        var analyzeMethod = analyzerType.GetMethod("Analyze", [typeof(string)])
            ?? throw new EngineBuildException($"{path}: its TextAnalyzer has no Analyze(string)");
        var analyze = (Func<string, object>)EmitAnalyze(analyzerType, analyzeMethod).CreateDelegate(typeof(Func<string, object>), analyzer);
        var writeJson = assembly.GetType("Evident.Text.TextAnalysisJson")?.GetMethod("Write", [typeof(Utf8JsonWriter), typeof(string), analyzeMethod.ReturnType]);
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        int plus = version?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return new EngineBuild(
            file,
            plus >= 0 ? version![(plus + 1)..] : null,
            sentiment,
            analyze,
            writeJson is null ? null : (Action<Utf8JsonWriter, string, object>)EmitWriteJson(writeJson).CreateDelegate(typeof(Action<Utf8JsonWriter, string, object>)));
    }

    /// <summary>(analyzer, text) => analyzer.ScoreSentiment(text).Compound, for a ScoreSentiment taking a span or a string.</summary>
    private static DynamicMethod EmitSentiment(Type analyzerType)
    {
        var score = analyzerType.GetMethod("ScoreSentiment", [typeof(ReadOnlySpan<char>)]);
        var fromString = score is null ? null : typeof(string).GetMethod("op_Implicit", [typeof(string)]);
        score ??= analyzerType.GetMethod("ScoreSentiment", [typeof(string)])
            ?? throw new EngineBuildException($"{analyzerType.Assembly.Location}: its TextAnalyzer has no ScoreSentiment");
        var compound = score.ReturnType.GetProperty("Compound")?.GetMethod
            ?? throw new EngineBuildException($"{analyzerType.Assembly.Location}: its sentiment score has no Compound");

        var method = new DynamicMethod("Sentiment", typeof(double), [typeof(object), typeof(string)], typeof(EngineBuild).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var result = il.DeclareLocal(score.ReturnType);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, analyzerType);
        il.Emit(OpCodes.Ldarg_1);
        if (fromString is not null)
        {
            il.Emit(OpCodes.Call, fromString);
        }
        il.Emit(OpCodes.Callvirt, score);
        il.Emit(OpCodes.Stloc, result);
        il.Emit(OpCodes.Ldloca, result);
        il.Emit(OpCodes.Call, compound);
        il.Emit(OpCodes.Conv_R8);
        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>(analyzer, text) => analyzer.Analyze(text).</summary>
    private static DynamicMethod EmitAnalyze(Type analyzerType, MethodInfo analyze)
    {
        var method = new DynamicMethod("Analyze", typeof(object), [typeof(object), typeof(string)], typeof(EngineBuild).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, analyzerType);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Callvirt, analyze);
        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>(json, text, analysis) => TextAnalysisJson.Write(json, text, (TextAnalysis)analysis).</summary>
    private static DynamicMethod EmitWriteJson(MethodInfo write)
    {
        var method = new DynamicMethod("WriteJson", typeof(void), [typeof(Utf8JsonWriter), typeof(string), typeof(object)], typeof(EngineBuild).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Castclass, write.GetParameters()[2].ParameterType);
        il.Emit(OpCodes.Call, write);
        il.Emit(OpCodes.Ret);
        return method;
    }
}

/// <summary>A build of the engine that cannot be loaded or called; the message names the file and what to give instead.</summary>
public sealed class EngineBuildException(string message) : Exception(message);
