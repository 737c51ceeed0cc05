using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>Metadata attached to an activity (type "mention", "clientInfo", …); other fields kept in <see cref="Properties"/>.</summary>
public sealed record Entity
{
    public Entity() { }
    public Entity(string type) { Type = type; }

    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Reads the entity as <typeparamref name="T"/> (e.g. <see cref="Mention"/>).</summary>
    public T? GetAs<T>() => BotJson.ToElement(this).Deserialize<T>(BotJson.Options);

    public static Entity From<T>(T value) => BotJson.ToElement(value).Deserialize<Entity>(BotJson.Options)!;
}

/// <summary>A "mention" entity: Text is the markup as it appears in the message text, e.g. "&lt;at&gt;Bot&lt;/at&gt;".</summary>
public sealed record Mention
{
    public string Type { get; init; } = "mention";
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    public static Mention Of(ChannelAccount account) =>
        new() { Mentioned = account, Text = $"<at>{System.Net.WebUtility.HtmlEncode(account.Name)}</at>" };
}
