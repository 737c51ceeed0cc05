using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TeamsBot.Testing;

/// <summary>One PUT the upload server received: its path and query, the range and length headers, the bytes, when (Stopwatch timestamp).</summary>
public sealed record UploadRequest(string Method, string PathAndQuery, string? ContentRange, long? ContentLength, string? Authorization, byte[] Body, long Timestamp);

/// <summary>
/// A stand-in for a OneDrive upload session (the uploadUrl of a fileConsent/invoke) on real Kestrel at 127.0.0.1:
/// every request is kept; a whole file in one PUT is answered 201 Created with a drive item, as OneDrive answers the
/// last fragment; a test may script the next answers' status instead.
/// </summary>
public sealed class LoopbackUploadServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<UploadRequest> _requests = [];
    private readonly Queue<int?> _statuses = new();
    private LoopbackServer _server = null!;

    private LoopbackUploadServer() { }

    public static async Task<LoopbackUploadServer> StartAsync()
    {
        var upload = new LoopbackUploadServer();
        upload._server = await LoopbackServer.StartAsync(app => app.Run(upload.HandleAsync), captureLogs: false);
        return upload;
    }

    /// <summary>An upload session's URL, with a query standing in for the credential such URLs carry.</summary>
    public string SessionUrl(string session = "session-1") => _server.Url($"/up/{session}?tempauth=secret-{session}");

    public IReadOnlyList<UploadRequest> Requests
    {
        get
        {
            lock (_gate) return [.. _requests];
        }
    }

    /// <summary>The next request is answered with <paramref name="status"/> (and no body).</summary>
    public void EnqueueStatus(int status)
    {
        lock (_gate) _statuses.Enqueue(status);
    }

    /// <summary>The next request is never answered: the server holds it until the client gives up.</summary>
    public void EnqueueHang()
    {
        lock (_gate) _statuses.Enqueue(null);
    }

    private async Task HandleAsync(HttpContext http)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var request = new UploadRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, http.Request.Headers.ContentRange.ToString(),
            http.Request.ContentLength, http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body.ToArray(), arrived);
        bool isScripted;
        int? scripted;
        lock (_gate)
        {
            _requests.Add(request);
            isScripted = _statuses.TryDequeue(out scripted);
        }
        if (isScripted && scripted is null)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            return;
        }
        if (scripted is { } code)
        {
            http.Response.StatusCode = code;
            return;
        }
        http.Response.StatusCode = StatusCodes.Status201Created;
        await http.Response.WriteAsJsonAsync(new { id = "01UPLOADED", name = "uploaded.md", size = request.Body.Length }, http.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
