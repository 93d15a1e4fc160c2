using System.Collections.Frozen;
using System.Text.Json;

namespace Evident.Core.Input;

/// <summary>How a JSON object becomes a row's fields, shared by the JSON Lines and JSON array readers.</summary>
internal static class JsonFields
{
    /// <summary>One field per column: string values as they are, <c>null</c> as empty, nested objects flattened one
    /// level as <c>parent.child</c> when such a column exists (<c>via.channel</c>), other values as their JSON text.</summary>
    public static string?[] Project(JsonElement root, FrozenDictionary<string, int> columnIndex, int columnCount)
    {
        var fields = new string?[columnCount];
        foreach (var property in root.EnumerateObject())
        {
            if (columnIndex.TryGetValue(property.Name, out int column))
            {
                fields[column] ??= ValueText(property.Value);
            }

            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var child in property.Value.EnumerateObject())
                {
                    if (columnIndex.TryGetValue(property.Name + "." + child.Name, out int nested))
                    {
                        fields[nested] ??= ValueText(child.Value);
                    }
                }
            }
        }

        return fields;
    }

    /// <summary>Adds the properties of <paramref name="root"/> not yet seen, and <c>parent.child</c> for the
    /// properties of nested objects.</summary>
    public static void CollectColumns(JsonElement root, List<string> columns, HashSet<string> seen)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (seen.Add(property.Name))
            {
                columns.Add(property.Name);
            }

            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var child in property.Value.EnumerateObject())
                {
                    string name = property.Name + "." + child.Name;
                    if (seen.Add(name))
                    {
                        columns.Add(name);
                    }
                }
            }
        }
    }

    public static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    public static FrozenDictionary<string, int> IndexColumns(IReadOnlyList<string> columns)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
        {
            index.TryAdd(columns[i], i);
        }

        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
