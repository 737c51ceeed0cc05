using System.Text.Json.Nodes;
using TeamsBot.Access;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Storage;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Rounds;

/// <summary>A status round in Microsoft's Teams-like client: started in chat, the owner's card in their personal chat, a confirm, «hvem mangler?».</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlaygroundRoundTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SeededBotWithPlayground _bot = null!;

    public async Task InitializeAsync() => _bot = await SeededBotWithPlayground.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_round_started_in_the_Playground_reaches_the_owner_whose_confirm_leaves_the_measure_off_the_missing_list()
    {
        var client = _bot.Client;
        var user = (await client.GetTestConfigAsync()).CurrentUser;
        // The Playground's user coordinates the plan and answers for PST.
        await _bot.App.Get<RoleStore>().UpsertAsync(new RoleRecord(user.AadObjectId ?? user.Id,
            new HashSet<string>([RoleRecord.Coordinator, RoleRecord.Owner], StringComparer.Ordinal), ["25-juni"], ["PST"], user.Id, user.Name),
            CancellationToken.None);
        var chat = await client.InstallPersonalAsync();

        var deadline = OsloClock.DateOf(DateTimeOffset.UtcNow).AddDays(14);
        await client.SendMessageAsync(chat, $"be om status for 25. juni-planen innen {DateTexts.Date(deadline, UserLanguage.Bokmal)}");
        await client.WaitForBotMessageAsync(chat, m => m.Attachments.Count > 0);
        await _bot.App.Get<RoundScheduler>().RunDueAsync(CancellationToken.None);
        var request = await client.WaitForBotMessageAsync(chat, m => m.Attachments.Count > 0 && m.Attachments[0].Content.GetRawText().Contains(CardVerbs.ConfirmInRound, StringComparison.Ordinal));
        var card = JsonNode.Parse(request.Attachments[0].Content.GetRawText())!.AsObject();
        var confirm = RoundHarness.ConfirmActions(card).First()["data"]!.AsObject();
        var measureId = (string)confirm["measureId"]!;

        await client.ExecuteActionAsync(chat, request.MessageId, CardVerbs.ConfirmInRound, confirm);

        var history = await _bot.App.Get<MeasureStore>().GetHistoryAsync("25-juni", measureId, CancellationToken.None).ToListAsync();
        Assert.Equal((RoundConfirmHandler.Source, 0), (history[0].Source, history[0].Changes.Count));
        await client.SendMessageAsync(chat, "who is missing?");
        var missing = await client.WaitForBotMessageAsync(chat, m => m.Attachments.Count > 0 && m.Attachments[0].Content.GetRawText().Contains("PST", StringComparison.Ordinal));
        var text = UpdateHarness.Text(JsonNode.Parse(missing.Attachments[0].Content.GetRawText())!.AsObject());
        var measures = _bot.App.Get<MeasureIndex>().Current;
        Assert.DoesNotContain(measures.Find("25-juni", measureId)!.Title, text);
        var otherPst = measures.Measures.Values.Where(m => m.PlanId == "25-juni" && m.Id != measureId && m.Status != MeasureStatus.Implemented && m.Owners.Contains("PST")).ToList();
        Assert.All(otherPst, m => Assert.Contains(m.Title, text));
    }
}
