using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;
using Activity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.BotFramework.Tests;

/// <summary>The connector client against a loopback connector that records requests and injects faults.</summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1700000000001";
    private LoopbackConnector _connector = null!;
    private ServiceProvider _services = null!;

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _services = BuildServices(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxDelay = TimeSpan.FromMilliseconds(200);
            o.MaxRetryAfter = TimeSpan.FromSeconds(2);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.MaxAttempts = 4;
            o.MaxTotalTime = TimeSpan.FromSeconds(10);
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    internal static ServiceProvider BuildServices(Action<BotConnectorOptions> configure, IDictionary<string, string?>? configuration = null,
        CapturingLoggerProvider? logs = null, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs ?? new CapturingLoggerProvider()));
        services.AddBotConnector(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.Configure(configure);
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Paths_encode_ids_and_tolerate_a_service_url_with_or_without_trailing_slash(bool trailingSlash)
    {
        var serviceUrl = trailingSlash ? _connector.ServiceUrl : _connector.ServiceUrl.TrimEnd('/');
        const string encodedThread = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000001";

        var sent = await Client.SendToConversationAsync(serviceUrl, ChannelThread, Activity.CreateMessageActivity("hei"));
        await Client.ReplyToActivityAsync(serviceUrl, ChannelThread, "1700000000001", Activity.CreateMessageActivity("svar"));
        await Client.UpdateActivityAsync(serviceUrl, ChannelThread, "activity/1", Activity.CreateMessageActivity("endret"));
        await Client.DeleteActivityAsync(serviceUrl, ChannelThread, "activity-1");
        var members = await Client.GetConversationPagedMembersAsync(serviceUrl, ChannelThread, pageSize: 50, continuationToken: "a+b/c=");
        var channels = await Client.GetTeamChannelsAsync(serviceUrl, "19:team@thread.tacv2");

        Assert.StartsWith("activity-", sent.Id);
        Assert.Equal("kari@example.no", Assert.Single(members.Members).UserPrincipalName);
        Assert.Equal("next page", members.ContinuationToken);
        Assert.Equal(2, channels.Conversations.Count);
        Assert.Equal(
            [
                $"POST /teams/v3/conversations/{encodedThread}/activities",
                $"POST /teams/v3/conversations/{encodedThread}/activities/1700000000001",
                $"PUT /teams/v3/conversations/{encodedThread}/activities/activity%2F1",
                $"DELETE /teams/v3/conversations/{encodedThread}/activities/activity-1",
                $"GET /teams/v3/conversations/{encodedThread}/pagedmembers?pageSize=50&continuationToken=a%2Bb%2Fc%3D",
                "GET /teams/v3/teams/19%3Ateam%40thread.tacv2/conversations",
            ],
            _connector.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        Assert.All(_connector.Requests, r => Assert.Null(r.Authorization)); // development mode: no token
        Assert.Equal("hei", JsonNode.Parse(_connector.Requests[0].RawBody)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_conversation_posts_the_parameters_and_returns_the_new_ids()
    {
        var created = await Client.CreateConversationAsync(_connector.ServiceUrl,
            ConversationParameters.ForChannelThread("19:tiltak@thread.tacv2", TestTokens.TenantId, Activity.CreateMessageActivity("Ukens status")));
        Assert.StartsWith("19:tiltak@thread.tacv2;messageid=", created.Id);
        Assert.StartsWith("activity-", created.ActivityId);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST /teams/v3/conversations", $"{request.Method} {request.RawTarget}");
        var body = JsonNode.Parse(request.RawBody)!;
        Assert.True(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("19:tiltak@thread.tacv2", body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TestTokens.TenantId, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bodies_are_sent_with_a_Content_Length_equal_to_their_size_and_never_chunked()
    {
        var serviceUrl = _connector.ServiceUrl;
        await Client.SendToConversationAsync(serviceUrl, ChannelThread, Activity.CreateMessageActivity("hei æøå"));
        await Client.ReplyToActivityAsync(serviceUrl, ChannelThread, "1700000000001", Activity.CreateMessageActivity("svar"));
        await Client.UpdateActivityAsync(serviceUrl, ChannelThread, "activity-1", Activity.CreateMessageActivity("endret"));
        await Client.CreateConversationAsync(serviceUrl,
            ConversationParameters.ForChannelThread("19:tiltak@thread.tacv2", TestTokens.TenantId, Activity.CreateMessageActivity("Ukens status")));

        var requests = _connector.Requests;
        Assert.Equal(
            [ConnectorOperation.SendToConversation, ConnectorOperation.ReplyToActivity, ConnectorOperation.UpdateActivity, ConnectorOperation.CreateConversation],
            requests.Select(r => r.Operation));
        Assert.All(requests, r =>
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(r.RawBody), r.ContentLength);
            Assert.Null(r.TransferEncoding);
            Assert.Equal("application/json; charset=utf-8", r.Header("Content-Type"));
            Assert.NotNull(r.Body);
        });
    }

    [Fact]
    public async Task A_429_with_Retry_After_in_seconds_waits_that_long()
    {
        _connector.EnqueueStatus(429, "TooManyRequests", retryAfter: "1");
        await Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x"));
        var requests = _connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_429_with_Retry_After_as_a_date_waits_until_then()
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        _connector.EnqueueStatus(429, retryAfter: until.ToString("r", CultureInfo.InvariantCulture));
        await Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x"));
        var requests = _connector.Requests;
        Assert.Equal(2, requests.Count);
        // HTTP dates have whole seconds: the wait is between 1 and 2 s.
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_long_Retry_After_is_capped()
    {
        _connector.EnqueueStatus(429, retryAfter: "3600");
        var watch = Stopwatch.StartNew();
        await Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(5)); // MaxRetryAfter = 2 s
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(503)]
    public async Task Statuses_that_prove_the_message_was_not_taken_are_retried_with_backoff(int status)
    {
        _connector.EnqueueStatus(status);
        _connector.EnqueueStatus(status);
        var sent = await Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x"));
        Assert.NotNull(sent.Id);
        AssertRetriedTwiceWithBackoff();
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Statuses_that_leave_open_whether_it_was_taken_are_retried_for_an_update(int status)
    {
        _connector.EnqueueStatus(status);
        _connector.EnqueueStatus(status);
        var updated = await Client.UpdateActivityAsync(_connector.ServiceUrl, ChannelThread, "activity-1", Activity.CreateMessageActivity("x"));
        Assert.Equal("activity-1", updated.Id);
        AssertRetriedTwiceWithBackoff();
    }

    private void AssertRetriedTwiceWithBackoff()
    {
        var requests = _connector.Requests;
        Assert.Equal(3, requests.Count);
        // Backoff with jitter: attempt n waits between half and all of 20 ms * 2^(n-1).
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(9));
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromMilliseconds(19));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_message_answered_with_a_status_that_leaves_delivery_open_is_not_posted_again(int status)
    {
        _connector.EnqueueStatus(status, "ServiceError");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.ReplyToActivityAsync(_connector.ServiceUrl, ChannelThread, "1700000000001", Activity.CreateMessageActivity("x")));
        Assert.Equal(status, (int)ex.StatusCode!.Value);
        Assert.True(ex.MayHaveBeenDelivered);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_500_is_not_retried_even_for_an_update_as_Teams_documents()
    {
        _connector.EnqueueStatus(500, "ServiceError");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.UpdateActivityAsync(_connector.ServiceUrl, ChannelThread, "activity-1", Activity.CreateMessageActivity("x")));
        Assert.False(ex.MayHaveBeenDelivered); // an update sent twice is still one message
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_nothing_was_sent()
    {
        var closed = $"http://127.0.0.1:{LoopbackPorts.Free()}/teams/";
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(closed, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Null(ex.StatusCode);
        Assert.Equal(4, ex.Attempts);
        Assert.False(ex.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task A_200_whose_body_is_not_JSON_counts_as_delivered_once()
    {
        _connector.Enqueue(async http =>
        {
            http.Response.ContentType = "text/html";
            await http.Response.WriteAsync("<html>gateway says hi</html>");
        });
        var sent = await Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x"));
        Assert.Null(sent.Id);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Retries_are_bounded_by_attempts_and_then_fail_with_status_and_code()
    {
        for (var i = 0; i < 10; i++) _connector.EnqueueStatus(503, "ServiceUnavailable");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("ServiceUnavailable", ex.ErrorCode);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_by_total_time()
    {
        await using var services = BuildServices(o =>
        {
            o.MaxRetryAfter = TimeSpan.FromSeconds(30);
            o.MaxTotalTime = TimeSpan.FromMilliseconds(500);
        });
        _connector.EnqueueStatus(429, retryAfter: "5");
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "gave up at once instead of waiting past the budget");
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_timed_out_update_is_retried()
    {
        await using var services = BuildServices(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(20);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(400);
        });
        // Warm up the connection so the timed attempt measures only the hang.
        await services.GetRequiredService<IConnectorClient>().GetTeamChannelsAsync(_connector.ServiceUrl, "19:team");
        _connector.EnqueueHang(TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();
        var sent = await services.GetRequiredService<IConnectorClient>().UpdateActivityAsync(_connector.ServiceUrl, ChannelThread, "activity-1", Activity.CreateMessageActivity("x"));
        Assert.NotNull(sent.Id);
        Assert.Equal(3, _connector.Requests.Count);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(380), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_timed_out_message_post_is_not_sent_again()
    {
        await using var services = BuildServices(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(20);
            // Long enough that a busy machine delivers the request before the client gives up on it.
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
        });
        _connector.EnqueueHang(TimeSpan.FromSeconds(10));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Null(ex.StatusCode);
        Assert.True(ex.MayHaveBeenDelivered);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task MessageWritesBlocked_throws_ConversationBlockedException_without_retrying()
    {
        _connector.EnqueueStatus(403, "MessageWritesBlocked");
        var ex = await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Equal(ChannelThread, ex.ConversationId);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Teams_documented_blocked_body_with_errorCode_209_and_a_subCode_is_recognised()
    {
        _connector.Enqueue(async http =>
        {
            http.Response.StatusCode = 403;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(
                """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""");
        });
        var ex = await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Equal("MessageWritesBlocked", ex.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData("MessageWritesBlocked")]
    [InlineData("ConversationBlockedByUser")]
    public async Task A_blocked_conversation_is_reported_to_the_listeners_with_where_it_is(string code)
    {
        var listener = new RecordingBlockedListener();
        await using var services = BuildServices(_ => { }, extra: s => s.AddSingleton<IConversationBlockedListener>(listener));
        _connector.EnqueueStatus(403, code);
        var activity = Activity.CreateMessageActivity("x");
        activity.Conversation = new ConversationAccount(ChannelThread) { TenantId = TestTokens.TenantId };
        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, ChannelThread, activity));
        Assert.Equal(new BlockedConversation(_connector.ServiceUrl, TestTokens.TenantId, ChannelThread, code), Assert.Single(listener.Blocked));
    }

    [Fact]
    public async Task A_failing_listener_does_not_change_what_the_caller_sees()
    {
        var listener = new RecordingBlockedListener { Fail = true };
        await using var services = BuildServices(_ => { }, extra: s => s.AddSingleton<IConversationBlockedListener>(listener));
        _connector.EnqueueStatus(403, "MessageWritesBlocked");
        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Single(listener.Blocked);
    }

    [Theory]
    [InlineData("http://0.0.0.0:9/teams/", false)]
    [InlineData("https://0.0.0.0/teams/", false)]
    [InlineData("http://0.0.0.0:9/teams/", true)]
    public async Task Nothing_is_sent_where_the_service_url_policy_forbids(string serviceUrl, bool withAppId)
    {
        // 0.0.0.0 is not a loopback address to the policy, yet a connection attempt would stay on this machine: a
        // broken guard cannot send traffic elsewhere.
        var configuration = withAppId
            ? new Dictionary<string, string?> { ["MicrosoftAppId"] = TestTokens.AppId, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = TestTokens.TenantId, ["MicrosoftAppPassword"] = "not-used" }
            : null;
        await using var services = BuildServices(_ => { }, configuration, extra: s => s.AddSingleton<IBotTokenProvider>(new NoToken()));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(serviceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.Equal("ServiceUrlNotAllowed", ex.ErrorCode);
        Assert.Equal(0, ex.Attempts);
    }

    private sealed class RecordingBlockedListener : IConversationBlockedListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<BlockedConversation> _blocked = new();
        public bool Fail { get; init; }
        public IReadOnlyList<BlockedConversation> Blocked => [.. _blocked];

        public Task OnConversationBlockedAsync(BlockedConversation conversation, CancellationToken cancellationToken)
        {
            _blocked.Enqueue(conversation);
            return Fail ? throw new InvalidOperationException("listener broke") : Task.CompletedTask;
        }
    }

    private sealed class NoToken : IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(400, "BadSyntax")]
    public async Task Other_client_errors_fail_at_once_with_status_and_code(int status, string code)
    {
        _connector.EnqueueStatus(status, code);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(_connector.ServiceUrl, ChannelThread, Activity.CreateMessageActivity("x")));
        Assert.IsNotType<ConversationBlockedException>(ex);
        Assert.Equal(status, (int)ex.StatusCode!.Value);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Contains(code, ex.Message, StringComparison.Ordinal);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Sends_to_one_conversation_are_spaced_to_seven_per_second_and_none_is_dropped()
    {
        var watch = Stopwatch.StartNew();
        var sends = Enumerable.Range(0, 14).Select(i =>
            Client.SendToConversationAsync(_connector.ServiceUrl, "a:limited-conversation", Activity.CreateMessageActivity($"m{i}")));
        var results = await Task.WhenAll(sends);
        Assert.Equal(14, results.Length);
        Assert.Equal(14, _connector.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"14 sends took {watch.Elapsed}");
        var requests = _connector.Requests.OrderBy(r => r.At).ToList();
        Assert.True(requests[7].At - requests[0].At >= TimeSpan.FromMilliseconds(850), "the 8th send waited for the window");
    }

    [Fact]
    public async Task Sends_across_conversations_of_one_tenant_share_the_tenant_limit()
    {
        await using var services = BuildServices(o => o.PerTenantPerSecond = 3);
        var client = services.GetRequiredService<IConnectorClient>();
        Activity ForTenant(string tenant) => new(ActivityTypes.Message) { Text = "x", Conversation = new ConversationAccount("c") { TenantId = tenant } };

        // Another tenant's sends (also a warm-up) use tenant-b's permits, not tenant-a's.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.SendToConversationAsync(_connector.ServiceUrl, $"a:other-{i}", ForTenant("tenant-b"))));

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.SendToConversationAsync(_connector.ServiceUrl, $"a:conversation-{i}", ForTenant("tenant-a"))));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(850), $"6 sends at 3/s took {watch.Elapsed}");
        Assert.Equal(9, _connector.Requests.Count);
    }
}
