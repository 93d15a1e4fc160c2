using System.Buffers;
using System.Text.Json;
using System.Text.Encodings.Web;
using Evident.Core.Input;
using Evident.Text;

namespace Evident.Cli.Analyze;

/// <summary>Turns one input row into one line of JSON: its analysis, or an error object in its place.</summary>
/// <param name="analyse">The language engine; called from many threads at once.</param>
internal sealed class RowAnalyzer(Func<string, TextAnalysis> analyse, int textColumn, string textColumnName)
{
    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        // Keeps non-ASCII text readable; the output is JSON Lines, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A writer per worker thread, reused across its rows.</summary>
    public sealed class Buffer : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(4096);

        public Buffer() => Json = new Utf8JsonWriter(_bytes, s_jsonOptions);

        public Utf8JsonWriter Json { get; }

        public void Clear()
        {
            Json.Reset();
            _bytes.ResetWrittenCount();
        }

        /// <summary>The row's JSON followed by a newline.</summary>
        public byte[] ToLine()
        {
            Json.Flush();
            byte[] line = new byte[_bytes.WrittenCount + 1];
            _bytes.WrittenSpan.CopyTo(line);
            line[^1] = (byte)'\n';
            return line;
        }

        public void Dispose() => Json.Dispose();
    }

    /// <returns>The row's JSON line and, when the row failed, why.</returns>
    public (byte[] Line, InputError? Error) Analyse(in InputRow row, Buffer buffer)
    {
        buffer.Clear();
        var error = TextColumn.SelectText(row, textColumn, textColumnName, out string text);
        if (error is null)
        {
            try
            {
                AnalysisJson.WriteAnalysis(buffer.Json, row, text, analyse(text));
                return (buffer.ToLine(), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One text that trips the engine must not cost the other rows.
                error = new InputError(row.Line, null, $"analysis failed: {exception.GetType().Name}: {exception.Message}");
                buffer.Clear();
            }
        }

        AnalysisJson.WriteError(buffer.Json, row.Index, error);
        return (buffer.ToLine(), error);
    }
}
