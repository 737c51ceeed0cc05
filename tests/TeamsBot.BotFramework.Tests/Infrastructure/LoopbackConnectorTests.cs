using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

/// <summary>The shared loopback Bot Connector the other tests rely on: what it records, scripts, refuses and signals.</summary>
public sealed class LoopbackConnectorTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private LoopbackConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LoopbackConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    private static object Message(string text, string tenant = "tenant-a", string? replyToId = null) =>
        new { type = "message", text, replyToId, conversation = new { id = "a:1", tenantId = tenant } };

    [Fact]
    public async Task Each_documented_route_is_told_apart_with_its_decoded_ids()
    {
        var url = _connector.ServiceUrl;
        await _http.PostAsJsonAsync(url + "v3/conversations", new { isGroup = true, channelData = new { channel = new { id = "19:c@thread.tacv2" } } });
        await _http.PostAsJsonAsync(url + "v3/conversations/19%3Ac%40thread.tacv2%3Bmessageid%3D1/activities", Message("send"));
        await _http.PostAsJsonAsync(url + "v3/conversations/a%3A1/activities/act%2F1", Message("reply"));
        await _http.PutAsJsonAsync(url + "v3/conversations/a%3A1/activities/act-1", Message("update"));
        await _http.DeleteAsync(url + "v3/conversations/a%3A1/activities/act-1");
        await _http.GetAsync(url + "v3/conversations/a%3A1/pagedmembers?pageSize=10");
        await _http.GetAsync(url + "v3/teams/19%3Ateam/conversations");
        await _http.GetAsync(url + "v3/nothing");

        var expected = new (ConnectorOperation, string?, string?)[]
        {
            (ConnectorOperation.CreateConversation, null, null),
            (ConnectorOperation.SendToConversation, "19:c@thread.tacv2;messageid=1", null),
            (ConnectorOperation.ReplyToActivity, "a:1", "act/1"),
            (ConnectorOperation.UpdateActivity, "a:1", "act-1"),
            (ConnectorOperation.DeleteActivity, "a:1", "act-1"),
            (ConnectorOperation.GetPagedMembers, "a:1", null),
            (ConnectorOperation.GetTeamChannels, null, null),
            (ConnectorOperation.Unknown, null, null),
        };
        Assert.Equal(expected, _connector.Requests.Select(r => (r.Operation, r.ConversationId, r.ActivityId)));
        Assert.Equal("/v3/conversations/a:1/activities/act/1", _connector.Requests[2].Path);
        Assert.Equal("/teams/v3/conversations/a%3A1/activities/act%2F1", _connector.Requests[2].RawTarget);
        Assert.Equal("19:c@thread.tacv2", Assert.Single(_connector.ChannelsPostedTo));
        Assert.Equal(["send", "reply"], _connector.Messages.Select(m => (string?)m["text"]));
    }

    [Fact]
    public async Task A_chunked_body_is_recorded_as_chunked_without_a_length()
    {
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("""{"type":"message","text":"x"}""")));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _connector.ServiceUrl + "v3/conversations/a%3A1/activities") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await _http.SendAsync(request);
        using var sized = new StringContent("""{"type":"message","text":"y"}""", Encoding.UTF8, "application/json");
        await _http.PostAsync(_connector.ServiceUrl + "v3/conversations/a%3A1/activities", sized);

        var (first, second) = (_connector.Requests[0], _connector.Requests[1]);
        Assert.Equal(("chunked", (long?)null, "x"), (first.TransferEncoding, first.ContentLength, (string?)first.Body?["text"]));
        Assert.Null(second.TransferEncoding);
        Assert.Equal(Encoding.UTF8.GetByteCount(second.RawBody), second.ContentLength);
    }

    [Fact]
    public async Task Scripted_answers_are_used_in_order_and_only_for_the_requests_they_accept()
    {
        _connector.EnqueueStatus(503, "ServiceUnavailable", when: r => r.Method == "POST");
        _connector.EnqueueStatus(429, "TooManyRequests", retryAfter: "2");

        var get = await _http.GetAsync(_connector.ServiceUrl + "v3/teams/t/conversations"); // skips the POST-only answer
        var post = await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations/a%3A1/activities", Message("x"));
        var next = await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations/a%3A1/activities", Message("y"));

        Assert.Equal((HttpStatusCode.TooManyRequests, "2"), (get.StatusCode, get.Headers.RetryAfter?.ToString()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal([429, 503, 200], _connector.Requests.Select(r => r.Status));
        Assert.Equal(1L, _connector.Throttled);
        Assert.Equal("y", (string?)Assert.Single(_connector.Messages)["text"]);
    }

    [Fact]
    public async Task A_blocked_channel_refuses_new_threads_and_sends_into_its_threads_with_MessageWritesBlocked()
    {
        _connector.Block("19:c@thread.tacv2");
        var create = await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations", new { channelData = new { channel = new { id = "19:c@thread.tacv2" } } });
        var send = await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations/19%3Ac%40thread.tacv2%3Bmessageid%3D7/activities", Message("x"));
        var elsewhere = await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations/a%3A1/activities", Message("y"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (create.StatusCode, send.StatusCode, elsewhere.StatusCode));
        Assert.Contains("MessageWritesBlocked", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_connector.CreatedConversations);
    }

    [Fact]
    public async Task Waits_complete_when_the_awaited_requests_arrive_not_before()
    {
        var twoMessages = _connector.WaitForMessagesAsync(2);
        var reply = _connector.WaitForReplyAsync("a:1", "act-9", CancellationToken.None);
        await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations/a%3A1/activities", Message("one", replyToId: "act-9"));
        Assert.False(twoMessages.IsCompleted);
        Assert.Equal("one", (string?)(await reply).Body?["text"]);

        await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations/a%3A1/activities/act-10", Message("two"));
        Assert.Equal(["one", "two"], (await twoMessages).Select(m => (string?)m["text"]));
        Assert.Equal(1L, _connector.Unawaited);
        await Assert.ThrowsAsync<TimeoutException>(() => _connector.WaitForMessagesAsync(3, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task A_cancelled_reply_wait_is_forgotten()
    {
        using var cancel = new CancellationTokenSource();
        var reply = _connector.WaitForReplyAsync("a:1", "act-1", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reply);

        var again = _connector.WaitForReplyAsync("a:1", "act-1", CancellationToken.None);
        await _http.PostAsJsonAsync(_connector.ServiceUrl + "v3/conversations/a%3A1/activities/act-1", Message("x"));
        Assert.Equal(ConnectorOperation.ReplyToActivity, (await again).Operation);
    }

    [Fact]
    public async Task In_strict_mode_a_write_over_the_tenant_limit_gets_429_with_the_seconds_to_wait()
    {
        await using var strict = await LoopbackConnector.StartAsync(new LoopbackConnectorOptions { RateLimits = new TeamsRateLimits(tenantPerSecond: 1) });
        var first = await _http.PostAsJsonAsync(strict.ServiceUrl + "v3/conversations/a%3A1/activities", Message("x"));
        var second = await _http.PostAsJsonAsync(strict.ServiceUrl + "v3/conversations/a%3A2/activities", Message("y"));
        var otherTenant = await _http.PostAsJsonAsync(strict.ServiceUrl + "v3/conversations/a%3A3/activities", Message("z", tenant: "tenant-b"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, otherTenant.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.Delta);
        Assert.Equal((1L, 2L), (strict.Throttled, strict.Accepted));
    }

    [Fact]
    public void Teams_limits_are_sliding_windows_per_tenant_and_per_conversation()
    {
        var limits = new TeamsRateLimits();
        long At(double seconds) => (long)(seconds * Stopwatch.Frequency);

        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, limits.Admit("t", "a:1", At(0.1 * i)));
        Assert.InRange(limits.Admit("t", "a:1", At(0.7)), TimeSpan.FromSeconds(0.299), TimeSpan.FromSeconds(0.301)); // the first leaves at 1.0
        Assert.Equal(TimeSpan.Zero, limits.Admit("t", "a:2", At(0.7))); // another conversation
        Assert.Equal(TimeSpan.Zero, limits.Admit("t", "a:1", At(1.0)));

        // 60 in 30 s: at 5 a second the 61st waits for the first to leave the half-minute window.
        var slow = new TeamsRateLimits();
        for (var i = 0; i < 60; i++) Assert.Equal(TimeSpan.Zero, slow.Admit("t", "a:s", At(0.2 * i)));
        Assert.InRange(slow.Admit("t", "a:s", At(12)), TimeSpan.FromSeconds(17.999), TimeSpan.FromSeconds(18.001));

        // 50 a second per tenant, across conversations.
        var tenant = new TeamsRateLimits();
        for (var i = 0; i < 50; i++) Assert.Equal(TimeSpan.Zero, tenant.Admit("t", $"a:{i}", At(0.01 * i)));
        Assert.True(tenant.Admit("t", "a:new", At(0.6)) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, tenant.Admit("other", "a:new", At(0.6)));
    }
}
