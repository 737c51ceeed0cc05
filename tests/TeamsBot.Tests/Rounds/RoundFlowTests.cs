using TeamsBot.Measures.Cards;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Rounds;

/// <summary>A status round end to end through /api/messages: Azurite, the loopback connector, time moved with a fake clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoundFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Start = "be om status for 25. juni-planen innen 18. desember 2026: Husk å nevne budsjett";

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

    [Fact]
    public async Task A_started_round_tells_the_coordinator_how_many_owners_there_are_and_who_cannot_be_reached_and_why()
    {
        var card = UpdateHarness.CardsOf((await _bot.SayAsync(Start))[0]).Single();
        var text = UpdateHarness.Text(card);

        var round = await _bot.OpenRoundAsync();
        var owners = await _bot.Rounds.GetOwnersAsync(round.Id, CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 12, 18), round.Deadline);
        Assert.Equal("Husk å nevne budsjett", round.Note);
        Assert.Contains("Statusrunde startet", text);
        Assert.Contains($"hos {owners.Count} eiere. 2 av dem kan jeg nå.", text);
        Assert.Contains("Kan ikke nås", text);
        Assert.Contains("POD: ingen person er knyttet til enheten", text);
        // An example the user can type, not a <placeholder>: Teams drops what looks like an HTML tag.
        Assert.Contains("«legg til kari.nordmann@politiet.no for POD»", text);
        Assert.DoesNotContain("PST:", text);
        // Every open measure of the plan is in the round under each of its owner units, reachable or not.
        Assert.Equal(_bot.OpenMeasuresOf("POD").Select(m => m.Id), owners.Single(o => o.Unit == "POD").MeasureIds);
        Assert.Equal(_bot.OpenMeasuresOf("PST").Select(m => m.Id), owners.Single(o => o.Unit == "PST").MeasureIds);
        Assert.Equal(TestUser.Ola.AadObjectId, Assert.Single(owners.Single(o => o.Unit == "PST").People).Key);
        await CardValidator.AssertValidAsync([card.ToJsonString()]);
    }

    [Fact]
    public async Task Owners_get_one_request_reminders_go_only_to_those_who_have_not_answered_and_the_deadline_closes_the_round()
    {
        await _bot.SayAsync(Start);

        var first = await _bot.PollAsync();
        Assert.Equal(2, first.Count(s => s.Outcome == RoundSendOutcome.Sent));
        var pstCard = Assert.Single(_bot.RoundCardsTo(RoundHarness.OlaChat));
        var phsCard = Assert.Single(_bot.RoundCardsTo(RoundHarness.PerChat));
        Assert.Contains("Husk å nevne budsjett", UpdateHarness.Text(pstCard));
        Assert.Equal(_bot.OpenMeasuresOf("PST").Count, RoundHarness.ConfirmActions(pstCard).Count());
        Assert.Contains(UpdateHarness.Descendants(pstCard), n => (string?)n["verb"] == CardVerbs.EditMeasure);
        await CardValidator.AssertValidAsync([pstCard.ToJsonString(), phsCard.ToJsonString()]);

        // Polling again (a restart, another poll) sends nothing more.
        Assert.DoesNotContain(await _bot.PollAsync(), s => s.Outcome == RoundSendOutcome.Sent);

        // Ola confirms every PST measure unchanged; each confirm is a history row from "round" without changes.
        var card = pstCard;
        foreach (var measure in _bot.OpenMeasuresOf("PST"))
        {
            var confirm = RoundHarness.ConfirmActions(card).First(a => (string?)a["data"]!["measureId"] == measure.Id);
            var response = await _bot.ExecuteAsync(CardVerbs.ConfirmInRound, confirm["data"]!.AsObject(), TestUser.Ola, RoundHarness.OlaChat);
            card = response["value"]!.AsObject();
            var history = (await _bot.HistoryAsync(measure.Id))[0];
            Assert.Equal(("round", 0, TestUser.Ola.Name), (history.Source, history.Changes.Count, history.By));
        }
        Assert.Contains("Alle tiltakene er besvart", UpdateHarness.Text(card));

        var missing = UpdateHarness.Text(UpdateHarness.CardsOf((await _bot.SayAsync("hvem mangler?"))[0]).Single());
        Assert.Contains("PHS", missing);
        Assert.DoesNotContain("\nPST\n", missing + "\n");
        foreach (var m in _bot.OpenMeasuresOf("PHS")) Assert.Contains(m.Title, missing);

        // Tuesday 15 December, 08:30 in Oslo: the reminder three days before goes to Per (PHS) only.
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 7, 30, 0, TimeSpan.Zero));
        var reminded = await _bot.PollAsync();
        Assert.Equal([(RoundHarness.PerChat, RoundScheduler.ReminderStep(3))],
            reminded.Where(s => s.Outcome == RoundSendOutcome.Sent).Select(s => (s.PersonKey == TestUser.Per.AadObjectId ? RoundHarness.PerChat : s.PersonKey, s.Step)));
        Assert.Single(_bot.RoundCardsTo(RoundHarness.OlaChat));
        var reminder = _bot.RoundCardsTo(RoundHarness.PerChat)[^1];
        Assert.Contains("Påminnelse", UpdateHarness.Text(reminder));

        // Thursday 17 December at 17:00 is after working hours: the one-day reminder waits for Friday 08:00.
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 16, 0, 0, TimeSpan.Zero));
        Assert.DoesNotContain(await _bot.PollAsync(), s => s.Outcome == RoundSendOutcome.Sent);
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 18, 7, 5, 0, TimeSpan.Zero));
        Assert.Equal([RoundScheduler.ReminderStep(1)], (await _bot.PollAsync()).Where(s => s.Outcome == RoundSendOutcome.Sent).Select(s => s.Step));
        Assert.Equal(3, _bot.RoundCardsTo(RoundHarness.PerChat).Count);
        Assert.Single(_bot.RoundCardsTo(RoundHarness.OlaChat));

        // Saturday 19 December: the deadline has passed; the round closes and the coordinator gets the summary and, in
        // the personal chat the round was started in, the export offered as a file.
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 19, 9, 0, 0, TimeSpan.Zero));
        var before = _bot.MessagesTo(TeamsActivities.PersonalChatId).Count;
        await _bot.PollAsync();
        Assert.Empty(await _bot.Rounds.ListOpenAsync(CancellationToken.None).ToListAsync());
        var closing = _bot.MessagesTo(TeamsActivities.PersonalChatId).Skip(before).ToList();
        Assert.Equal(2, closing.Count);
        var summary = UpdateHarness.Text(UpdateHarness.CardsOf(closing[0]).Single());
        Assert.Contains("Statusrunden er avsluttet", summary);
        Assert.Contains("PST: ✓", summary);
        Assert.Contains("PHS: ⚠ 0 av", summary);
        var offer = Assert.Single(closing[1]["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", (string?)offer["contentType"]);
        Assert.Equal("25-juni-status-2026-12-19.md", (string?)offer["name"]);
        await _bot.PollAsync();
        Assert.Equal(before + 2, _bot.MessagesTo(TeamsActivities.PersonalChatId).Count);
    }

    [Fact]
    public async Task An_update_through_the_form_answers_the_measure_in_the_round()
    {
        await _bot.SayAsync(Start);
        await _bot.PollAsync();
        var measure = _bot.OpenMeasuresOf("PHS")[0];
        var form = (await _bot.ExecuteAsync(CardVerbs.EditMeasure, MeasureActions.Data(measure), TestUser.Per, RoundHarness.PerChat))["value"]!.AsObject();
        var saved = await _bot.ExecuteAsync(CardVerbs.UpdateMeasure, UpdateHarness.Fill(form, remark: "Ny status fra PHS"), TestUser.Per, RoundHarness.PerChat);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)saved["type"]);

        var missing = UpdateHarness.Text(UpdateHarness.CardsOf((await _bot.SayAsync("who is missing?", locale: "en-US"))[0]).Single());
        Assert.Contains("Missing answers", missing);
        Assert.DoesNotContain(measure.Title, missing);
        Assert.Contains(_bot.OpenMeasuresOf("PST")[0].Title, missing);

        var round = await _bot.OpenRoundAsync();
        var owners = await _bot.Rounds.GetOwnersAsync(round.Id, CancellationToken.None);
        var answered = owners.Count(o => o.MeasureIds.All(id => id == measure.Id));
        var status = await _bot.SayTextAsync("status for runden");
        Assert.StartsWith($"Statusrunden for «{_bot.App.Get<TeamsBot.Measures.MeasureIndex>().Current.Plans[RoundHarness.PlanId].Title}»: {answered} av {owners.Count} eiere har svart", status);
    }

    [Fact]
    public async Task The_weekly_brief_shows_the_open_rounds_response_rate()
    {
        await _bot.SayAsync(Start);
        await _bot.PollAsync();
        foreach (var confirm in RoundHarness.ConfirmActions(_bot.RoundCardsTo(RoundHarness.OlaChat)[0]).ToList())
            await _bot.ExecuteAsync(CardVerbs.ConfirmInRound, confirm["data"]!.AsObject(), TestUser.Ola, RoundHarness.OlaChat);
        var owners = (await _bot.Rounds.GetOwnersAsync((await _bot.OpenRoundAsync()).Id, CancellationToken.None)).Count;
        // PST's measures may be shared with other units: count the owners whose measures are all PST's.
        var pst = _bot.OpenMeasuresOf("PST").Select(m => m.Id).ToHashSet();
        var answered = (await _bot.Rounds.GetOwnersAsync((await _bot.OpenRoundAsync()).Id, CancellationToken.None)).Count(o => o.MeasureIds.All(pst.Contains));

        var before = _connector.Messages.Count;
        await _bot.Http.PostAsync(TeamsActivities.ChannelMention(_connector.ServiceUrl, "brief nå"));
        var brief = UpdateHarness.Text(UpdateHarness.CardsOf((await _connector.WaitForMessagesAsync(before + 1))[before]).Single());

        Assert.Contains("Statusrunder", brief);
        Assert.Contains($": {answered} av {owners} eiere har svart (frist 18. desember 2026).", brief);
    }

    [Fact]
    public async Task Closing_the_round_in_a_group_chat_gives_the_summary_and_the_plan_in_its_source_table_format()
    {
        const string groupChat = "19:kari-gruppe@thread.v2";
        await _bot.SayAsync(Start, conversationId: groupChat, conversationType: "groupChat");
        var replies = await _bot.SayAsync("avslutt runden", conversationId: groupChat, replies: 2, conversationType: "groupChat");

        var summary = UpdateHarness.CardsOf(replies[0]).Single();
        Assert.Contains("Statusrunden er avsluttet", UpdateHarness.Text(summary));
        var stored = await _bot.Store.GetMeasuresAsync(null, CancellationToken.None, planId: RoundHarness.PlanId).CountAsync();
        var chart = UpdateHarness.Descendants(summary).Single(n => (string?)n["type"] == "Chart.Donut");
        Assert.Equal(stored, chart["data"]!.AsArray().Sum(d => (int)d!["value"]!));
        Assert.Equal("RichTextBlock", (string?)chart["fallback"]!["type"]);
        var export = (string)replies[1]["text"]!;
        Assert.Equal("markdown", (string?)replies[1]["textFormat"]);
        Assert.StartsWith("# 25. juni", export);
        Assert.Contains("| Tiltak | Status | Merknad |", export);
        Assert.Null(replies[1]["attachments"]);
        Assert.Empty(await _bot.Rounds.ListOpenAsync(CancellationToken.None).ToListAsync());
        Assert.Equal("Det går ingen statusrunde.", await _bot.SayTextAsync("hvem mangler?"));
        await CardValidator.AssertValidAsync([UpdateHarness.CardsOf(replies[0]).Single().ToJsonString()]);
    }
}
