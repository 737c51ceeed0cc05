using System.Text.Json.Nodes;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Updates;

/// <summary>«oppdater X» / «update X» and «historikk X» / «history X» in chat, and the "Historikk" button.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChatCommandTests(AzuriteFixture azurite) : UpdateTestsBase(azurite)
{
    [Theory]
    [InlineData("oppdater 25-juni-29", "nb-NO", "Oppdater status: Rettslig vurdering fra NIM")]
    [InlineData("Oppdater status for NIM", "nb-NO", "Oppdater status: Rettslig vurdering fra NIM")]
    [InlineData("update NIM", "en-US", "Update status: Rettslig vurdering fra NIM")]
    [InlineData("update the status of nim?", "en-US", "Update status: Rettslig vurdering fra NIM")]
    public async Task Update_X_sends_the_form_for_X(string text, string locale, string heading)
    {
        var sent = await Harness.SayAsync(text, locale: locale);

        var form = UpdateHarness.CardsOf(sent.Single()).Single();
        Assert.Contains(heading, UpdateHarness.Text(form));
        Assert.Equal("25-juni-29", (string?)UpdateHarness.SaveAction(form)["data"]!["measureId"]);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task An_alias_shared_by_two_plans_asks_which_one()
    {
        var sent = await Harness.SayAsync("oppdater PLIVO");

        var card = UpdateHarness.CardsOf(sent.Single()).Single();
        Assert.Contains("Hvilket av disse tiltakene mener du?", UpdateHarness.Text(card));
        var choices = card["actions"]!.AsArray().Select(a => ((string?)a!["verb"], (string?)a["data"]!["measureId"])).ToList();
        Assert.Equal([(CardVerbs.EditMeasure, "22-juli-05"), (CardVerbs.EditMeasure, "25-juni-22")], choices);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task An_unknown_measure_and_a_missing_name_are_answered_in_words()
    {
        var unknown = await Harness.SayAsync("oppdater Zxqwv");
        Assert.Contains("Jeg fant ikke noe tiltak som heter «Zxqwv»", (string?)unknown.Single()["text"]);

        var missing = await Harness.SayAsync("historikk");
        Assert.Contains("Hvilket tiltak vil du se historikken til?", (string?)missing.Single()["text"]);
    }

    [Fact]
    public async Task History_shows_changes_newest_first_with_who_what_and_comment()
    {
        var form = await Harness.OpenFormAsync("25-juni", "25-juni-29", TestUser.Ola);
        await Harness.SaveAsync(form, TestUser.Ola, status: "Implemented", comment: "Vurderingen er mottatt");
        var again = await Harness.OpenFormAsync("25-juni", "25-juni-29", TestUser.Kari);
        await Harness.SaveAsync(again, TestUser.Kari, deadline: "2027-06-30");

        var sent = await Harness.SayAsync("historikk NIM");

        var card = UpdateHarness.CardsOf(sent.Single()).Single();
        var text = UpdateHarness.Text(card);
        Assert.Contains("Historikk: Rettslig vurdering fra NIM", text);
        var kari = text.IndexOf("Kari Nordmann", StringComparison.Ordinal);
        var ola = text.IndexOf("Ola Nordmann", StringComparison.Ordinal);
        Assert.True(kari >= 0 && ola > kari, text);
        Assert.Contains("skjema i Teams", text);
        Assert.True(text.Contains("**Frist:** _(tom)_ → 30\\. juni 2027", StringComparison.Ordinal), text);
        Assert.Contains("**Status:** pågående → iverksatt", text);
        Assert.Contains("**Kommentar:** Vurderingen er mottatt", text);
        Assert.Equal(CardVerbs.EditMeasure, (string?)card["actions"]![0]!["verb"]);

        var button = (await Harness.ExecuteAsync(CardVerbs.MeasureHistory, new JsonObject { ["planId"] = "25-juni", ["measureId"] = "25-juni-29" }))["value"]!.AsObject();
        Assert.Equal(text, UpdateHarness.Text(button));
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task After_a_change_the_chats_status_answer_shows_the_new_status()
    {
        var form = await Harness.OpenFormAsync("25-juni", "25-juni-29");
        await Harness.SaveAsync(form, status: "Implemented");

        var sent = await Harness.SayAsync("status NIM");

        var card = UpdateHarness.CardsOf(sent.Single()).Single();
        var text = UpdateHarness.Text(card);
        Assert.True(text.Contains("Iverksatt", StringComparison.OrdinalIgnoreCase) && !text.Contains("Pågående", StringComparison.OrdinalIgnoreCase), text);
    }
}
