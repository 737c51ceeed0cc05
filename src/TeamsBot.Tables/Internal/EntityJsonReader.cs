using System.Globalization;
using System.Text.Json;

namespace TeamsBot.Tables.Internal;

/// <summary>Reads the service's JSON entity into CLR values, using "@odata.type" annotations where present.</summary>
internal static class EntityJsonReader
{
    public static Dictionary<string, object?> ReadProperties(JsonElement entity)
    {
        Dictionary<string, string>? annotations = null;
        foreach (var property in entity.EnumerateObject())
        {
            if (property.Name.EndsWith(EdmType.AnnotationSuffix, StringComparison.Ordinal))
            {
                annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
                annotations[property.Name[..^EdmType.AnnotationSuffix.Length]] = property.Value.GetString() ?? "";
            }
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entity.EnumerateObject())
        {
            var name = property.Name;
            if (name == TableEntity.ETagName)
            {
                values[name] = property.Value.GetString();
                continue;
            }
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(EdmType.AnnotationSuffix, StringComparison.Ordinal))
                continue;
            string? edmType = null;
            annotations?.TryGetValue(name, out edmType);
            if (name == TableEntity.TimestampName) edmType = EdmType.DateTime;
            values[name] = ReadValue(property.Value, edmType);
        }
        return values;
    }

    private static object? ReadValue(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        switch (edmType)
        {
            case EdmType.Int64:
                return value.ValueKind == JsonValueKind.String
                    ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : value.GetInt64();
            case EdmType.Double:
                return value.ValueKind == JsonValueKind.String
                    ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : value.GetDouble();
            case EdmType.DateTime:
                return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            case EdmType.Guid:
                return Guid.Parse(value.GetString()!);
            case EdmType.Binary:
                return value.GetBytesFromBase64();
            case EdmType.Int32:
                return value.GetInt32();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) && IsIntegerLiteral(value) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => throw new FormatException($"Unexpected JSON {value.ValueKind} in an entity."),
        };
    }

    private static bool IsIntegerLiteral(JsonElement number)
    {
        var raw = number.GetRawText();
        return raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
    }
}
