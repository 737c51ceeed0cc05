using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Tests.Digest;

/// <summary>
/// A loopback Bot Connector for the brief: records new channel threads (POST /v3/conversations) and other sends;
/// can answer the first N calls with 429 (Retry-After alternating 0 and 1 s) and refuse chosen channels with 403
/// MessageWritesBlocked, as Teams does.
/// </summary>
public sealed class DigestConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _threads = new();
    private readonly ConcurrentQueue<(string Path, JsonObject? Body)> _sends = new();
    private int _throttleLeft;
    private int _throttled;
    private int _nextId;

    private DigestConnector(WebApplication app) => _app = app;

    public string ServiceUrl => _app.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/";

    /// <summary>Bodies of successful POST /v3/conversations (one per posted brief).</summary>
    public IReadOnlyList<JsonObject> Threads => _threads.ToList();

    /// <summary>Successful sends into existing conversations (replies, notices).</summary>
    public IReadOnlyList<(string Path, JsonObject? Body)> Sends => _sends.ToList();

    public IReadOnlyList<string> ThreadChannels =>
        Threads.Select(t => t["channelData"]?["channel"]?["id"]?.GetValue<string>() ?? "").ToList();

    public int Throttled => Volatile.Read(ref _throttled);

    public ConcurrentDictionary<string, bool> BlockedChannels { get; } = new();

    public void ThrottleNext(int calls) => Volatile.Write(ref _throttleLeft, calls);

    public static async Task<DigestConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new DigestConnector(app);
        app.MapPost("/v3/conversations", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            if (connector.TryThrottle(http) is { } throttled) return throttled;
            var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>() ?? "";
            if (connector.BlockedChannels.ContainsKey(channel))
                return Results.Json(new { error = new { code = "MessageWritesBlocked", message = "Blocked" } }, statusCode: 403);
            var n = Interlocked.Increment(ref connector._nextId);
            connector._threads.Enqueue(body!);
            return Results.Json(new { id = $"{channel};messageid={n}", activityId = $"activity-{n}" });
        });
        app.MapMethods("/v3/conversations/{**path}", ["POST", "PUT"], async (HttpContext http, string path) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            if (connector.TryThrottle(http) is { } throttled) return throttled;
            connector._sends.Enqueue(("/v3/conversations/" + path, body));
            return Results.Json(new { id = $"reply-{Interlocked.Increment(ref connector._nextId)}" });
        });
        await app.StartAsync();
        return connector;
    }

    private IResult? TryThrottle(HttpContext http)
    {
        var left = Interlocked.Decrement(ref _throttleLeft);
        if (left < 0)
        {
            Interlocked.Increment(ref _throttleLeft);
            return null;
        }
        Interlocked.Increment(ref _throttled);
        http.Response.Headers.RetryAfter = (left % 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new { error = new { code = "TooManyRequests", message = "Throttled" } }, statusCode: 429);
    }

    public async Task WaitForThreadsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_threads.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Expected {count} brief(s), got {_threads.Count}.");
            await Task.Delay(20);
        }
    }

    public async Task<IReadOnlyList<(string Path, JsonObject? Body)>> WaitForSendsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_sends.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Expected {count} send(s), got {_sends.Count}.");
            await Task.Delay(20);
        }
        return Sends;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
