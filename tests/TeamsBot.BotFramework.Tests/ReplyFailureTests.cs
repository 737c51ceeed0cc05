using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests;

/// <summary>
/// A reply that fails, for good or for unknown, does not fail the inbound request (a 5xx would make the channel send
/// the activity again and the bot answer twice), is logged with its ids, status and code, and is not posted again.
/// </summary>
public sealed class ReplyFailureTests : IAsyncLifetime
{
    private const string IncomingId = "1700000000042";
    private LoopbackConnector _connector = null!;
    private BotTestApp _app = null!;
    private readonly BlockedConversations _blocked = new();

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _app = await BotTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["BotConnector:AttemptTimeout"] = "00:00:00.500",
            ["BotConnector:BaseDelay"] = "00:00:00.010",
        }, services: s => s.AddSingleton<IConversationBlockedListener>(_blocked), systemClock: true); // real waits for Retry-After
        _app.Bot.OnMessage = (turn, ct) => turn.SendActivityAsync("svar", ct);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData(403, "MessageWritesBlocked")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(401, "Unauthorized")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(400, "BadSyntax")]
    [InlineData(500, "ServiceError")]
    [InlineData(502, "ServiceError")]
    [InlineData(504, null)]
    public async Task A_reply_that_fails_is_tried_once_and_the_activity_is_still_answered_200(int status, string? code)
    {
        _connector.EnqueueStatus(status, code);

        var response = await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, "private words", id: IncomingId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_connector.Requests);
        var warning = Assert.Single(_app.Server.Logs.Entries, e => e.Message.StartsWith("Reply failed", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(IncomingId, warning.Message, StringComparison.Ordinal);
        Assert.Contains(TeamsActivities.PersonalChatId, warning.Message, StringComparison.Ordinal);
        Assert.Contains($"ReplyToActivity {status}", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private words", _app.Server.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_that_hangs_is_given_up_after_the_attempt_timeout_and_not_posted_again()
    {
        _connector.EnqueueHang(TimeSpan.FromSeconds(10));

        var response = await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: IncomingId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = await WaitForLogAsync("Reply failed");
        Assert.Contains("delivery unknown", warning.Message, StringComparison.Ordinal);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_reply_refused_with_429_is_sent_again_after_Retry_After_and_delivered_once()
    {
        _connector.EnqueueStatus(429, "Throttled", retryAfter: "1");

        var response = await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: IncomingId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sends = await _connector.WaitForSendsAsync(1);
        Assert.Equal(IncomingId, Assert.Single(sends).ActivityId);
        Assert.Equal([429, 200], _connector.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_blocked_conversation_is_reported_to_the_listener()
    {
        _connector.Block(TeamsActivities.PersonalChatId);

        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: IncomingId))).StatusCode);

        var blocked = Assert.Single(_blocked.Seen);
        Assert.Equal(TeamsActivities.PersonalChatId, blocked.ConversationId);
        Assert.Equal(TeamsActivities.TenantId, blocked.TenantId);
        Assert.Equal(_connector.ServiceUrl, blocked.ServiceUrl);
    }

    private async Task<LogEntry> WaitForLogAsync(string prefix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_app.Server.Logs.Entries.FirstOrDefault(e => e.Message.StartsWith(prefix, StringComparison.Ordinal)) is { } entry) return entry;
            await Task.Delay(20);
        }
        throw new TimeoutException($"No log entry starting with '{prefix}'.");
    }

    private sealed class BlockedConversations : IConversationBlockedListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<BlockedConversation> _seen = new();
        public IReadOnlyList<BlockedConversation> Seen => [.. _seen];

        public Task OnConversationBlockedAsync(BlockedConversation conversation, CancellationToken cancellationToken)
        {
            _seen.Enqueue(conversation);
            return Task.CompletedTask;
        }
    }
}
