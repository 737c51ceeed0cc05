using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Playground;

/// <summary>Drives the real Agents Playground against <see cref="EchoBot"/>: each test has its own bot and Playground.</summary>
public sealed class PlaygroundDriverTests : IAsyncLifetime
{
    private EchoBot? _bot;
    private PlaygroundFixture? _playground;

    private EchoBot Bot => _bot!;
    private PlaygroundClient Client => _playground!.Client;

    public async Task InitializeAsync()
    {
        _bot = await EchoBot.StartAsync();
        _playground = await PlaygroundFixture.StartAsync(_bot.Endpoint);
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null) await _playground.DisposeAsync();
        if (_bot is not null) await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Test_config_describes_the_fake_tenant()
    {
        var config = await Client.GetTestConfigAsync();

        Assert.Equal("user-id-0", config.CurrentUser.Id);
        Assert.False(string.IsNullOrEmpty(config.Bot.Id));
        Assert.False(string.IsNullOrEmpty(config.PersonalChat.Id));
        var team = config.Team("team-id");
        Assert.Equal("team-id", team.GeneralChannel.Id);
        Assert.Contains(team.Channels, c => c.Id == "channel-announcements-id");
        Assert.NotNull(config.CurrentUser.UserPrincipalName);
    }

    [Fact]
    public async Task Personal_install_reaches_the_bot()
    {
        var chat = await Client.InstallPersonalAsync();
        var config = await Client.GetTestConfigAsync();

        var install = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "installationUpdate");
        Assert.Equal("add", (string?)install["action"]);
        Assert.Equal(chat, (string?)install["conversation"]?["id"]);
        Assert.Equal("personal", (string?)install["conversation"]?["conversationType"]);
        Assert.Equal("msteams", (string?)install["channelId"]);
        Assert.Equal(_playground!.Process.ServiceUrl.AbsoluteUri.TrimEnd('/'), ((string?)install["serviceUrl"])?.TrimEnd('/'));

        var update = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "conversationUpdate");
        var added = update["membersAdded"]!.AsArray().Select(m => (string?)m?["id"]).ToList();
        Assert.Contains(config.Bot.Id, added);
        Assert.Contains(config.CurrentUser.Id, added);
    }

    [Fact]
    public async Task Message_gets_the_echo_reply_through_the_stream()
    {
        var chat = await Client.InstallPersonalAsync();

        var sent = await Client.SendMessageAsync(chat, "hjelp");
        var replies = await Client.WaitForBotMessagesAsync(chat);

        Assert.Equal(chat, sent.BotConversationId);
        var reply = Assert.Single(replies);
        Assert.Equal("echo: hjelp", reply.Text);
        Assert.Equal((await Client.GetTestConfigAsync()).Bot.Id, reply.FromId);
        Assert.Empty(reply.Attachments);
        var received = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "message");
        Assert.Equal("hjelp", (string?)received["text"]);
        Assert.Equal("user-id-0", (string?)received["from"]?["id"]);
    }

    [Fact]
    public async Task Team_install_gives_the_bot_the_team()
    {
        var channel = await Client.InstallInTeamAsync("team-id");

        var install = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "installationUpdate");
        Assert.Equal("team-id", channel);
        Assert.Equal("team-id", (string?)install["channelData"]?["team"]?["id"]);
        Assert.Equal("channel", (string?)install["conversation"]?["conversationType"]);
        var update = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "conversationUpdate");
        Assert.Equal("team-id", (string?)update["channelData"]?["team"]?["id"]);
        Assert.Equal("teamMemberAdded", (string?)update["channelData"]?["eventType"]);
    }

    [Fact]
    public async Task Channel_message_reaches_the_bot_only_with_a_mention()
    {
        var config = await Client.GetTestConfigAsync();
        var channel = await Client.InstallInTeamAsync("team-id", "channel-announcements-id");

        await Client.SendMessageAsync(channel, "not for the bot");
        var sent = await Client.SendMessageAsync(channel, "hjelp", mentionBot: true);
        var replies = await Client.WaitForBotMessagesAsync(channel);

        Assert.StartsWith("channel-announcements-id;messageid=", sent.BotConversationId, StringComparison.Ordinal);
        Assert.Equal($"echo: <at>{config.Bot.Name}</at> hjelp", Assert.Single(replies).Text);
        var messages = Bot.Received.Where(a => (string?)a["type"] == "message").ToList();
        var message = Assert.Single(messages);
        Assert.Equal(sent.BotConversationId, (string?)message["conversation"]?["id"]);
        Assert.Equal($"<at>{config.Bot.Name}</at> hjelp", (string?)message["text"]);
        Assert.Equal("team-id", (string?)message["channelData"]?["team"]?["id"]);
        Assert.Equal("channel-announcements-id", (string?)message["channelData"]?["channel"]?["id"]);
        var mention = Assert.Single(message["entities"]!.AsArray(), e => (string?)e?["type"] == "mention")!;
        Assert.Equal(config.Bot.Id, (string?)mention["mentioned"]?["id"]);
        Assert.Equal($"<at>{config.Bot.Name}</at>", (string?)mention["text"]);
    }

    [Fact]
    public async Task Invoke_round_trip_returns_the_bots_invoke_response()
    {
        var chat = await Client.InstallPersonalAsync();
        await Client.SendMessageAsync(chat, "card please");
        // The Playground splits text + card into two messages: the text, then the card.
        var replies = await Client.WaitForBotMessagesAsync(chat, count: 2);
        var card = Assert.Single(replies, m => m.Attachments.Count == 1);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.Attachments[0].ContentType);
        Assert.Equal(EchoBot.CardVerb, card.Attachments[0].Content.GetProperty("actions")[0].GetProperty("verb").GetString());

        var response = await Client.ExecuteActionAsync(chat, card.MessageId, EchoBot.CardVerb, new JsonObject { ["n"] = 1 }, "Go");

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        Assert.Equal("done: go {\"n\":1}", response.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
        var invoke = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "invoke");
        Assert.Equal("adaptiveCard/action", (string?)invoke["name"]);
        Assert.Equal(card.MessageId, (string?)invoke["replyToId"]);
        Assert.Equal(EchoBot.CardVerb, (string?)invoke["value"]?["action"]?["verb"]);
    }

    [Fact]
    public async Task Submit_reaches_the_bot_as_a_message_with_value()
    {
        var chat = await Client.InstallPersonalAsync();
        await Client.SendMessageAsync(chat, "card please");
        var card = await Client.WaitForBotMessageAsync(chat, m => m.Attachments.Count > 0);

        await Client.SubmitAsync(chat, card.MessageId, new JsonObject { ["choice"] = "ja" });

        var submit = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "message" && a["value"] is not null);
        Assert.Equal("ja", (string?)submit["value"]?["choice"]);
        Assert.Equal(card.MessageId, (string?)submit["replyToId"]);
        var reply = await Client.WaitForBotMessageAsync(chat, m => m.Text?.Contains("choice", StringComparison.Ordinal) == true);
        Assert.Equal("echo: {\"choice\":\"ja\"}", reply.Text);
    }

    [Fact]
    public async Task Custom_activity_is_posted_to_the_bot_as_is()
    {
        var chat = await Client.InstallPersonalAsync();
        var activity = await Client.GetCustomActivityTemplateAsync(chat);
        activity["type"] = "event";
        activity["name"] = "test/ping";

        await Client.SendCustomActivityAsync(activity);

        var received = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "event");
        Assert.Equal("test/ping", (string?)received["name"]);
        Assert.Equal(chat, (string?)received["conversation"]?["id"]);
    }

    [Fact]
    public async Task Message_from_another_user_goes_as_a_raw_activity()
    {
        var config = await Client.GetTestConfigAsync();
        var channel = await Client.InstallInTeamAsync();
        var megan = config.Users[0];

        await Client.SendMessageAsync(channel, "hei", fromUserId: megan.Id, mentionBot: true);

        var received = await Bot.WaitForActivityAsync(a => (string?)a["type"] == "message");
        Assert.Equal(megan.Id, (string?)received["from"]?["id"]);
        Assert.Equal("team-id", (string?)received["channelData"]?["team"]?["id"]);
        Assert.Contains(received["entities"]!.AsArray(), e => (string?)e?["type"] == "mention");
        var reply = Assert.Single(await Client.WaitForBotMessagesAsync(channel));
        Assert.Equal($"echo: <at>{config.Bot.Name}</at> hei", reply.Text);
    }

    [Fact]
    public async Task Waiting_times_out_with_what_arrived()
    {
        var chat = await Client.InstallPersonalAsync();
        await Client.SendMessageAsync(chat, "one");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Client.WaitForBotMessagesAsync(chat, count: 2, timeout: TimeSpan.FromSeconds(2)));
        Assert.Contains("echo: one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_set_the_personal_conversation_id()
    {
        await using var playground = await PlaygroundFixture.StartAsync(Bot.Endpoint, new PlaygroundOptions { PersonalConversationId = "personal-e2e" });

        Assert.Equal("personal-e2e", (await playground.Client.GetTestConfigAsync()).PersonalChat.Id);
        Assert.Equal("personal-e2e", await playground.Client.InstallPersonalAsync());
    }

    [Fact]
    public void Stream_events_parse_the_playground_format()
    {
        var e = PlaygroundStream.Parse(
            """{"action":"createMessage","actionConversationId":"team-id;messageid=1","message":{"messageId":"2","timestamp":1795369659591,"from":{"id":"bot"},"text":"hi","textFormat":"markdown","attachments":[{"contentType":"x","content":{"a":1}}],"attachmentLayout":"list","mentions":[],"directLineConversationId":"team-id;messageid=1"}}""");

        Assert.Equal(PlaygroundStreamEvent.CreateMessage, e.Action);
        Assert.True(e.IsIn("team-id"));
        Assert.True(e.IsIn("team-id;messageid=1"));
        Assert.False(e.IsIn("team"));
        Assert.Equal("hi", e.Message!.Text);
        Assert.Equal(1, e.Message.Attachments[0].Content.GetProperty("a").GetInt32());
        Assert.Equal(JsonValueKind.Array, e.Message.Mentions.ValueKind);
    }
}
