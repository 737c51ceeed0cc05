using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Updates;

/// <summary>The form end to end in Microsoft's Teams-like client: asked for in chat, submitted through its invoke route.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlaygroundUpdateTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SeededBotWithPlayground _bot = null!;
    private PlaygroundClient Client => _bot.Client;

    public async Task InitializeAsync() => _bot = await SeededBotWithPlayground.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Update_asked_for_in_chat_and_saved_through_the_invoke_route_changes_the_measure_once()
    {
        var chat = await Client.InstallPersonalAsync();
        await Client.SendMessageAsync(chat, "update NIM");
        var message = await Client.WaitForBotMessageAsync(chat, m => m.Attachments.Count > 0);
        var form = JsonNode.Parse(message.Attachments[0].Content.GetRawText())!.AsObject();
        Assert.Contains("Update status", UpdateHarness.Text(form));
        var data = UpdateHarness.Fill(form, status: "Implemented", comment: "from the Playground");

        var response = await Client.ExecuteActionAsync(chat, message.MessageId, CardVerbs.UpdateMeasure, data);

        Assert.Contains("Implemented", response.ValueKind == JsonValueKind.Undefined ? "" : response.GetRawText());
        var store = _bot.App.Get<MeasureStore>();
        Assert.Equal(MeasureStatus.Implemented, (await store.GetMeasureAsync("25-juni", "25-juni-29", CancellationToken.None))!.Status);
        var history = await store.GetHistoryAsync("25-juni", "25-juni-29", CancellationToken.None).ToListAsync();
        Assert.Equal(("card", "from the Playground"), (history[0].Source, history[0].Comment));
        Assert.Single(history, h => h.Source == "card");
    }
}
