using System.Text.Json;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// The error code of a connector's failure answer. The Bot Framework REST API documents {"error":{"code","message"}};
/// Teams answers a blocked conversation as {"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",…}"} (the
/// subCode inside a JSON string, in "Send proactive messages"). Both are read; anything else gives null.
/// </summary>
internal static class ConnectorErrorBody
{
    public static async Task<string?> ReadCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return bytes.Length == 0 ? null : CodeOf(bytes);
    }

    internal static string? CodeOf(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && Text(error, "code") is { } code) return code;
            if ((Text(root, "subCode") ?? Text(root, "code")) is { } direct) return direct;
            return Text(root, "message") is { } message && message.TrimStart().StartsWith('{') ? CodeOf(System.Text.Encoding.UTF8.GetBytes(message)) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
