using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>The root of an Adaptive Card. Teams renders schema versions up to 1.5.</summary>
public sealed class AdaptiveCard
{
    /// <summary>The attachment content type for an Adaptive Card (and the invoke-response type that replaces one).</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The highest version Teams renders.</summary>
    public const string TeamsMaxVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type { get; } = "AdaptiveCard";

    /// <summary>Set to null for cards nested in <see cref="AdaptiveShowCardAction"/> if you want them terse.</summary>
    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string? Schema { get; set; } = SchemaUrl;

    [JsonPropertyOrder(-1)]
    public string? Version { get; set; } = TeamsMaxVersion;

    public AdaptiveRefresh? Refresh { get; set; }

    [JsonPropertyName("msteams")]
    public AdaptiveMsTeams? MsTeams { get; set; }

    public List<AdaptiveElement> Body { get; set; } = [];

    public List<AdaptiveAction> Actions { get; set; } = [];

    public AdaptiveAction? SelectAction { get; set; }

    public AdaptiveVerticalAlignment? VerticalContentAlignment { get; set; }

    public string? MinHeight { get; set; }

    public string? Lang { get; set; }

    public string? Speak { get; set; }

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; set; }

    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? AdaptiveCardJson.Indented : AdaptiveCardJson.Compact);

    public JsonObject ToJsonNode() => JsonSerializer.SerializeToNode(this, AdaptiveCardJson.Compact)!.AsObject();

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, AdaptiveCardJson.Compact);
}
