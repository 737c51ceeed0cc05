using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Schema;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;
using Activity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.BotFramework.Tests;

/// <summary>POST /api/messages in development mode (no app id) against a loopback connector.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private const string IncomingId = "1700000000001";
    private LoopbackConnector _connector = null!;
    private BotTestApp _app = null!;

    private JsonObject SetStatusInvoke() =>
        TeamsActivities.Execute(_connector.ServiceUrl, "setStatus", new JsonObject { ["measureId"] = "m-1", ["status"] = "iverksatt" });

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        // The turn budget is a real timer here: these tests measure the 200 against it.
        _app = await BotTestApp.StartAsync(new Dictionary<string, string?> { ["BotFramework:TurnBudget"] = "00:00:00.300" }, systemClock: true);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"type\":42}")]
    public async Task Malformed_json_gets_400(string body)
    {
        var response = await _app.PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_app.Bot.Calls);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    public async Task Missing_required_fields_get_400(string field)
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl);
        activity.Remove(field);
        var response = await _app.PostAsync(activity);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(field, problem["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_app.Bot.Calls);
    }

    [Fact]
    public async Task A_service_url_that_is_not_http_gets_400()
    {
        var activity = TeamsActivities.Message("file:///etc/passwd");
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.PostAsync(activity)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413_by_content_length()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, text: new string('x', 256 * 1024));
        var response = await _app.PostAsync(activity);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_app.Bot.Calls);
    }

    [Fact]
    public async Task A_chunked_body_over_256_KB_gets_413_while_reading()
    {
        var bytes = Encoding.UTF8.GetBytes(TeamsActivities.Message(_connector.ServiceUrl, text: new string('x', 300 * 1024)).ToJsonString());
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_app.Bot.Calls);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_accepted()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, text: new string('x', 250 * 1024));
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(activity)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_activity_type_gets_200()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl);
        activity["type"] = "somethingNewFromTeams";
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(activity)).StatusCode);
        Assert.Equal("unrecognized", _app.Bot.Calls[^1].Handler);
    }

    [Fact]
    public async Task An_unhandled_invoke_gets_501()
    {
        var response = await _app.PostAsync(TeamsActivities.Invoke(_connector.ServiceUrl, name: "composeExtension/query", value: new JsonObject()));
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_adaptive_card_action_the_bot_does_not_answer_gets_501()
    {
        var response = await _app.PostAsync(SetStatusInvoke());
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("cardAction", _app.Bot.Calls[^1].Handler);
    }

    [Fact]
    public async Task An_adaptive_card_action_is_answered_with_the_invoke_response_body()
    {
        AdaptiveCardInvokeValue? seen = null;
        _app.Bot.OnCardAction = (_, value, _) =>
        {
            seen = value;
            return Task.FromResult<AdaptiveCardInvokeResponse?>(AdaptiveCardInvokeResponse.Card(new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = "Lagret" } } }));
        };
        var response = await _app.PostAsync(SetStatusInvoke());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("Lagret", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("setStatus", seen!.Action!.Verb);
        Assert.Equal("iverksatt", seen.Action.Data!.Value.GetProperty("status").GetString());
        Assert.Equal("manual", seen.Trigger);
    }

    [Fact]
    public async Task A_precondition_failure_is_an_HTTP_200_with_status_412_in_the_body()
    {
        _app.Bot.OnCardAction = (_, _, _) => Task.FromResult<AdaptiveCardInvokeResponse?>(AdaptiveCardInvokeResponse.PreconditionFailed("Changed", "Tiltaket ble endret"));
        var response = await _app.PostAsync(SetStatusInvoke());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(412, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error.preconditionFailed", body["type"]!.GetValue<string>());
        Assert.Equal("Tiltaket ble endret", body["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_adaptive_card_action_without_an_Action_Execute_value_gets_a_400_error_body()
    {
        var response = await _app.PostAsync(TeamsActivities.Invoke(_connector.ServiceUrl, value: new JsonObject { ["foo"] = 1 }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bot_replies_in_the_thread_with_its_mention_stripped_from_the_text()
    {
        _app.Bot.OnMessage = (turn, ct) => turn.SendActivityAsync($"Du skrev: {turn.Activity.GetTextWithoutRecipientMention()}", ct);
        var activity = TeamsActivities.Message(_connector.ServiceUrl, text: "<at>TeamsBot</at> status for <at>Kari Nordmann</at> ", id: IncomingId);
        activity["conversation"]!["id"] = "19:channel@thread.tacv2;messageid=1700000000000";
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>TeamsBot</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "TeamsBot" } },
            new JsonObject { ["type"] = "mention", ["text"] = "<at>Kari Nordmann</at>", ["mentioned"] = new JsonObject { ["id"] = TestUser.Kari.Id, ["name"] = "Kari Nordmann" } },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "nb-NO" });

        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(activity)).StatusCode);
        await _app.Bot.TurnCompleted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the 300 ms budget may answer first on a busy machine

        var sent = Assert.Single(_connector.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/teams/v3/conversations/19%3Achannel%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1700000000001", sent.RawTarget);
        var reply = JsonNode.Parse(sent.RawBody)!;
        Assert.Equal("Du skrev: status for <at>Kari Nordmann</at>", reply["text"]!.GetValue<string>());
        Assert.Equal("1700000000001", reply["replyToId"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.BotId, reply["from"]!["id"]!.GetValue<string>());
        Assert.Equal(TestUser.Kari.Id, reply["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_fields_reach_the_bot()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl);
        activity["futureField"] = new JsonObject { ["x"] = 1 };
        await _app.PostAsync(activity);
        await _app.Bot.TurnCompleted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the 300 ms budget may answer first on a busy machine
        var seen = Assert.Single(_app.Bot.Turns);
        Assert.Equal(1, seen.Properties!["futureField"].GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task A_slow_turn_is_answered_200_within_the_budget_and_still_completes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.Bot.OnMessage = async (turn, ct) =>
        {
            await release.Task.WaitAsync(ct);
            await turn.SendActivityAsync("ferdig", ct);
        };
        var watch = Stopwatch.StartNew();
        var response = await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3)); // budget is 300 ms
        Assert.Empty(_connector.Requests);
        Assert.Equal(1, _app.BackgroundTurnsRunning);

        release.SetResult();
        await _app.Bot.TurnCompleted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("ferdig", JsonNode.Parse(Assert.Single(_connector.Requests).RawBody)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_turn_is_still_answered_200_so_the_channel_does_not_send_it_again_and_the_exception_is_logged()
    {
        _app.Bot.OnMessage = (_, _) => throw new InvalidOperationException("boom: internal detail");
        var response = await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, text: "private question"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("boom", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at TeamsBot", body, StringComparison.Ordinal);
        var error = Assert.Single(_app.Server.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Contains(TeamsActivities.PersonalChatId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private question", _app.Server.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_invoke_gets_a_generic_500_error_body_in_an_HTTP_200()
    {
        _app.Bot.OnCardAction = (_, _, _) => throw new InvalidOperationException("boom: internal detail");
        var response = await _app.PostAsync(SetStatusInvoke());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("boom", text, StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("BotError", body["value"]!["code"]!.GetValue<string>());
        Assert.Contains(_app.Server.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_turn_failing_after_the_budget_is_logged_with_its_ids()
    {
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.Bot.OnMessage = async (_, ct) =>
        {
            await Task.Delay(600, ct);
            failed.SetResult();
            throw new InvalidOperationException("late failure");
        };
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: IncomingId))).StatusCode);
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_app.Server.Logs.Entries.Any(e => e.Level == LogLevel.Error) && DateTime.UtcNow < deadline) await Task.Delay(20);
        var error = Assert.Single(_app.Server.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("1700000000001", error.Message, StringComparison.Ordinal);
        Assert.Contains(TeamsActivities.PersonalChatId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proactive_messages_go_to_the_stored_conversation()
    {
        var adapter = (CloudAdapter)_app.Server.Services.GetService(typeof(CloudAdapter))!;
        var reference = new ConversationReference
        {
            ServiceUrl = _connector.ServiceUrl,
            ChannelId = "msteams",
            Bot = new ChannelAccount(TeamsActivities.BotId),
            Conversation = new ConversationAccount("19:tiltak@thread.tacv2") { TenantId = TestTokens.TenantId },
        };
        await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(Activity.CreateMessageActivity("Ukens status"), ct), CancellationToken.None);
        var sent = Assert.Single(_connector.Requests);
        Assert.Equal("/teams/v3/conversations/19%3Atiltak%40thread.tacv2/activities", sent.RawTarget);
        Assert.Equal("Ukens status", JsonNode.Parse(sent.RawBody)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_turn_can_update_and_delete_what_it_sent()
    {
        _app.Bot.OnMessage = async (turn, ct) =>
        {
            var sent = await turn.SendActivityAsync("Lagrer …", ct);
            await turn.UpdateActivityAsync(new Activity(ActivityTypes.Message) { Id = sent.Id, Text = "Lagret" }, ct);
            await turn.DeleteActivityAsync(sent.Id!, ct);
        };
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: IncomingId))).StatusCode);
        await _app.Bot.TurnCompleted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the 300 ms budget may answer first on a busy machine
        var conversation = Uri.EscapeDataString(TeamsActivities.PersonalChatId);
        Assert.Equal(
            [
                $"POST /teams/v3/conversations/{conversation}/activities/1700000000001",
                $"PUT /teams/v3/conversations/{conversation}/activities/activity-1",
                $"DELETE /teams/v3/conversations/{conversation}/activities/activity-1",
            ],
            _connector.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        var update = JsonNode.Parse(_connector.Requests[1].RawBody)!;
        Assert.Equal("Lagret", update["text"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.PersonalChatId, update["conversation"]!["id"]!.GetValue<string>());
        Assert.Null(update["replyToId"]);
    }
}
