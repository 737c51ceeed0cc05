using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>What the endpoint writes as the HTTP answer to an invoke activity: Status and a JSON Body.</summary>
public sealed record InvokeResponse
{
    public InvokeResponse() { }
    public InvokeResponse(int status, object? body = null) { Status = status; Body = body; }

    public int Status { get; set; }
    public object? Body { get; set; }
}

/// <summary>Content types of <see cref="AdaptiveCardInvokeResponse.Type"/> (Universal Actions).</summary>
public static class AdaptiveCardInvokeResponseTypes
{
    public const string Card = "application/vnd.microsoft.card.adaptive";
    public const string Message = "application/vnd.microsoft.activity.message";
    public const string Error = "application/vnd.microsoft.error";
    public const string PreconditionFailed = "application/vnd.microsoft.error.preconditionFailed";
    public const string LoginRequest = "application/vnd.microsoft.activity.loginRequest";
}

/// <summary>The body answering an adaptiveCard/action invoke: {statusCode, type, value}.</summary>
public sealed record AdaptiveCardInvokeResponse
{
    public int StatusCode { get; init; }
    public string? Type { get; init; }
    public object? Value { get; init; }

    /// <summary>Replaces the card the user acted on with <paramref name="card"/>.</summary>
    public static AdaptiveCardInvokeResponse Card(object card) =>
        new() { StatusCode = 200, Type = AdaptiveCardInvokeResponseTypes.Card, Value = card };

    /// <summary>Shows <paramref name="text"/> to the user; the card stays as it was.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) =>
        new() { StatusCode = 200, Type = AdaptiveCardInvokeResponseTypes.Message, Value = text };

    /// <summary>An error (status 400 or 500) with a code and a message the user may see.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new() { StatusCode = statusCode, Type = AdaptiveCardInvokeResponseTypes.Error, Value = new Error { Code = code, Message = message } };

    /// <summary>412: the data the card was built from changed (e.g. an ETag mismatch).</summary>
    public static AdaptiveCardInvokeResponse PreconditionFailed(string code, string message) =>
        new() { StatusCode = 412, Type = AdaptiveCardInvokeResponseTypes.PreconditionFailed, Value = new Error { Code = code, Message = message } };
}

/// <summary>The value of an adaptiveCard/action invoke.</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary>"manual" (user clicked) or "automatic" (card refresh).</summary>
    public string? Trigger { get; set; }

    public JsonElement? Authentication { get; set; }
    public string? State { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed record AdaptiveCardInvokeAction
{
    /// <summary>"Action.Execute".</summary>
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Verb { get; set; }

    /// <summary>The action's data merged with the card's input values.</summary>
    public JsonElement? Data { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
