using System.Net;
using System.Text.Json.Nodes;
using TeamsBot.Access;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Import;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Rounds;

/// <summary>The start card: what a start command without a plan or a deadline answers, and what submitting it does.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoundStartCardTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string JulyPlan = "22-juli";

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

    private string PlanTitle(string planId) => _bot.App.Get<MeasureIndex>().Current.Plans[planId].Title;

    private async Task AssertNoRoundAsync() => Assert.Empty(await _bot.Rounds.ListOpenAsync(CancellationToken.None).ToListAsync());

    private Task<JsonObject> SubmitAsync(JsonObject data, TestUser? user = null) =>
        _bot.ExecuteAsync(CardVerbs.StartRound, data, user ?? TestUser.Kari, TeamsActivities.PersonalChatId);

    private static string? Value(JsonObject card, string id) => UpdateHarness.InputValue(card, id);

    [Fact]
    public async Task A_bare_start_command_answers_with_a_card_of_the_plans_the_coordinator_has_and_a_deadline_two_weeks_ahead_on_a_working_day()
    {
        await _bot.App.Get<PlanImporter>().ImportAsync([PlanFiles.Seed(JulyPlan)], CancellationToken.None);
        await _bot.GrantAsync(TestUser.Kari, RoleRecord.Coordinator, $"{RoundHarness.PlanId},{JulyPlan}");

        var card = await _bot.StartCardAsync("be om status");

        var text = UpdateHarness.Text(card);
        Assert.Contains("Start en statusrunde", text);
        Assert.Contains("Velg plan og frist, så starter jeg runden.", text);
        var plans = UpdateHarness.Input(card, RoundStartCard.PlanInput);
        Assert.Equal([JulyPlan, RoundHarness.PlanId], plans["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Equal([PlanTitle(JulyPlan), PlanTitle(RoundHarness.PlanId)], plans["choices"]!.AsArray().Select(c => (string)c!["title"]!));
        Assert.Null(plans["value"]);
        // Monday 7 December + 14 days is Monday 21 December.
        Assert.Equal("2026-12-21", Value(card, RoundStartCard.DeadlineInput));
        Assert.Equal("2026-12-08", (string?)UpdateHarness.Input(card, RoundStartCard.DeadlineInput)["min"]);
        Assert.Equal(RoundLimits.NoteMaxLength, (int?)UpdateHarness.Input(card, RoundStartCard.NoteInput)["maxLength"]);
        Assert.Contains(UpdateHarness.Descendants(card), n => (string?)n["verb"] == CardVerbs.StartRound);
        await AssertNoRoundAsync();

        var named = await _bot.StartCardAsync("be om status for 22. juli-planen");
        Assert.Equal(JulyPlan, Value(named, RoundStartCard.PlanInput));
        Assert.Contains("Velg fristen for runden.", UpdateHarness.Text(named));
        await CardValidator.AssertValidAsync([card.ToJsonString(), named.ToJsonString()]);
    }

    [Fact]
    public async Task A_start_command_without_a_plan_keeps_the_typed_deadline_and_message_in_the_card_in_bokmal_and_in_english()
    {
        var card = await _bot.StartCardAsync("be om status innen 18. desember: Husk budsjettet");
        Assert.Contains("Velg hvilken plan runden gjelder.", UpdateHarness.Text(card));
        Assert.Equal("2026-12-18", Value(card, RoundStartCard.DeadlineInput));
        Assert.Equal("Husk budsjettet", Value(card, RoundStartCard.NoteInput));
        // Kari coordinates one plan only: it is chosen already.
        Assert.Equal(RoundHarness.PlanId, Value(card, RoundStartCard.PlanInput));
        Assert.Equal("Frist for svar", (string?)UpdateHarness.Input(card, RoundStartCard.DeadlineInput)["label"]);

        var english = await _bot.StartCardAsync("request status updates", locale: "en-US");
        var text = UpdateHarness.Text(english);
        Assert.Contains("Start a status round", text);
        Assert.Contains("Choose the plan and the deadline, and I will start the round.", text);
        Assert.Equal("Message to the owners (optional)", (string?)UpdateHarness.Input(english, RoundStartCard.NoteInput)["label"]);
        Assert.Equal("Start the round", (string?)english["actions"]![0]!["title"]);
        await CardValidator.AssertValidAsync([card.ToJsonString(), english.ToJsonString()]);
        await AssertNoRoundAsync();
    }

    [Fact]
    public async Task Someone_who_coordinates_no_plan_gets_the_refusal_and_no_card_and_cannot_start_a_round_with_a_card_of_their_own()
    {
        Assert.Equal("Bare koordinatorer for planen kan starte eller avslutte en statusrunde.", await _bot.SayTextAsync("be om status", TestUser.Ola));
        Assert.Equal("Bare koordinatorer for planen kan starte eller avslutte en statusrunde.", await _bot.SayTextAsync("start en statusrunde for 25. juni", TestUser.Ola));

        var card = await _bot.StartCardAsync("be om status");
        var answer = await SubmitAsync(RoundHarness.FillStart(card), TestUser.Ola);
        Assert.Equal("Bare koordinatorer for planen kan starte eller avslutte en statusrunde.", (string?)answer["value"]);
        await AssertNoRoundAsync();
    }

    [Fact]
    public async Task Submitting_the_start_card_starts_the_round_and_answers_with_the_started_card()
    {
        var card = await _bot.StartCardAsync("be om status");
        var answer = await SubmitAsync(RoundHarness.FillStart(card, deadline: "2026-12-18", note: "  Husk budsjettet  "));

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        var started = answer["value"]!.AsObject();
        Assert.Contains("Statusrunde startet", UpdateHarness.Text(started));
        Assert.Contains("Frist: 18. desember 2026", UpdateHarness.Text(started));
        var round = await _bot.OpenRoundAsync();
        Assert.Equal((new DateOnly(2026, 12, 18), "Husk budsjettet", TeamsActivities.PersonalChatId, _connector.ServiceUrl, TestUser.Kari.AadObjectId),
            (round.Deadline, round.Note, round.CoordinatorConversationId, round.CoordinatorServiceUrl, round.StartedBy));
        var owners = await _bot.Rounds.GetOwnersAsync(round.Id, CancellationToken.None);
        Assert.Equal(_bot.OpenMeasuresOf("PST").Select(m => m.Id), owners.Single(o => o.Unit == "PST").MeasureIds);
        await CardValidator.AssertValidAsync([started.ToJsonString()]);
    }

    [Fact]
    public async Task The_start_card_submitted_from_a_client_without_universal_actions_gets_the_started_card_as_a_message()
    {
        var card = await _bot.StartCardAsync("be om status", locale: "en-US");
        var value = RoundHarness.FillStart(card);
        value["verb"] = CardVerbs.StartRound;

        var before = _connector.Messages.Count;
        var response = await _bot.Http.PostAsync(TeamsActivities.Submit(_connector.ServiceUrl, value, replyToId: "start-card", locale: "en-US"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _connector.WaitForMessagesAsync(before + 1))[before];

        Assert.Contains("Status round started", UpdateHarness.Text(UpdateHarness.CardsOf(reply).Single()));
        Assert.Equal(new DateOnly(2026, 12, 21), (await _bot.OpenRoundAsync()).Deadline);
    }

    [Fact]
    public async Task A_start_card_with_a_missing_garbled_or_out_of_bounds_value_names_the_field_and_starts_nothing()
    {
        var card = await _bot.StartCardAsync("be om status");
        async Task<string?> RefusalAsync(JsonObject data) => (string?)(await SubmitAsync(data))["value"];

        Assert.Equal("Velg en plan i feltet «Plan».", await RefusalAsync(RoundHarness.FillStart(card, plan: "")));
        Assert.Equal($"Planen som er valgt, finnes ikke. Velg en av disse: «{PlanTitle(RoundHarness.PlanId)}».",
            await RefusalAsync(RoundHarness.FillStart(card, plan: "månelanding")));
        Assert.Equal("Velg en dato i feltet «Frist for svar».", await RefusalAsync(RoundHarness.FillStart(card, deadline: "")));
        Assert.Equal("Feltet «Frist for svar» må være en dato (åååå-mm-dd).", await RefusalAsync(RoundHarness.FillStart(card, deadline: "18.12.2026")));
        Assert.Equal("Fristen 7. desember 2026 er allerede passert. Velg en dato etter i dag.", await RefusalAsync(RoundHarness.FillStart(card, deadline: "2026-12-07")));
        Assert.Equal("Fristen 1. mars 2020 er allerede passert. Velg en dato etter i dag.", await RefusalAsync(RoundHarness.FillStart(card, deadline: "2020-03-01")));
        Assert.Equal("Fristen 1. januar 2029 er mer enn ett år fram i tid. Velg en nærmere dato.", await RefusalAsync(RoundHarness.FillStart(card, deadline: "2029-01-01")));
        Assert.Equal("Meldingen til eierne er for lang: høyst 500 tegn, og den har 501. Kort den ned og prøv igjen.",
            await RefusalAsync(RoundHarness.FillStart(card, note: new string('x', 501))));

        var wrongType = RoundHarness.FillStart(card);
        wrongType[RoundStartCard.DeadlineInput] = 20261218;
        var damaged = await SubmitAsync(wrongType);
        Assert.Equal(400, (int?)damaged["statusCode"]);
        Assert.Equal("Skjemaet kom fram skadet, så ingen runde ble startet. Skriv «be om status» for å få et nytt.", (string?)damaged["value"]!["message"]);
        await AssertNoRoundAsync();

        // Nothing was held back by the refusals: the same card, filled in right, starts the round.
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)(await SubmitAsync(RoundHarness.FillStart(card)))["type"]);
        await _bot.OpenRoundAsync();
    }

    [Fact]
    public async Task Submitting_the_start_card_twice_starts_one_round_and_says_the_second_time_that_one_is_open()
    {
        var data = RoundHarness.FillStart(await _bot.StartCardAsync("be om status"));

        var answers = await Task.WhenAll(SubmitAsync(data), SubmitAsync(data));
        var again = await SubmitAsync(data);

        Assert.Single(answers, a => (string?)a["type"] == "application/vnd.microsoft.card.adaptive");
        var refusals = answers.Append(again).Where(a => (string?)a["type"] != "application/vnd.microsoft.card.adaptive").Select(a => (string?)a["value"]).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal($"Det går allerede en statusrunde for {PlanTitle(RoundHarness.PlanId)} med frist 21. desember 2026. Avslutt den først («avslutt runden»).", r));
        await _bot.OpenRoundAsync();
    }
}
