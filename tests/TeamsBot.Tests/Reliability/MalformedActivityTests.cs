using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TeamsBot.Conversations;
using TeamsBot.Localization;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Reliability.Fuzz;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Reliability;

/// <summary>
/// The minimal reproductions of issue 13.1 (and 13.5's serviceUrl) against the real service in the Development
/// environment: each got an HTTP 500 with a stack trace (or a reply attempt off the machine); each now gets a 4xx with
/// a reason (or the bot's own answer) and stores nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MalformedActivityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ReliabilityApp _app = null!;

    public async Task InitializeAsync() => _app = await ReliabilityApp.StartAsync(azurite, development: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string ServiceUrl => _app.Connector.ServiceUrl;

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string json)
    {
        using var response = await _app.PostAsync(Encoding.UTF8.GetBytes(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(FuzzOracle.HasStackTrace(body), body);
        return (response.StatusCode, body);
    }

    private static string Title(string body) => JsonNode.Parse(body)!["title"]!.GetValue<string>();

    [Theory]
    [InlineData("tenant key")]
    [InlineData("card verb")]
    [InlineData("invoke measureId")]
    [InlineData("extra recipient property")]
    public async Task A_lone_surrogate_gets_400_and_the_bot_never_runs(string where)
    {
        var activity = TeamsActivities.Execute(ServiceUrl, "measure.show", new JsonObject { ["planId"] = "25-juni", ["measureId"] = "25-juni-22" });
        switch (where)
        {
            case "tenant key": activity["channelData"]!["tenant"]!["id"] = "MARK"; break;
            case "card verb": activity["value"]!["action"]!["verb"] = "MARK"; break;
            case "invoke measureId": activity["value"]!["action"]!["data"]!["measureId"] = "MARK"; break;
            default: activity["recipient"]!["extra"] = "MARK"; break;
        }
        var (status, body) = await PostAsync(activity.ToJsonString().Replace("\"MARK\"", "\"x\\ud800\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unpaired UTF-16 surrogate", Title(body), StringComparison.Ordinal);
        Assert.Empty(_app.Connector.Requests);
    }

    [Theory]
    [InlineData("tenant as a string", "channelData.tenant")]
    [InlineData("tenant id as an object", "channelData.tenant.id")]
    [InlineData("mentioned as a string", "entities[0].mentioned")]
    public async Task Teams_fields_of_the_wrong_type_get_400_naming_the_field(string variant, string field)
    {
        var activity = TeamsActivities.ChannelMention(ServiceUrl, "hjelp");
        switch (variant)
        {
            case "tenant as a string": activity["channelData"]!["tenant"] = TeamsActivities.TenantId; break;
            case "tenant id as an object": activity["channelData"]!["tenant"]!["id"] = new JsonObject(); break;
            default: activity["entities"]![0]!["mentioned"] = TeamsActivities.BotId; break;
        }
        var (status, body) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, Title(body), StringComparison.Ordinal);
        Assert.Empty(_app.Connector.Requests);
    }

    [Fact]
    public async Task A_card_naming_a_20000_character_plan_gets_the_incomplete_form_answer_without_asking_storage()
    {
        var activity = TeamsActivities.Execute(ServiceUrl, CardVerbs.EditMeasure, new JsonObject { ["planId"] = new string('p', 20_000), ["measureId"] = "25-juni-22" });

        var (status, body) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(400, answer["statusCode"]!.GetValue<int>());
        Assert.Equal(UpdateTexts.For(UserLanguage.Bokmal).FormIncomplete, answer["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_development_mode_a_message_naming_a_serviceUrl_off_this_machine_is_refused_before_the_bot_runs()
    {
        // Issue 13.5: the bot tried to reply to this address 5 times. The refusal comes before any turn, so nothing is sent.
        var (status, body) = await PostAsync(TeamsActivities.Message("https://203.0.113.7/", "hjelp", "a:elsewhere").ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("replies only to loopback serviceUrls", Title(body), StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Category.StartsWith("TeamsBot.Bot", StringComparison.Ordinal) && e.Message.Contains("a:elsewhere", StringComparison.Ordinal));
        Assert.Empty(_app.Connector.Requests);
    }

    [Fact]
    public async Task An_install_with_a_2000_character_conversation_id_gets_400_and_registers_nothing()
    {
        var id = "a:" + new string('c', 1998);
        var (status, body) = await PostAsync(TeamsActivities.PersonalInstall(ServiceUrl, id).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("conversation.id is longer than 512 characters", Title(body), StringComparison.Ordinal);
        await using var registered = _app.App.Get<ConversationRegistry>().ListAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.False(await registered.MoveNextAsync());
    }
}
