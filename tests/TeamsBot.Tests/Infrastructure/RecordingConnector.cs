using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Tests.Infrastructure;

/// <summary>
/// A loopback stand-in for the Bot Connector service (Azure, not runnable here): it answers the documented
/// /v3/conversations routes, records every call, and lets a test await the bot's sends.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _nextId;

    private RecordingConnector(WebApplication app) => _app = app;

    public string ServiceUrl => _app.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/";

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToList();

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        app.MapMethods("/v3/conversations/{**path}", ["POST", "PUT", "DELETE"], async (HttpContext http, string path) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            connector._calls.Enqueue(new ConnectorCall(http.Request.Method, "/v3/conversations/" + path, body));
            connector._arrived.Release();
            return Results.Json(new { id = $"reply-{Interlocked.Increment(ref connector._nextId)}" });
        });
        await app.StartAsync();
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> message activities were sent, and returns them.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new TimeoutException($"Expected {count} message(s) from the bot, got {Messages.Count}.");
        }
        return Messages;
    }

    public IReadOnlyList<JsonObject> Messages =>
        _calls.Where(c => c.Method == "POST" && c.Body?["type"]?.GetValue<string>() == "message").Select(c => c.Body!).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ConnectorCall(string Method, string Path, JsonObject? Body);
