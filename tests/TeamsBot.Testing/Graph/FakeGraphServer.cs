using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Testing;

/// <summary>What the fake Graph answers: a status, an optional JSON body and headers.</summary>
public sealed record FakeResponse(int Status, string? Json = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Ok(string json) => new(200, json);

    public static FakeResponse Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject { ["request-id"] = "00000000-0000-0000-0000-000000000001" },
            },
        }.ToJsonString(), headers);
}

/// <summary>A request the fake Graph received; Headers holds every request header (repeated values joined by commas).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) standing in for graph.microsoft.com. Tests register answers per
/// "METHOD /path"; unknown routes get Graph's 404 shape. Every request is recorded.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Token = "fake-graph-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, FakeResponse>> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeGraphServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeGraphServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Urls.Single();
        server.BaseUrl = $"{address.TrimEnd('/')}/v1.0";
        return server;
    }

    public void On(string method, string path, Func<RecordedRequest, FakeResponse> answer) => _routes[$"{method} /v1.0{path}"] = answer;

    public void On(string method, string path, FakeResponse answer) => On(method, path, _ => answer);

    /// <summary>Answers in turn; the last answer repeats.</summary>
    public void OnSequence(string method, string path, params FakeResponse[] answers)
    {
        var calls = 0;
        On(method, path, _ => answers[Math.Min(Interlocked.Increment(ref calls) - 1, answers.Length - 1)]);
    }

    public int Count(string method, string path) =>
        Requests.Count(r => r.Method == method && string.Equals(r.Path, $"/v1.0{path}", StringComparison.OrdinalIgnoreCase));

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""),
            context.Request.Headers.Authorization.ToString(),
            await reader.ReadToEndAsync(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        _requests.Enqueue(request);

        var answer = request.Authorization != $"Bearer {Token}"
            ? FakeResponse.Error(401, "InvalidAuthenticationToken", "Access token is empty.")
            : _routes.TryGetValue($"{request.Method} {request.Path}", out var route)
                ? route(request)
                : FakeResponse.Error(404, "Request_ResourceNotFound", $"Resource '{request.Path}' does not exist.");

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (answer.Json is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
