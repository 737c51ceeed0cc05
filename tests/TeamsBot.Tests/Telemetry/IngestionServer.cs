using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Tests.Telemetry;

/// <summary>
/// A loopback stand-in for Application Insights' ingestion endpoint (Azure, not reachable here): it accepts the
/// exporter's POST …/v2.1/track (gzip, one JSON envelope per line) and keeps every envelope's text.
/// </summary>
public sealed class IngestionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _envelopes = new();

    private IngestionServer(WebApplication app) => _app = app;

    public string Endpoint => _app.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/";

    public IReadOnlyList<string> Envelopes => _envelopes.ToArray();

    public static async Task<IngestionServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new IngestionServer(app);
        app.MapPost("/v2.1/track", async (HttpContext http) =>
        {
            var body = http.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(http.Request.Body, CompressionMode.Decompress) : http.Request.Body;
            using var reader = new StreamReader(body);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines) server._envelopes.Enqueue(line);
            return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>Waits until the envelopes received satisfy <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(Func<IReadOnlyList<string>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!done(Envelopes))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Ingestion got {Envelopes.Count} envelope(s), not the expected ones.");
            await Task.Delay(50);
        }
        return Envelopes;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
