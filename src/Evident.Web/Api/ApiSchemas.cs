using Evident.Core.Ingest;
using Microsoft.OpenApi;

namespace Evident.Web.Api;

/// <summary>
/// The request bodies of the writes in the OpenAPI document, made from the importer's field table
/// (<see cref="Fields"/>), so the document lists exactly the fields the API reads: one item, or an array of them.
/// </summary>
public static class ApiSchemas
{
    public static OpenApiRequestBody Items(RecordKind kind)
    {
        var fields = Fields.For(kind);
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal) { Fields.Id };
        foreach (var field in fields)
        {
            properties[field.Name] = new OpenApiSchema
            {
                Type = field.Type is FieldType.Text or FieldType.Time ? JsonSchemaType.String : JsonSchemaType.Number | JsonSchemaType.String,
                Format = field.Type == FieldType.Time ? "date-time" : null,
                Description = field.Name == Fields.Id
                    ? "the source's id for the item (also accepted as external_id): with source, its key, so that posting it again adds nothing"
                    : field.Description,
            };
            if (field.Required)
            {
                required.Add(field.Name);
            }
        }

        properties[ApiItems.SourceProperty] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MaxLength = ApiItems.MaxSourceLength,
            Description = $"where the item comes from (default \"{ApiItems.DefaultSource}\"); with id, its key",
        };
        var item = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = properties,
            Required = required,
            AdditionalPropertiesAllowed = false,
            Description = $"one item of {ApiItems.Name(kind)}; the column names `evident import` recognises are accepted for these fields too",
        };
        return new OpenApiRequestBody
        {
            Required = true,
            Description = $"one item, or an array of at most {ApiLimits.MaxItems} items",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        OneOf = [item, new OpenApiSchema { Type = JsonSchemaType.Array, Items = item, MinItems = 1, MaxItems = ApiLimits.MaxItems }],
                    },
                },
            },
        };
    }

    /// <summary>The audit's answer: an object in the format of <c>evident analyze</c>, described in docs/api.md.</summary>
    public static OpenApiResponse Analysis() => new()
    {
        Description = "the text's analysis",
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = new OpenApiMediaType { Schema = AnalysisSchema() },
        },
    };

    private static OpenApiSchema AnalysisSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "the text's analysis, as `evident analyze` writes it: sentiment, sentences, cues, emotions, themes, friction, effort, signals, perspective, readability; each signal with the spans {start, length, text, rule} behind it",
    };
}
