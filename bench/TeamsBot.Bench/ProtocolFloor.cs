using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.Localization;

namespace TeamsBot.Bench;

/// <summary>
/// The floor: the least an endpoint can do for the same exchange on the same Kestrel — read the activity, POST one
/// reply (the same help text) to the connector on its serviceUrl, answer 200. No auth, no limits, no retries, no DI scope.
/// </summary>
internal sealed class ProtocolFloor : IAsyncDisposable
{
    private const string ClientName = "connector";
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly WebApplication _app;

    private ProtocolFloor(WebApplication app) => _app = app;

    public Uri MessagesUrl => new(LoopbackHost.Address(_app) + "/api/messages");

    public static async Task<ProtocolFloor> StartAsync(CancellationToken cancellationToken)
    {
        var builder = LoopbackHost.CreateBuilder();
        builder.Services.AddHttpClient(ClientName);
        var app = builder.Build();
        var text = BotTexts.For(UserLanguages.FromLocale("nb-NO")).Help;
        app.MapPost("/api/messages", async (HttpContext http, IHttpClientFactory clients) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<FloorActivity>(http.Request.Body, Json, http.RequestAborted);
            if (activity?.Conversation?.Id is not { } conversationId || activity.Id is null || activity.ServiceUrl is null)
                return Results.BadRequest();
            var reply = new FloorActivity("message", null, activity.ServiceUrl, activity.ChannelId, activity.Recipient, activity.From,
                activity.Conversation, activity.Id, text);
            var url = $"{activity.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activity.Id)}";
            using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, reply, Json, http.RequestAborted);
            return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
        });
        await app.StartAsync(cancellationToken);
        return new ProtocolFloor(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record FloorAccount(string? Id, string? Name);

    private sealed record FloorConversation(string? Id, string? ConversationType, string? TenantId);

    private sealed record FloorActivity(
        string? Type, string? Id, string? ServiceUrl, string? ChannelId, FloorAccount? From, FloorAccount? Recipient,
        FloorConversation? Conversation, string? ReplyToId, string? Text);
}
