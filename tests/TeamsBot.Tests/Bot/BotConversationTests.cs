using System.Net;
using System.Text.Json.Nodes;
using TeamsBot.Conversations;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Bot;

/// <summary>The bot through its real HTTP endpoint, with Azurite storage and a loopback Bot Connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BotConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private LoopbackConnector _connector = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _app = await TestApp.CreateAsync(azurite);
        await _app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        await _app.WaitUntilHealthyAsync();
        _http = new HttpClient { BaseAddress = _app.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<string> Ask(JsonObject activity)
    {
        var before = _connector.Messages.Count;
        var response = await _http.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await _connector.WaitForMessagesAsync(before + 1);
        return messages[before]["text"]!.GetValue<string>();
    }

    [Fact]
    public async Task Personal_install_registers_the_chat_and_welcomes_in_bokmal()
    {
        var welcome = await Ask(TeamsActivities.PersonalInstall(_connector.ServiceUrl));

        Assert.StartsWith("Hei! Jeg er TeamsBot", welcome);
        Assert.Contains("**planer**", welcome);
        var record = await _app.Get<ConversationRegistry>().GetAsync(TeamsActivities.TenantId, "a:personal-1", CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(("personal", true, _connector.ServiceUrl), (record.ConversationType, record.Active, record.ServiceUrl));
    }

    [Fact]
    public async Task Welcome_is_in_English_for_an_English_Teams_client()
    {
        var welcome = await Ask(TeamsActivities.PersonalInstall(_connector.ServiceUrl, locale: "en-GB"));
        Assert.StartsWith("Hi! I'm TeamsBot", welcome);
    }

    [Fact]
    public async Task An_install_that_names_no_language_opens_the_bokmal_welcome_with_one_sentence_each_in_bokmal_and_English()
    {
        var install = TeamsActivities.PersonalInstall(_connector.ServiceUrl);
        install.Remove("locale");

        var welcome = await Ask(install);

        var lines = welcome.Split("\n\n");
        Assert.Equal("Jeg svarer på bokmål, eller på engelsk når Teams-språket ditt er engelsk. _I answer in English when your Teams language is English._", lines[0]);
        Assert.StartsWith("Hei! Jeg er TeamsBot", lines[1]);
    }

    [Fact]
    public async Task The_locale_of_the_installationUpdate_is_kept_when_the_conversationUpdate_beside_it_has_none()
    {
        var installation = TeamsActivities.InstallationUpdate(_connector.ServiceUrl, "add");
        installation["locale"] = "en-US";
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(installation)).StatusCode);
        var install = TeamsActivities.PersonalInstall(_connector.ServiceUrl);
        install.Remove("locale");
        await Ask(install);

        var record = await _app.Get<ConversationRegistry>().GetAsync(TeamsActivities.TenantId, TeamsActivities.PersonalChatId, CancellationToken.None);
        Assert.Equal(("en-US", true), (record!.Locale, record.Active));
    }

    [Fact]
    public async Task Team_install_registers_team_and_selected_channel_and_says_how_to_ask()
    {
        var welcome = await Ask(TeamsActivities.TeamInstall(_connector.ServiceUrl));

        Assert.Contains("@TeamsBot", welcome);
        var record = await _app.Get<ConversationRegistry>().GetAsync(TeamsActivities.TenantId, "19:team-general@thread.tacv2", CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(("channel", "19:team-general@thread.tacv2", "Beredskap", "19:brief@thread.tacv2"),
            (record.ConversationType, record.TeamId, record.TeamName, record.ChannelId));
    }

    [Fact]
    public async Task Uninstall_marks_the_conversation_inactive_without_a_reply()
    {
        await Ask(TeamsActivities.PersonalInstall(_connector.ServiceUrl, "a:leaving"));
        var sent = _connector.Messages.Count;

        var response = await _http.PostAsync(TeamsActivities.Uninstall(_connector.ServiceUrl, "a:leaving"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await _app.Get<ConversationRegistry>().GetAsync(TeamsActivities.TenantId, "a:leaving", CancellationToken.None);
        Assert.False(record!.Active);
        Assert.Equal(sent, _connector.Messages.Count);
    }

    [Theory]
    [InlineData("hjelp", "nb-NO", "Dette kan jeg hjelpe med")]
    [InlineData("Hjelp!", "nb-NO", "Dette kan jeg hjelpe med")]
    [InlineData("help", "en-US", "Here is what I can help with")]
    [InlineData("hva kan du?", "nb-NO", "Dette kan jeg hjelpe med")]
    public async Task Help_answers_in_the_users_language(string text, string locale, string expected)
    {
        Assert.StartsWith(expected, await Ask(TeamsActivities.Message(_connector.ServiceUrl, text, locale: locale)));
    }

    [Fact]
    public async Task Plans_lists_each_plan_with_counts_per_status()
    {
        var answer = await Ask(TeamsActivities.Message(_connector.ServiceUrl, "planer"));

        Assert.Contains("30 tiltak (5 under planlegging, 21 pågående, 4 iverksatt)", answer);
        Assert.Contains("8 tiltak (8 iverksatt)", answer);
        var english = await Ask(TeamsActivities.Message(_connector.ServiceUrl, "plans", locale: "en-US"));
        Assert.Contains("30 measures (5 planned, 21 in progress, 4 implemented)", english);
    }

    [Fact]
    public async Task A_channel_message_is_understood_after_the_mention_is_removed()
    {
        var activity = TeamsActivities.ChannelMention(_connector.ServiceUrl, "hjelp", "19:brief@thread.tacv2");

        Assert.StartsWith("Dette kan jeg hjelpe med", await Ask(activity));
    }

    [Fact]
    public async Task Hostile_text_is_answered_with_an_inert_card()
    {
        var before = _connector.Messages.Count;
        var response = await _http.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, "}{ <script>alert(1)</script> ' or 1=1 --"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = (await _connector.WaitForMessagesAsync(before + 1))[before];
        var card = reply["attachments"]![0]!["content"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        // Its words («script», «alert») may find a measure; what matters is that nothing of the input is executed or echoed raw.
        Assert.StartsWith("{\"type\":\"AdaptiveCard\"", card);
        Assert.DoesNotContain("<script>", card);
    }

    [Fact]
    public async Task A_card_action_with_an_unknown_verb_gets_an_error_response_not_a_crash()
    {
        var invoke = TeamsActivities.Execute(_connector.ServiceUrl, "nope.nothing");

        var response = await _http.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.DoesNotContain("Exception", body.ToJsonString());
    }
}
