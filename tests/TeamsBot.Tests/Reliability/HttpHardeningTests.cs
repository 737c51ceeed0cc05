using System.Net;
using System.Text;
using TeamsBot.Http;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Reliability.Fuzz;

namespace TeamsBot.Tests.Reliability;

/// <summary>
/// Every endpoint of the real service (the bot's, /healthz, and paths that do not exist) answers with the same
/// security headers and no Server header, refuses bodies and headers over the limits with a 4xx, and never shows an
/// exception's details, also in the Development environment.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpHardeningTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private LoopbackConnector _connector = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _app = await TestApp.CreateAsync(azurite);
        await _app.WaitUntilHealthyAsync();
        _http = new HttpClient { BaseAddress = _app.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, string, string?> Requests => new()
    {
        { "GET", "/healthz", null },
        { "POST", "/api/messages", "activity" },
        { "POST", "/api/messages", "{\"type\":" },
        { "GET", "/api/messages", null },
        { "DELETE", "/api/messages", null },
        { "POST", "/healthz", "{}" },
        { "GET", "/no/such/path", null },
        { "PUT", "/no/such/path", "x" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_answer_carries_the_security_headers_no_Server_header_and_no_stack_trace(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body == "activity" ? TeamsActivities.Message(_connector.ServiceUrl, "hjelp").ToJsonString() : body, Encoding.UTF8, "application/json");

        using var response = await _http.SendAsync(request);

        Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode}");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "a Server header names the software");
        Assert.False(FuzzOracle.HasStackTrace(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/api/messages")]
    [InlineData("/healthz")]
    [InlineData("/no/such/path")]
    public async Task A_body_over_256_KB_gets_413_with_a_reason_on_every_path(string path)
    {
        using var content = new ByteArrayContent(new byte[300 * 1024]);
        content.Headers.ContentType = new("application/json");
        using var response = await _http.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_from_the_bot_endpoint()
    {
        using var content = new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024]));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_header_over_32_KB_gets_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('h', HttpHardening.MaxRequestHeadersTotalSize + 1));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task More_than_100_headers_get_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        for (var i = 0; i <= HttpHardening.MaxRequestHeaderCount; i++) request.Headers.TryAddWithoutValidation($"X-H{i}", "1");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_request_line_over_8_KB_gets_414()
    {
        using var response = await _http.GetAsync("/healthz?q=" + new string('q', HttpHardening.MaxRequestLineSize));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task An_exception_in_the_Development_environment_is_answered_without_its_details()
    {
        await using var app = await TestApp.CreateAsync(azurite, start: false, args: ["--environment", "Development"]);
        app.App.MapGet("/test/throws", string () => throw new InvalidOperationException("internal detail: connection string"));
        await app.App.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.GetAsync("/test/throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("internal detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.False(FuzzOracle.HasStackTrace(body));
        Assert.Equal("The request failed", FuzzOracle.Title(response.Content.Headers.ContentType?.ToString(), body));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
