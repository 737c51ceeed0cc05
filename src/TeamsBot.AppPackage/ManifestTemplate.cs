using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TeamsBot.AppPackage;

/// <summary>
/// Fills ${{NAME}} placeholders inside the string values of a parsed JSON document, so a value can never change the
/// document's structure. Unknown placeholders are an error: a template typo must not ship.
/// </summary>
public static partial class ManifestTemplate
{
    public static JsonNode Fill(JsonNode document, IReadOnlyDictionary<string, string> values)
    {
        var filled = document.DeepClone();
        Visit(filled, values);
        return filled;
    }

    private static void Visit(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Replace(text, values);
                    }
                    else if (child is not null)
                    {
                        Visit(child, values);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Replace(text, values);
                    }
                    else if (array[i] is { } child)
                    {
                        Visit(child, values);
                    }
                }
                break;
        }
    }

    private static string Replace(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The template uses the placeholder {match.Value}, which the packager does not know."));

    [GeneratedRegex(@"\$\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
