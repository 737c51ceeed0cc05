using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests;

public class SchemaTests
{
    private const string TeamInstall = """
        {
          "type": "conversationUpdate",
          "id": "f:1234",
          "timestamp": "2026-11-22T17:00:00.123Z",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:admin", "aadObjectId": "aad-admin" },
          "recipient": { "id": "28:bot", "name": "TeamsBot" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "conv-tenant", "id": "19:general@thread.tacv2" },
          "membersAdded": [ { "id": "28:bot" } ],
          "channelData": {
            "team": { "aadGroupId": "g-1", "name": "Oppfølging", "id": "19:team@thread.tacv2" },
            "eventType": "teamMemberAdded",
            "tenant": { "id": "cd-tenant" },
            "settings": { "selectedChannel": { "id": "19:tiltak@thread.tacv2" } },
            "futureFlag": true
          },
          "futureField": { "nested": [1, 2, 3] }
        }
        """;

    [Fact]
    public void Unknown_fields_round_trip_at_every_level()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamInstall, BotJson.Options)!;
        Assert.True(activity.Properties!.ContainsKey("futureField"));

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;
        Assert.Equal("[1,2,3]", written["futureField"]!["nested"]!.ToJsonString());
        Assert.True(written["channelData"]!["futureFlag"]!.GetValue<bool>());
        Assert.Equal("conversationUpdate", written["type"]!.GetValue<string>());
        Assert.Equal("2026-11-22T17:00:00.123+00:00", written["timestamp"]!.GetValue<string>());
        Assert.Null(written["text"]); // nulls are omitted
    }

    [Fact]
    public void Teams_channel_data_and_tenant_are_read()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamInstall, BotJson.Options)!;
        var data = activity.GetChannelData<TeamsChannelData>()!;
        Assert.Equal("19:team@thread.tacv2", data.Team!.Id);
        Assert.Equal("Oppfølging", data.Team.Name);
        Assert.Equal("teamMemberAdded", data.EventType);
        Assert.Equal("19:tiltak@thread.tacv2", data.Settings!.SelectedChannel!.Id);
        Assert.Equal("cd-tenant", activity.GetTenantId()); // channelData.tenant.id wins
        Assert.True(activity.IsBotAdded());

        activity.ChannelData = null;
        Assert.Equal("conv-tenant", activity.GetTenantId());
    }

    [Fact]
    public void Conversation_reference_round_trips_into_an_outgoing_activity()
    {
        var inbound = JsonSerializer.Deserialize<Activity>(TeamsActivities.Message("https://smba.example/emea/").ToJsonString(), BotJson.Options)!;
        var reference = inbound.GetConversationReference();
        Assert.Equal(inbound.Id, reference.ActivityId);
        Assert.Equal(TeamsActivities.BotId, reference.Bot!.Id);

        var stored = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(reference, BotJson.Options), BotJson.Options)!;
        var outgoing = Activity.CreateMessageActivity("Ukentlig status").ApplyConversationReference(stored);
        Assert.Equal(TeamsActivities.BotId, outgoing.From!.Id);
        Assert.Equal(TestUser.Kari.Id, outgoing.Recipient!.Id);
        Assert.Equal(TeamsActivities.PersonalChatId, outgoing.Conversation!.Id);
        Assert.Equal("https://smba.example/emea/", outgoing.ServiceUrl);
        Assert.Equal(inbound.Id, outgoing.ReplyToId);

        var reply = inbound.CreateReply("svar");
        Assert.Equal(TeamsActivities.BotId, reply.From!.Id);
        Assert.Equal(TestUser.Kari.Id, reply.Recipient!.Id);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal("svar", reply.Text);
    }

    [Fact]
    public void Only_the_recipients_mentions_are_stripped_and_only_via_entities()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = "<at>TeamsBot</at> hvem eier tiltak 3? spør <at>Kari</at>",
            Recipient = new ChannelAccount("28:bot", "TeamsBot"),
            Entities =
            [
                Entity.From(new Mention { Mentioned = new ChannelAccount("28:bot", "TeamsBot"), Text = "<at>TeamsBot</at>" }),
                Entity.From(new Mention { Mentioned = new ChannelAccount("29:kari", "Kari"), Text = "<at>Kari</at>" }),
                new Entity("clientInfo"),
            ],
        };
        Assert.Equal("hvem eier tiltak 3? spør <at>Kari</at>", activity.GetTextWithoutRecipientMention());

        var noEntities = new Activity(ActivityTypes.Message) { Text = " <at>TeamsBot</at> hei ", Recipient = new ChannelAccount("28:bot") };
        Assert.Equal("<at>TeamsBot</at> hei", noEntities.RemoveRecipientMention());
        Assert.Equal("<at>TeamsBot</at> hei", noEntities.Text);
    }

    [Fact]
    public void Invoke_response_bodies_have_the_documented_shapes()
    {
        var card = JsonNode.Parse(JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Card(new { type = "AdaptiveCard", version = "1.5" }), BotJson.Options))!;
        Assert.Equal(200, card["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", card["value"]!["type"]!.GetValue<string>());

        var message = JsonNode.Parse(JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Message("Lagret"), BotJson.Options))!;
        Assert.Equal("application/vnd.microsoft.activity.message", message["type"]!.GetValue<string>());
        Assert.Equal("Lagret", message["value"]!.GetValue<string>());

        var error = JsonNode.Parse(JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Error(400, "BadInput", "Mangler status"), BotJson.Options))!;
        Assert.Equal(400, error["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", error["type"]!.GetValue<string>());
        Assert.Equal("BadInput", error["value"]!["code"]!.GetValue<string>());
        Assert.Equal("Mangler status", error["value"]!["message"]!.GetValue<string>());

        var conflict = JsonNode.Parse(JsonSerializer.Serialize(AdaptiveCardInvokeResponse.PreconditionFailed("Changed", "Endret av en annen"), BotJson.Options))!;
        Assert.Equal(412, conflict["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error.preconditionFailed", conflict["type"]!.GetValue<string>());
    }

    [Fact]
    public void Conversation_parameters_for_a_channel_thread_and_a_personal_chat()
    {
        var thread = JsonNode.Parse(JsonSerializer.Serialize(
            ConversationParameters.ForChannelThread("19:tiltak@thread.tacv2", "t-1", Activity.CreateMessageActivity("Ukens status")), BotJson.Options))!;
        Assert.True(thread["isGroup"]!.GetValue<bool>());
        Assert.Equal("19:tiltak@thread.tacv2", thread["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("t-1", thread["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("Ukens status", thread["activity"]!["text"]!.GetValue<string>());
        Assert.Null(thread["members"]);

        var chat = JsonNode.Parse(JsonSerializer.Serialize(ConversationParameters.ForPersonalChat(new ChannelAccount("29:kari"), "t-1"), BotJson.Options))!;
        Assert.False(chat["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:kari", chat["members"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Card_attachment_content_serializes_as_the_card_object()
    {
        var activity = Activity.CreateMessageActivity(Attachment.AdaptiveCard(new { type = "AdaptiveCard", version = "1.5", body = Array.Empty<object>() }));
        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", json["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", json["attachments"]![0]!["content"]!["version"]!.GetValue<string>());

        var read = JsonSerializer.Deserialize<Activity>(json.ToJsonString(), BotJson.Options)!;
        Assert.IsType<JsonElement>(read.Attachments![0].Content);
    }

    [Theory]
    [InlineData("\"2026-11-22T17:00:00.1234567Z\"", true)]
    [InlineData("\"2026-11-22T18:00:00.123+01:00\"", true)]
    [InlineData("\"22.11.2026 kl 18\"", false)]
    [InlineData("12345", false)]
    [InlineData("null", false)]
    public void Odd_timestamps_do_not_break_parsing(string timestamp, bool parsed)
    {
        var activity = JsonSerializer.Deserialize<Activity>($$"""{"type":"message","timestamp":{{timestamp}},"localTimestamp":{{timestamp}}}""", BotJson.Options)!;
        Assert.Equal(parsed, activity.Timestamp is not null);
        Assert.Equal(parsed, activity.LocalTimestamp is not null);
        Assert.DoesNotContain("null", JsonSerializer.Serialize(activity, BotJson.Options), StringComparison.Ordinal);
    }
}
