using System.Text.Json;
using Evident.Core.Input;
using Evident.Text;

namespace Evident.Cli.Analyze;

/// <summary>
/// Writes one row's analysis as one JSON object: its row and line, then the analysis as <see cref="TextAnalysisJson"/>
/// writes it (the same properties the API's audit answers).
/// </summary>
internal static class AnalysisJson
{
    public static void WriteAnalysis(Utf8JsonWriter json, in InputRow row, string text, TextAnalysis analysis)
    {
        json.WriteStartObject();
        json.WriteNumber("row"u8, row.Index);
        json.WriteNumber("line"u8, row.Line);
        TextAnalysisJson.WriteProperties(json, text, analysis);
        json.WriteEndObject();
    }

    /// <summary>Stands in for a row that failed, so that output row N still matches input row N.</summary>
    public static void WriteError(Utf8JsonWriter json, long rowIndex, InputError error)
    {
        json.WriteStartObject();
        json.WriteNumber("row"u8, rowIndex);
        json.WriteStartObject("error"u8);
        json.WriteNumber("line"u8, error.Line);
        if (error.Column is int column)
        {
            json.WriteNumber("column"u8, column);
        }
        else
        {
            json.WriteNull("column"u8);
        }

        json.WriteString("message"u8, error.Message);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
