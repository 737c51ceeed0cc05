using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Rounds;

/// <summary>Bad input to rounds: each gets a clear, specific message and nothing is written.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoundRefusalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Start = "be om status for 25. juni-planen innen 18. desember 2026";

    private LoopbackConnector _connector = null!;
    private RoundHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _bot = await RoundHarness.StartAsync(azurite, _connector);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task AssertNoRoundAsync() => Assert.Empty(await _bot.Rounds.ListOpenAsync(CancellationToken.None).ToListAsync());

    [Fact]
    public async Task A_round_for_an_unknown_plan_answers_with_the_start_card_of_the_plans_there_are_and_starts_nothing()
    {
        var card = await _bot.StartCardAsync("be om status for månelandingsplanen innen 18. desember");
        Assert.Contains("Velg hvilken plan runden gjelder.", UpdateHarness.Text(card));
        Assert.Contains("25. juni", (string?)UpdateHarness.Input(card, RoundStartCard.PlanInput)["choices"]![0]!["title"]);
        Assert.Equal("2026-12-18", UpdateHarness.InputValue(card, RoundStartCard.DeadlineInput));
        await AssertNoRoundAsync();
    }

    [Fact]
    public async Task A_deadline_in_the_past_is_refused_and_starts_nothing()
    {
        Assert.Equal("Fristen 1. mars 2020 er allerede passert. Velg en dato etter i dag.",
            await _bot.SayTextAsync("be om status for 25. juni-planen innen 1. mars 2020"));
        await AssertNoRoundAsync();
    }

    [Fact]
    public async Task A_round_without_a_deadline_answers_with_the_start_card_with_the_plan_chosen()
    {
        var card = await _bot.StartCardAsync("be om status for 25. juni-planen");
        Assert.Contains("Velg fristen for runden.", UpdateHarness.Text(card));
        Assert.Equal(RoundHarness.PlanId, UpdateHarness.InputValue(card, RoundStartCard.PlanInput));
        await AssertNoRoundAsync();
    }

    [Fact]
    public async Task Someone_who_does_not_coordinate_the_plan_cannot_start_or_close_a_round()
    {
        Assert.Equal("Bare koordinatorer for planen kan starte eller avslutte en statusrunde.",
            await _bot.SayTextAsync(Start, TestUser.Ola));
        await AssertNoRoundAsync();

        await _bot.SayAsync(Start);
        Assert.Equal("Bare koordinatorer for planen kan starte eller avslutte en statusrunde.",
            await _bot.SayTextAsync("avslutt runden", TestUser.Ola));
        Assert.True((await _bot.OpenRoundAsync()).IsOpen);
    }

    [Fact]
    public async Task A_second_round_on_a_plan_with_one_open_is_refused()
    {
        await _bot.SayAsync(Start);
        Assert.StartsWith("Det går allerede en statusrunde for", await _bot.SayTextAsync("request status for the 25 June plan by 17 December 2026"));
        await _bot.OpenRoundAsync();
    }

    [Fact]
    public async Task A_confirm_for_a_measure_not_in_the_round_or_from_someone_else_or_stale_is_refused_and_writes_nothing()
    {
        await _bot.SayAsync(Start);
        await _bot.PollAsync();
        var pstCard = _bot.RoundCardsTo(RoundHarness.OlaChat)[0];
        var confirm = RoundHarness.ConfirmActions(pstCard).First()["data"]!.AsObject();
        var measureId = (string)confirm["measureId"]!;
        var historyBefore = (await _bot.HistoryAsync(measureId)).Count;

        // Per answers for PHS, not for this PST measure.
        var notYours = await _bot.ExecuteAsync(CardVerbs.ConfirmInRound, confirm, TestUser.Per, RoundHarness.PerChat);
        Assert.Equal("Du er ikke oppført som ansvarlig for dette tiltaket i runden, så du kan ikke bekrefte det.", (string?)notYours["value"]);

        // An implemented measure is not in the round.
        var implemented = _bot.App.Get<MeasureIndex>().Current.Measures.Values.First(m => m.PlanId == RoundHarness.PlanId && m.Status == MeasureStatus.Implemented);
        var other = confirm.DeepClone().AsObject();
        other["measureId"] = implemented.Id;
        var notInRound = await _bot.ExecuteAsync(CardVerbs.ConfirmInRound, other, TestUser.Ola, RoundHarness.OlaChat);
        Assert.Equal("Det tiltaket er ikke med i denne statusrunden.", (string?)notInRound["value"]);

        // A card drawn from an older version of the measure.
        var stale = confirm.DeepClone().AsObject();
        stale["version"] = "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"";
        var staleAnswer = await _bot.ExecuteAsync(CardVerbs.ConfirmInRound, stale, TestUser.Ola, RoundHarness.OlaChat);
        Assert.StartsWith("Tiltaket er endret siden kortet ble laget.", (string?)staleAnswer["value"]);

        // A round id we never drew.
        var unknown = confirm.DeepClone().AsObject();
        unknown["roundId"] = "no-such-round";
        var unknownAnswer = await _bot.ExecuteAsync(CardVerbs.ConfirmInRound, unknown, TestUser.Ola, RoundHarness.OlaChat);
        Assert.Equal(400, (int?)unknownAnswer["statusCode"]);

        Assert.Equal(historyBefore, (await _bot.HistoryAsync(measureId)).Count);
        Assert.DoesNotContain(await _bot.HistoryAsync(implemented.Id), h => h.Source == RoundConfirmHandler.Source);
        var title = _bot.App.Get<MeasureIndex>().Current.Find(RoundHarness.PlanId, measureId)!.Title;
        Assert.Contains(title, UpdateHarness.Text(UpdateHarness.CardsOf((await _bot.SayAsync("hvem mangler?"))[0]).Single()));
    }
}
