using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, TimeSpan At);

/// <summary>
/// A loopback Bot Connector: records every request and answers with scripted faults (in order) before succeeding
/// with {"id": "activity-N"}.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _counter;
    private LoopbackServer? _server;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>serviceUrl as Teams sends it (with a trailing slash).</summary>
    public string ServiceUrl => _server!.Url("/teams/");

    public static async Task<RecordingConnector> StartAsync()
    {
        var connector = new RecordingConnector();
        connector._server = await LoopbackServer.StartAsync(app => app.Map("/{**path}", connector.HandleAsync));
        return connector;
    }

    public void Enqueue(Func<HttpContext, Task> response) => _script.Enqueue(response);

    public void EnqueueStatus(int status, string? errorCode = null, string? retryAfter = null) => Enqueue(async http =>
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null) http.Response.Headers.RetryAfter = retryAfter;
        if (errorCode is not null) await http.Response.WriteAsJsonAsync(new { error = new { code = errorCode, message = "scripted" } });
    });

    /// <summary>Answers only after <paramref name="delay"/> (or never, when the client gives up first).</summary>
    public void EnqueueHang(TimeSpan delay) => Enqueue(async http =>
    {
        try
        {
            await Task.Delay(delay, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    });

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var rawTarget = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _requests.Enqueue(new RecordedRequest(http.Request.Method, rawTarget, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, _clock.Elapsed));

        if (_script.TryDequeue(out var scripted))
        {
            await scripted(http);
            return;
        }
        if (http.Request.Method == "GET" && rawTarget.Contains("/pagedmembers", StringComparison.Ordinal))
        {
            await http.Response.WriteAsJsonAsync(new { continuationToken = "next page", members = new[] { new { id = "29:user-1", name = "Kari", email = "kari@example.no", userPrincipalName = "kari@example.no" } } });
            return;
        }
        if (http.Request.Method == "GET")
        {
            await http.Response.WriteAsJsonAsync(new { conversations = new[] { new { id = "19:general@thread.tacv2", name = (string?)null }, new { id = "19:tiltak@thread.tacv2", name = (string?)"Tiltak" } } });
            return;
        }
        var n = Interlocked.Increment(ref _counter);
        if (rawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            await http.Response.WriteAsJsonAsync(new { id = $"19:new-{n}@thread.tacv2", activityId = $"activity-{n}" });
            return;
        }
        await http.Response.WriteAsJsonAsync(new { id = $"activity-{n}" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
