using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TeamsBot.Bench;

/// <summary>
/// A loopback Bot Connector: accepts POST /v3/conversations/{id}/activities[/{activityId}], notes the arrival time of
/// the reply the driver is waiting for (matched on conversation id + replyToId) and answers {"id": "..."}.
/// </summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ReplyKey, TaskCompletionSource<long>> _waiting = new();
    private readonly WebApplication _app;
    private long _replies;
    private long _unmatched;

    private LoopbackConnector(WebApplication app) => _app = app;

    /// <summary>serviceUrl for activities, with a trailing slash as Teams sends it.</summary>
    public string ServiceUrl => LoopbackHost.Address(_app) + "/";

    public long Unmatched => Interlocked.Read(ref _unmatched);

    public static async Task<LoopbackConnector> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var connector = new LoopbackConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", connector.HandleAsync);
        await app.StartAsync(cancellationToken);
        return connector;
    }

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp at which the reply to <paramref name="replyToId"/> arrived.</summary>
    public Task<long> Expect(string conversationId, string replyToId)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiting.TryAdd(new ReplyKey(conversationId, replyToId), waiter))
            throw new InvalidOperationException($"Already waiting for a reply to {replyToId} in {conversationId}.");
        return waiter.Task;
    }

    public void Forget(string conversationId, string replyToId) => _waiting.TryRemove(new ReplyKey(conversationId, replyToId), out _);

    private async Task HandleAsync(HttpContext http, string conversationId, string? activityId)
    {
        var arrived = Stopwatch.GetTimestamp();
        // Read and parse the body as a real connector would; replyToId comes from it when the path has no activity id.
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var replyToId = activityId
            ?? (body.RootElement.TryGetProperty("replyToId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null);
        if (replyToId is not null && _waiting.TryRemove(new ReplyKey(conversationId, replyToId), out var waiter))
            waiter.TrySetResult(arrived);
        else
            Interlocked.Increment(ref _unmatched);

        var n = Interlocked.Increment(ref _replies);
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync($$"""{"id":"reply-{{n}}"}""", http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private readonly record struct ReplyKey(string ConversationId, string ReplyToId);
}
