using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;
using Activity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.BotFramework.Tests;

/// <summary>Dispatch of Teams activities to the ActivityHandler's virtual methods.</summary>
public class ActivityHandlerTests
{
    private static async Task<string[]> DispatchAsync(JsonObject json) => (await DispatchInvokeAsync(json)).Handlers;

    private static async Task<(string[] Handlers, InvokeResponse? Response)> DispatchInvokeAsync(JsonObject json)
    {
        var bot = new TestBot();
        var activity = JsonSerializer.Deserialize<Activity>(json.ToJsonString(), BotJson.Options)!;
        var context = new TurnContext(activity, new NoConnector(), new EmptyServices(), NullLogger.Instance);
        await bot.OnTurnAsync(context, CancellationToken.None);
        return (bot.Calls.Select(c => c.Handler).Where(h => h != "turn").ToArray(), context.InvokeResponse);
    }

    [Fact]
    public async Task A_message_goes_to_OnMessageActivity()
    {
        Assert.Equal(["message"], await DispatchAsync(TeamsActivities.Message("https://s/")));
    }

    [Fact]
    public async Task An_Action_Submit_message_with_value_and_no_text_goes_to_OnCardSubmit()
    {
        var json = TeamsActivities.Message("https://s/");
        json.Remove("text");
        json["replyToId"] = "card-activity-1";
        json["value"] = new JsonObject { ["status"] = "iverksatt", ["measureId"] = "m-1" };
        Assert.Equal(["submit"], await DispatchAsync(json));
    }

    [Fact]
    public async Task A_team_install_conversation_update_goes_to_OnMembersAdded()
    {
        var json = TeamsActivities.Message("https://s/");
        json["type"] = "conversationUpdate";
        json.Remove("text");
        json["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId });
        json["channelData"]!["eventType"] = "teamMemberAdded";
        Assert.Equal(["membersAdded"], await DispatchAsync(json));

        json.Remove("membersAdded");
        json["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId });
        Assert.Equal(["membersRemoved"], await DispatchAsync(json));
    }

    [Theory]
    [InlineData("add", "installAdd")]
    [InlineData("add-upgrade", "installAdd")]
    [InlineData("remove", "installRemove")]
    [InlineData("remove-upgrade", "installRemove")]
    public async Task Installation_updates_dispatch_on_action(string action, string handler)
    {
        var json = TeamsActivities.Message("https://s/");
        json["type"] = "installationUpdate";
        json["action"] = action;
        Assert.Equal([handler], await DispatchAsync(json));
    }

    [Fact]
    public async Task A_file_consent_accept_goes_to_OnTeamsFileConsentAccept_and_a_decline_to_OnTeamsFileConsentDecline_both_answered_200()
    {
        var upload = TeamsActivities.UploadInfo("https://contoso-my.sharepoint.com/up/1", "plan.md");
        var accepted = await DispatchInvokeAsync(TeamsActivities.FileConsent("https://s/", "accept", new JsonObject { ["kind"] = "x" }, "card-1", upload));
        var declined = await DispatchInvokeAsync(TeamsActivities.FileConsent("https://s/", "decline", new JsonObject { ["kind"] = "x" }, "card-1"));

        Assert.Equal(["fileConsentAccept"], accepted.Handlers);
        Assert.Equal((200, null), (accepted.Response!.Status, accepted.Response.Body));
        Assert.Equal(["fileConsentDecline"], declined.Handlers);
        Assert.Equal((200, null), (declined.Response!.Status, declined.Response.Body));
    }

    [Theory]
    [InlineData("{\"action\":\"accept\",\"context\":{}}")]
    [InlineData("{\"action\":\"Accept\",\"context\":{},\"uploadInfo\":{\"uploadUrl\":\"https://contoso-my.sharepoint.com/up/1\"}}")]
    [InlineData("{\"action\":[]}")]
    [InlineData("42")]
    public async Task A_file_consent_that_is_not_an_accept_with_an_upload_url_or_a_decline_is_answered_400_and_reaches_no_handler(string value)
    {
        var json = TeamsActivities.FileConsent("https://s/", "accept", null, "card-1");
        json["value"] = JsonNode.Parse(value);

        var (handlers, response) = await DispatchInvokeAsync(json);

        Assert.Empty(handlers);
        Assert.Equal(400, response!.Status);
        Assert.Equal("BadRequest", Assert.IsType<Error>(response.Body).Code);
    }

    [Fact]
    public async Task Unknown_types_go_to_OnUnrecognizedActivityType()
    {
        var json = TeamsActivities.Message("https://s/");
        json["type"] = "handoff";
        Assert.Equal(["unrecognized"], await DispatchAsync(json));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class NoConnector : IConnectorClient
    {
        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<PagedMembersResult> GetConversationPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ConversationList> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
