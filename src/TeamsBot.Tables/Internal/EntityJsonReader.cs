using System.Globalization;
using System.Text.Json;

namespace TeamsBot.Tables.Internal;

/// <summary>
/// Reads the service's JSON entities into CLR values in one forward pass, using "Name@odata.type" annotations
/// (the service writes them before the value; one that comes after is applied afterwards).
/// </summary>
internal static class EntityJsonReader
{
    /// <summary>One entity: the body of Get Entity.</summary>
    public static Dictionary<string, object?> ReadEntity(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return ReadObject(ref reader, new PropertyNameCache());
    }

    /// <summary>The "value" array of a Query Entities body.</summary>
    public static List<Dictionary<string, object?>> ReadEntities(ReadOnlySpan<byte> json)
    {
        var entities = new List<Dictionary<string, object?>>();
        var names = new PropertyNameCache();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isValue = reader.ValueTextEquals("value"u8);
            reader.Read();
            if (!isValue)
            {
                reader.Skip();
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject) entities.Add(ReadObject(ref reader, names));
        }
        return entities;
    }

    private static Dictionary<string, object?> ReadObject(ref Utf8JsonReader reader, PropertyNameCache names)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var values = new Dictionary<string, object?>(16, StringComparer.Ordinal);
        // The service writes "X@odata.type" just before "X"; other orders are rare and go to the lists.
        (string Target, string Type)? pending = null;
        List<(string Target, string Type)>? early = null, late = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = names.Get(ref reader);
            reader.Read();
            switch (name.Kind)
            {
                case PropertyNameKind.TypeAnnotation:
                    var annotation = (name.Target, reader.GetString() ?? "");
                    if (values.ContainsKey(name.Target)) (late ??= []).Add(annotation);
                    else
                    {
                        if (pending is { } previous) (early ??= []).Add(previous);
                        pending = annotation;
                    }
                    continue;
                case PropertyNameKind.ETag:
                    values[name.Name] = reader.GetString();
                    continue;
                case PropertyNameKind.ODataMetadata:
                    reader.Skip();
                    continue;
            }

            string? edmType = null;
            if (pending is { } p && p.Target == name.Name)
            {
                edmType = p.Type;
                pending = null;
            }
            else if (early is not null && Find(early, name.Name) is { } type)
            {
                edmType = type;
            }
            else if (name.Name == TableEntity.TimestampName)
            {
                edmType = EdmType.DateTime;
            }
            values[name.Name] = ReadValue(ref reader, edmType);
        }

        if (late is not null)
        {
            foreach (var (target, type) in late) values[target] = Retype(values[target], type);
        }
        return values;
    }

    private static string? Find(List<(string Target, string Type)> annotations, string target)
    {
        foreach (var (name, type) in annotations)
        {
            if (name == target) return type;
        }
        return null;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, string? edmType)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return edmType switch
                {
                    null or EdmType.String => reader.GetString(),
                    EdmType.DateTime => reader.TryGetDateTimeOffset(out var d) ? d.ToUniversalTime() : ParseDate(reader.GetString()!),
                    EdmType.Guid => reader.GetGuid(),
                    EdmType.Binary => reader.GetBytesFromBase64(),
                    _ => Retype(reader.GetString(), edmType),
                };
            case JsonTokenType.Number:
                if (edmType == EdmType.Double) return reader.GetDouble();
                if (edmType == EdmType.Int64) return reader.GetInt64();
                if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0) return reader.GetDouble();
                if (reader.TryGetInt32(out var i)) return i;
                return reader.TryGetInt64(out var l) ? l : reader.GetDouble();
            default:
                throw new FormatException($"Unexpected JSON {reader.TokenType} as an entity property value.");
        }
    }

    /// <summary>Applies a type annotation to a value read without one.</summary>
    private static object? Retype(object? value, string edmType) => (value, edmType) switch
    {
        (null, _) => null,
        (string s, EdmType.Int64) => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        (string s, EdmType.Double) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        (string s, EdmType.Int32) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        (string s, EdmType.DateTime) => ParseDate(s),
        (string s, EdmType.Guid) => Guid.Parse(s),
        (string s, EdmType.Binary) => Convert.FromBase64String(s),
        (int n, EdmType.Double) => (double)n,
        (int n, EdmType.Int64) => (long)n,
        (long n, EdmType.Double) => (double)n,
        _ => value,
    };

    private static DateTimeOffset ParseDate(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type) throw new FormatException($"Expected JSON {type} in the Table service response, found {reader.TokenType}.");
    }
}
