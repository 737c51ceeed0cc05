using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests;

/// <summary>
/// Malformed activities (the shapes that reached the bot and failed halfway through a turn with a 500) are refused at
/// the endpoint with a 400 that names the field and the rule, and the bot never sees them.
/// </summary>
public sealed class InboundValidationTests : IAsyncLifetime
{
    private const string ServiceUrl = "http://127.0.0.1:9/teams/";
    private BotTestApp _app = null!;

    public async Task InitializeAsync() => _app = await BotTestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static JsonObject Message() => TeamsActivities.Message(ServiceUrl, "status for PLIVO");

    private async Task<string> RefusedAsync(string body)
    {
        var response = await _app.PostRawAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_app.Bot.Calls);
        return JsonNode.Parse(text)!["title"]!.GetValue<string>();
    }

    /// <summary>The activity as JSON text with <paramref name="marker"/>'s quoted value replaced by raw JSON text.</summary>
    private static string WithRaw(JsonObject activity, string marker, string rawJson) =>
        activity.ToJsonString().Replace($"\"{marker}\"", rawJson, StringComparison.Ordinal);

    [Theory]
    [InlineData("tenant key")]
    [InlineData("card verb")]
    [InlineData("invoke measureId")]
    [InlineData("extra recipient property")]
    [InlineData("text")]
    [InlineData("property name")]
    [InlineData("low surrogate alone")]
    public async Task A_lone_UTF16_surrogate_anywhere_gets_400(string where)
    {
        var activity = where switch
        {
            "card verb" or "invoke measureId" => TeamsActivities.Execute(ServiceUrl, "measure.show", new JsonObject { ["planId"] = "25-juni", ["measureId"] = "MARK" }),
            _ => Message(),
        };
        switch (where)
        {
            case "tenant key": activity["channelData"]!["tenant"]!["id"] = "MARK"; break;
            case "card verb": activity["value"]!["action"]!["verb"] = "MARK"; break;
            case "extra recipient property": activity["recipient"]!["futureField"] = "MARK"; break;
            case "text" or "low surrogate alone": activity["text"] = "MARK"; break;
            case "property name": activity["value"] = new JsonObject { ["MARK"] = 1 }; break;
        }
        var surrogate = where == "low surrogate alone" ? "\\udc00" : "abc\\ud83d";
        var body = where == "property name"
            ? activity.ToJsonString().Replace("\"MARK\":", $"\"{surrogate}\":", StringComparison.Ordinal)
            : WithRaw(activity, "MARK", $"\"{surrogate}\"");

        Assert.Contains("unpaired UTF-16 surrogate", await RefusedAsync(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task U_FFFE_which_Unicode_normalization_refuses_gets_400_escaped_or_not(bool escaped)
    {
        var body = WithRaw(Message(), "status for PLIVO", escaped ? "\"status \\ufffe\"" : "\"status \uFFFE\"");
        Assert.Contains("U+FFFE", await RefusedAsync(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_surrogate_pair_written_as_escapes_is_a_character_like_any_other()
    {
        var body = WithRaw(Message(), "status for PLIVO", "\"politi \\ud83d\\ude93\"");
        Assert.Equal(HttpStatusCode.OK, (await _app.PostRawAsync(body)).StatusCode);
        Assert.Equal("politi 🚓", Assert.Single(_app.Bot.Turns).Text);
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_gets_400()
    {
        var json = Message().ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes[json.IndexOf("PLIVO", StringComparison.Ordinal) + 4] = 0xC3; // a lead byte without its continuation
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var response = await _app.Client.PostAsync("/api/messages", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_app.Bot.Calls);
    }

    [Fact]
    public async Task A_body_cut_short_by_the_caller_is_dropped_without_a_5xx_or_an_error()
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(_app.Server.BaseAddress.Host, _app.Server.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/messages HTTP/1.1\r\nHost: {_app.Server.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"type\":"));
        client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send); // the rest never comes

        using var reader = new StreamReader(stream, Encoding.ASCII);
        string? statusLine;
        try
        {
            statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (IOException)
        {
            statusLine = null; // reset rather than closed
        }
        // Which of the two Kestrel reports depends on timing: the short body (400), or the caller gone (aborted).
        static bool Handled(string message) =>
            message.Contains("Refused an inbound request (400): The request body could not be read", StringComparison.Ordinal)
            || message.Contains("Dropped an inbound request: the caller went away", StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_app.Server.Logs.Entries.Any(e => Handled(e.Message)) && DateTime.UtcNow < deadline)
            await Task.Delay(20);

        // Kestrel ends such a connection itself; if anything is answered, it is a 400.
        Assert.True(statusLine is null || statusLine.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), statusLine);
        Assert.Empty(_app.Bot.Calls);
        Assert.Contains(_app.Server.Logs.Entries, e => Handled(e.Message));
        Assert.DoesNotContain(_app.Server.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Theory]
    [InlineData("tenant as a string", "channelData.tenant")]
    [InlineData("tenant id as an object", "channelData.tenant.id")]
    [InlineData("team as an array", "channelData.team")]
    [InlineData("channelData as a string", "channelData is not an object")]
    [InlineData("mentioned as a string", "entities[0].mentioned")]
    [InlineData("from as a string", "from")]
    [InlineData("membersAdded as an object", "membersAdded")]
    [InlineData("a null member", "membersAdded[1] is not an object")]
    public async Task A_field_of_the_wrong_type_gets_400_naming_the_field(string variant, string field)
    {
        var activity = Message();
        switch (variant)
        {
            case "tenant as a string": activity["channelData"]!["tenant"] = TeamsActivities.TenantId; break;
            case "tenant id as an object": activity["channelData"]!["tenant"]!["id"] = new JsonObject { ["id"] = TeamsActivities.TenantId }; break;
            case "team as an array": activity["channelData"]!["team"] = new JsonArray(1, 2); break;
            case "channelData as a string": activity["channelData"] = "tenant"; break;
            case "mentioned as a string":
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>TeamsBot</at>", ["mentioned"] = TeamsActivities.BotId });
                break;
            case "from as a string": activity["from"] = TestUser.Kari.Id; break;
            case "membersAdded as an object": activity["membersAdded"] = new JsonObject { ["id"] = TeamsActivities.BotId }; break;
            case "a null member": activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TestUser.Kari.Id }, null); break;
        }
        Assert.Contains(field, await RefusedAsync(activity.ToJsonString()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conversation.id", 513)]
    [InlineData("from.id", 513)]
    [InlineData("channelData.tenant.id", 513)]
    [InlineData("channelData.team.name", 1025)]
    [InlineData("locale", 257)]
    [InlineData("serviceUrl", 2100)]
    public async Task An_id_name_or_word_over_its_length_gets_400(string field, int length)
    {
        var activity = Message();
        var value = new string('a', length);
        switch (field)
        {
            case "conversation.id": activity["conversation"]!["id"] = value; break;
            case "from.id": activity["from"]!["id"] = value; break;
            case "channelData.tenant.id": activity["channelData"]!["tenant"]!["id"] = value; break;
            case "channelData.team.name": activity["channelData"]!["team"] = new JsonObject { ["id"] = TeamsActivities.TeamId, ["name"] = value }; break;
            case "locale": activity["locale"] = value; break;
            case "serviceUrl": activity["serviceUrl"] = ServiceUrl + value; break;
        }
        Assert.Contains(field, await RefusedAsync(activity.ToJsonString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_longest_ids_allowed_still_reach_the_bot()
    {
        var activity = Message();
        activity["conversation"]!["id"] = "a:" + new string('x', 510);
        activity["from"]!["id"] = "29:" + new string('y', 509);
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(activity)).StatusCode);
        Assert.Single(_app.Bot.Turns);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\n")]
    [InlineData("\u0085")]
    public async Task An_id_with_a_control_character_gets_400(string control)
    {
        var activity = Message();
        activity["conversation"]!["id"] = $"a:personal{control}1";
        Assert.Contains("conversation.id holds a control character", await RefusedAsync(activity.ToJsonString()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64, HttpStatusCode.OK)]
    [InlineData(65, HttpStatusCode.BadRequest)]
    [InlineData(5000, HttpStatusCode.BadRequest)]
    public async Task Values_nested_deeper_than_64_levels_get_400(int depth, HttpStatusCode expected)
    {
        // The activity object is level 1 and "value" level 2: depth-2 more arrays reach the given depth.
        var nested = new string('[', depth - 2) + new string(']', depth - 2);
        var body = WithRaw(TeamsActivities.Submit(ServiceUrl, new JsonObject { ["x"] = "NEST" }, replyToId: "1"), "NEST", nested);
        var response = await _app.PostRawAsync(body);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
            Assert.Contains("nested deeper than 64", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
