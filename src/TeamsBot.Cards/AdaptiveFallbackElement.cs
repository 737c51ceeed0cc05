using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>What a host that cannot handle an element or action shows instead.</summary>
public enum AdaptiveFallbackType
{
    /// <summary>No fallback: the host's own rule applies (it drops the action or the card fails).</summary>
    None,

    /// <summary>The element or action is left out ("drop").</summary>
    Drop,

    /// <summary><see cref="AdaptiveFallbackElement.Content"/> stands in for the element or action.</summary>
    Content,
}

/// <summary>
/// A "fallback", as the schema defines it: an element for an element, an action for an action, or the string "drop".
/// Named like the AdaptiveCards package's AdaptiveFallbackElement.
/// </summary>
[JsonConverter(typeof(AdaptiveFallbackConverter))]
public sealed class AdaptiveFallbackElement
{
    public AdaptiveFallbackElement(AdaptiveFallbackType type)
    {
        if (type == AdaptiveFallbackType.Content)
            throw new ArgumentException("A content fallback needs its element or action: use the constructor that takes one.", nameof(type));
        Type = type;
    }

    public AdaptiveFallbackElement(AdaptiveAction content)
        : this((AdaptiveTypedElement)content)
    {
    }

    public AdaptiveFallbackElement(AdaptiveElement content)
        : this((AdaptiveTypedElement)content)
    {
    }

    private AdaptiveFallbackElement(AdaptiveTypedElement content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Type = AdaptiveFallbackType.Content;
        Content = content;
    }

    /// <summary>"drop": a host that cannot show the element or action leaves it out.</summary>
    public static AdaptiveFallbackElement Drop { get; } = new(AdaptiveFallbackType.Drop);

    public AdaptiveFallbackType Type { get; }

    /// <summary>An <see cref="AdaptiveAction"/> or an <see cref="AdaptiveElement"/>; null unless <see cref="Type"/> is Content.</summary>
    public AdaptiveTypedElement? Content { get; }
}

internal sealed class AdaptiveFallbackConverter : JsonConverter<AdaptiveFallbackElement>
{
    private const string DropValue = "drop";
    private const string ActionTypePrefix = "Action.";

    public override AdaptiveFallbackElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString() == DropValue
                ? AdaptiveFallbackElement.Drop
                : throw new JsonException($"A fallback is an element, an action or \"{DropValue}\".");

        // Every action type starts with "Action."; anything else that is typed is an element.
        var json = JsonElement.ParseValue(ref reader);
        var isAction = json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String
            && type.GetString()!.StartsWith(ActionTypePrefix, StringComparison.Ordinal);
        return isAction
            ? new AdaptiveFallbackElement(json.Deserialize<AdaptiveAction>(options) ?? throw new JsonException("A fallback action may not be null."))
            : new AdaptiveFallbackElement(json.Deserialize<AdaptiveElement>(options) ?? throw new JsonException("A fallback element may not be null."));
    }

    public override void Write(Utf8JsonWriter writer, AdaptiveFallbackElement value, JsonSerializerOptions options)
    {
        // Declared as the polymorphic bases so that the content's "type" is written.
        switch (value.Content)
        {
            case AdaptiveAction action:
                JsonSerializer.Serialize(writer, action, options);
                break;
            case AdaptiveElement element:
                JsonSerializer.Serialize(writer, element, options);
                break;
            default:
                if (value.Type == AdaptiveFallbackType.Drop) writer.WriteStringValue(DropValue);
                else writer.WriteNullValue();
                break;
        }
    }
}
