using System.Net;
using System.Text.Json.Nodes;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Chat;

/// <summary>What happens after the first answer: paging a list, card data sent back by the client, later changes.</summary>
public sealed class ChatFollowUpTests(ChatAppFixture chat) : IClassFixture<ChatAppFixture>
{
    private async Task<(HttpStatusCode Status, JsonNode? Body)> InvokeAsync(string verb, JsonObject data)
    {
        var invoke = TeamsActivities.Execute(chat.Connector.ServiceUrl, verb, data, "a:paging");
        var response = await chat.Http.PostAsync(invoke);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Show_more_replaces_the_list_with_the_next_page()
    {
        var first = Reply.Of(await chat.AskAsync("pågående tiltak"));
        Assert.Contains("1–8 av 21", first.All);
        var more = first.Card!["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == "chat.more")!["data"]!.DeepClone().AsObject();
        Assert.Equal(1, more["page"]!.GetValue<int>());

        var (status, body) = await InvokeAsync("chat.more", more);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body!["type"]!.GetValue<string>());
        var next = new Reply(null, body["value"]!.AsObject());
        Assert.Contains("9–16 av 21", next.All);
        Assert.Empty(next.MeasureIds.Intersect(first.MeasureIds));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"q\": 42}")]
    [InlineData("{\"q\": \"pågående tiltak\", \"page\": -1}")]
    [InlineData("{\"q\": \"pågående tiltak\", \"page\": 99999999}")]
    [InlineData("{\"q\": \"pågående tiltak\", \"page\": \"2\"}")]
    public async Task Wrong_or_hostile_card_data_gets_a_clear_error_and_no_crash(string data)
    {
        var (status, body) = await InvokeAsync("chat.more", JsonNode.Parse(data)!.AsObject());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(400, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_made_after_the_import_is_listed_as_changed()
    {
        var store = chat.App.Get<MeasureStore>();
        var measure = (await store.GetMeasureAsync("25-juni", "25-juni-08", CancellationToken.None))!;
        var at = chat.App.Get<TimeProvider>().GetUtcNow();
        var updated = await store.UpdateAsync(measure with { Status = MeasureStatus.InProgress, UpdatedAt = at, UpdatedBy = "Kari" },
            new HistoryEntry("25-juni", "25-juni-08", at, "Kari", "card", [new FieldChange("status", "UnderPlanning", "InProgress")], null),
            CancellationToken.None);
        chat.App.Get<MeasureIndex>().Apply([updated]);

        var reply = Reply.Of(await chat.AskAsync("hva er endret siste uke?"));

        Assert.Equal(["25-juni-08"], reply.MeasureIds);
    }
}
