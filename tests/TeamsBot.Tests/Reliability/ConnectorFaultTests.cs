using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TeamsBot.Conversations;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Reliability;

/// <summary>The real service with its own Azurite and a loopback connector whose answers each test scripts.</summary>
public sealed class FaultyConnectorApp : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public ReliabilityApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        App = await ReliabilityApp.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["BotConnector:AttemptTimeout"] = "00:00:01",
            ["BotConnector:MaxAttempts"] = "3",
            ["BotConnector:MaxRetryAfter"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>
/// What a reply meets at the connector, and what the bot does about it, through /api/messages of the real service:
/// the inbound answer is 200 whatever happens to the reply (a 5xx would make Teams redeliver and the bot answer twice);
/// a reply the connector refused for a reason that proves it was not taken (429, 503) is sent again and delivered
/// exactly once; one whose fate is unknown (500, 502, 504, a hang) or that is refused for good (403, 413, 401, 404,
/// 400) is not delivered, is logged with its ids, status and code, and is never sent a second time; a blocked
/// conversation is marked inactive in the registry.
/// </summary>
public sealed class ConnectorFaultTests(FaultyConnectorApp fixture) : IClassFixture<FaultyConnectorApp>
{
    private ReliabilityApp App => fixture.App;
    private LoopbackConnector Connector => App.Connector;

    /// <summary>A hung request may or may not have been taken: what counts is that it is never sent again.</summary>
    private const int Unknowable = -1;

    public enum Fault { Throttled, Unavailable, ServerError, BadGateway, GatewayTimeout, Hang, Blocked, TooLarge, Unauthorized, NotFound, BadRequest, NotJson }

    [Theory]
    [InlineData(Fault.Throttled, 1, 2)]
    [InlineData(Fault.Unavailable, 1, 2)]
    [InlineData(Fault.NotJson, 1, 1)]
    [InlineData(Fault.ServerError, 0, 1)]
    [InlineData(Fault.BadGateway, 0, 1)]
    [InlineData(Fault.GatewayTimeout, 0, 1)]
    [InlineData(Fault.Hang, Unknowable, 1)]
    [InlineData(Fault.Blocked, 0, 1)]
    [InlineData(Fault.TooLarge, 0, 1)]
    [InlineData(Fault.Unauthorized, 0, 2)] // once more with a fresh token: a 401 proves it was refused
    [InlineData(Fault.NotFound, 0, 1)]
    [InlineData(Fault.BadRequest, 0, 1)]
    public async Task A_reply_meeting_a_connector_fault_is_delivered_at_most_once_and_the_activity_is_answered_200(Fault fault, int delivered, int attempts)
    {
        var conversation = $"a:fault-{fault}";
        var activityId = $"fault-{fault}";
        if (fault == Fault.Blocked) await InstallAsync(conversation);
        Script(fault, conversation);

        var status = await PostAsync(TeamsActivities.Message(Connector.ServiceUrl, $"hjelp {Secret(fault)}", conversation, id: activityId));

        Assert.Equal(HttpStatusCode.OK, status);
        if (delivered <= 0) await WaitForLogAsync($"Reply failed for message activity {activityId}");
        var replies = await RepliesAsync(conversation, activityId, delivered);
        Assert.Equal(attempts, replies.Count);
        if (delivered != Unknowable) Assert.Equal(delivered, replies.Count(r => r.Succeeded));
        if (fault == Fault.Throttled) Assert.True(replies[1].At - replies[0].At >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 was not honoured");
        if (delivered <= 0)
        {
            var warning = await WaitForLogAsync($"Reply failed for message activity {activityId} in conversation {conversation}");
            Assert.Contains(fault == Fault.Hang ? "delivery unknown" : $"ReplyToActivity {(int)StatusOf(fault)}", warning, StringComparison.Ordinal);
        }
        if (fault == Fault.Blocked)
        {
            var record = await App.App.Get<ConversationRegistry>().GetAsync(TeamsActivities.TenantId, conversation, CancellationToken.None);
            Assert.False(record!.Active);
        }
        LogScan.AssertClean(App.Logs.Entries, ReliabilityApp.Secrets, [Secret(fault)]);
    }

    [Fact]
    public async Task A_reply_to_a_connector_that_refuses_connections_is_tried_again_since_nothing_was_sent_and_the_activity_is_answered_200()
    {
        var closed = $"http://127.0.0.1:{LoopbackPorts.Free()}/teams/";
        var status = await PostAsync(TeamsActivities.Message(closed, "hjelp", "a:fault-refused", id: "fault-refused"));

        Assert.Equal(HttpStatusCode.OK, status);
        var warning = await WaitForLogAsync("Reply failed for message activity fault-refused");
        Assert.Contains("after 3 attempt(s), not delivered", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Fault.Throttled, 200)]
    [InlineData(Fault.ServerError, 500)]
    public async Task A_card_action_whose_message_fails_is_answered_with_an_HTTP_200_and_the_message_is_not_sent_twice(Fault fault, int bodyStatus)
    {
        var conversation = $"a:card-fault-{fault}";
        Script(fault, conversation);
        var invoke = TeamsActivities.Execute(Connector.ServiceUrl, "measure.show", new JsonObject { ["planId"] = "25-juni", ["measureId"] = "25-juni-22" }, conversation);
        invoke["id"] = $"card-fault-{fault}";

        using var response = await App.PostAsync(Encoding.UTF8.GetBytes(invoke.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bodyStatus, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
        var replies = await RepliesAsync(conversation, $"card-fault-{fault}", bodyStatus == 200 ? 1 : 0);
        Assert.Equal(bodyStatus == 200 ? 2 : 1, replies.Count);
        Assert.True(replies.Count(r => r.Succeeded) <= 1);
    }

    private void Script(Fault fault, string conversation)
    {
        bool ToThis(ConnectorRequest r) => r.ConversationId == conversation;
        switch (fault)
        {
            case Fault.Hang: Connector.Enqueue(HangAsync, ToThis); break;
            case Fault.Blocked: Connector.Block(conversation); break;
            case Fault.NotJson: Connector.Enqueue(http => http.Response.WriteAsync("<html>proxy says hi</html>"), ToThis); break;
            case Fault.Unauthorized:
                Connector.EnqueueStatus(401, "Unauthorized", when: ToThis);
                Connector.EnqueueStatus(401, "Unauthorized", when: ToThis);
                break;
            default:
                Connector.EnqueueStatus((int)StatusOf(fault), CodeOf(fault), fault == Fault.Throttled ? "1" : null, ToThis);
                break;
        }
    }

    private static async Task HangAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static HttpStatusCode StatusOf(Fault fault) => fault switch
    {
        Fault.Throttled => HttpStatusCode.TooManyRequests,
        Fault.Unavailable => HttpStatusCode.ServiceUnavailable,
        Fault.ServerError => HttpStatusCode.InternalServerError,
        Fault.BadGateway => HttpStatusCode.BadGateway,
        Fault.GatewayTimeout => HttpStatusCode.GatewayTimeout,
        Fault.Blocked => HttpStatusCode.Forbidden,
        Fault.TooLarge => HttpStatusCode.RequestEntityTooLarge,
        Fault.Unauthorized => HttpStatusCode.Unauthorized,
        Fault.NotFound => HttpStatusCode.NotFound,
        Fault.BadRequest => HttpStatusCode.BadRequest,
        _ => HttpStatusCode.OK,
    };

    private static string? CodeOf(Fault fault) => fault switch
    {
        Fault.Throttled => "Throttled",
        Fault.TooLarge => "MessageSizeTooBig",
        Fault.NotFound => "ConversationNotFound",
        Fault.BadRequest => "BadArgument",
        Fault.ServerError or Fault.BadGateway => "ServiceError",
        _ => null,
    };

    /// <summary>Text the user typed, which must not reach a log line at Information or above.</summary>
    private static string Secret(Fault fault) => $"privattekst{fault}";

    private async Task InstallAsync(string conversation)
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TeamsActivities.PersonalInstall(Connector.ServiceUrl, conversation)));
        await Connector.WaitForAsync(r => r.ConversationId == conversation && r.Succeeded);
        Assert.True((await App.App.Get<ConversationRegistry>().GetAsync(TeamsActivities.TenantId, conversation, CancellationToken.None))!.Active);
    }

    private async Task<HttpStatusCode> PostAsync(JsonObject activity)
    {
        using var response = await App.PostAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()), $"Bearer {ReliabilityApp.InboundToken}");
        return response.StatusCode;
    }

    /// <summary>Every request that carried the reply to <paramref name="activityId"/> (as they arrived), once the delivered ones are in.</summary>
    private async Task<IReadOnlyList<ConnectorRequest>> RepliesAsync(string conversation, string activityId, int delivered)
    {
        bool IsReply(ConnectorRequest r) => r.ConversationId == conversation && r.ReplyToId == activityId;
        if (delivered > 0) await Connector.WaitForAsync(r => IsReply(r) && r.Succeeded, delivered);
        return [.. Connector.Requests.Where(IsReply)];
    }

    private async Task<string> WaitForLogAsync(string start)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (App.Logs.Entries.FirstOrDefault(e => e.Message.StartsWith(start, StringComparison.Ordinal)) is { } entry) return entry.Message;
            await Task.Delay(25);
        }
        throw new TimeoutException($"No log line starting \"{start}\" within 30 s.");
    }
}
