using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TeamsBot.Bench;

/// <summary>
/// A loopback Bot Connector that enforces Teams' documented limits the strict way — a true sliding window on arrival
/// time: per tenant 50 requests in any 1 s, per conversation 7 in any 1 s and 60 in any 30 s. Over a limit it answers
/// 429 with Retry-After (whole seconds until the window frees). It accepts POST /v3/conversations (a new channel thread)
/// and counts the accepted ones per channel, so duplicates and missing briefs can be counted.
/// </summary>
internal sealed class DigestThrottledConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _perTenant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Queue<long> Second, Queue<long> HalfMinute)> _perConversation = new(StringComparer.Ordinal);
    private readonly int _tenantPerSecond;
    private long _accepted;
    private long _throttled;
    private long _firstAccepted;
    private long _lastAccepted;

    private DigestThrottledConnector(WebApplication app, int tenantPerSecond)
    {
        _app = app;
        _tenantPerSecond = tenantPerSecond;
    }

    public string ServiceUrl => LoopbackHost.Address(_app) + "/";
    public ConcurrentDictionary<string, int> PostsPerChannel { get; } = new(StringComparer.Ordinal);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Stopwatch ticks between the first and the last accepted post.</summary>
    public TimeSpan AcceptedSpan => Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstAccepted), Interlocked.Read(ref _lastAccepted));

    public static async Task<DigestThrottledConnector> StartAsync(int tenantPerSecond, CancellationToken cancellationToken)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var connector = new DigestThrottledConnector(app, tenantPerSecond);
        app.MapPost("/v3/conversations", connector.CreateConversationAsync);
        await app.StartAsync(cancellationToken);
        return connector;
    }

    private async Task CreateConversationAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var channelData = body.RootElement.GetProperty("channelData");
        var tenant = channelData.GetProperty("tenant").GetProperty("id").GetString() ?? "";
        var channel = channelData.GetProperty("channel").GetProperty("id").GetString() ?? "";

        var now = Stopwatch.GetTimestamp();
        var wait = Admit(tenant, channel, now);
        if (wait > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _throttled);
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"error":{"code":"TooManyRequests","message":"Too many requests"}}""", http.RequestAborted);
            return;
        }

        var n = Interlocked.Increment(ref _accepted);
        Interlocked.CompareExchange(ref _firstAccepted, now, 0);
        Interlocked.Exchange(ref _lastAccepted, now);
        PostsPerChannel.AddOrUpdate(channel, 1, (_, c) => c + 1);
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync($$"""{"id":"{{channel}};messageid={{n}}","activityId":"{{n}}"}""", http.RequestAborted);
    }

    /// <summary>Records the request if every window has room; else how long until the fullest one frees a slot.</summary>
    private TimeSpan Admit(string tenant, string conversation, long now)
    {
        lock (_gate)
        {
            if (!_perTenant.TryGetValue(tenant, out var tenantWindow)) _perTenant[tenant] = tenantWindow = new Queue<long>();
            if (!_perConversation.TryGetValue(conversation, out var c)) _perConversation[conversation] = c = (new Queue<long>(), new Queue<long>());
            var wait = TimeSpan.Zero;
            wait = Max(wait, Check(tenantWindow, _tenantPerSecond, TimeSpan.FromSeconds(1), now));
            wait = Max(wait, Check(c.Second, 7, TimeSpan.FromSeconds(1), now));
            wait = Max(wait, Check(c.HalfMinute, 60, TimeSpan.FromSeconds(30), now));
            if (wait > TimeSpan.Zero) return wait;
            tenantWindow.Enqueue(now);
            c.Second.Enqueue(now);
            c.HalfMinute.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private static TimeSpan Check(Queue<long> window, int limit, TimeSpan length, long now)
    {
        while (window.Count > 0 && Stopwatch.GetElapsedTime(window.Peek(), now) >= length) window.Dequeue();
        return window.Count < limit ? TimeSpan.Zero : length - Stopwatch.GetElapsedTime(window.Peek(), now);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
