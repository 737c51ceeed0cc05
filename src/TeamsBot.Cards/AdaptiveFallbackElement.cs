using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>What a host that cannot handle an action shows instead.</summary>
public enum AdaptiveFallbackType
{
    /// <summary>No fallback: the host's own rule applies (it drops the action or the card fails).</summary>
    None,

    /// <summary>The action is left out ("drop").</summary>
    Drop,

    /// <summary><see cref="AdaptiveFallbackElement.Content"/> stands in for the action.</summary>
    Content,
}

/// <summary>
/// An action's "fallback", as the schema defines it: another action, or the string "drop". Named like the
/// AdaptiveCards package's AdaptiveFallbackElement; here only actions have one.
/// </summary>
[JsonConverter(typeof(AdaptiveFallbackConverter))]
public sealed class AdaptiveFallbackElement
{
    public AdaptiveFallbackElement(AdaptiveFallbackType type)
    {
        if (type == AdaptiveFallbackType.Content)
            throw new ArgumentException("A content fallback needs its action: use the constructor that takes one.", nameof(type));
        Type = type;
    }

    public AdaptiveFallbackElement(AdaptiveAction content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Type = AdaptiveFallbackType.Content;
        Content = content;
    }

    /// <summary>"drop": a host that cannot show the action leaves it out.</summary>
    public static AdaptiveFallbackElement Drop { get; } = new(AdaptiveFallbackType.Drop);

    public AdaptiveFallbackType Type { get; }

    public AdaptiveAction? Content { get; }
}

internal sealed class AdaptiveFallbackConverter : JsonConverter<AdaptiveFallbackElement>
{
    private const string DropValue = "drop";

    public override AdaptiveFallbackElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString() == DropValue
                ? AdaptiveFallbackElement.Drop
                : throw new JsonException($"A fallback is an action or \"{DropValue}\".");
        return new AdaptiveFallbackElement(JsonSerializer.Deserialize<AdaptiveAction>(ref reader, options)
            ?? throw new JsonException("A fallback action may not be null."));
    }

    public override void Write(Utf8JsonWriter writer, AdaptiveFallbackElement value, JsonSerializerOptions options)
    {
        switch (value.Type)
        {
            case AdaptiveFallbackType.Content:
                // Declared as the polymorphic base so that the action's "type" is written.
                JsonSerializer.Serialize<AdaptiveAction>(writer, value.Content!, options);
                break;
            case AdaptiveFallbackType.Drop:
                writer.WriteStringValue(DropValue);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
