using System.Text.Json.Nodes;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Updates;

/// <summary>Clients without Universal Actions: Action.Submit messages, answered by updating the card (PUT) or sending one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmitPathTests(AzuriteFixture azurite) : UpdateTestsBase(azurite)
{
    [Fact]
    public async Task Edit_through_submit_sends_the_form_and_saving_through_submit_puts_the_measure_card_over_the_form()
    {
        await Harness.SubmitAsync(new JsonObject { ["verb"] = CardVerbs.EditMeasure, ["planId"] = Plan, ["measureId"] = Plivo }, "measure-card-1");
        var sent = await Harness.Connector.WaitForMessagesAsync(1);
        var form = UpdateHarness.CardsOf(sent[0]).Single();
        Harness.Keep(form);
        var fallback = UpdateHarness.SaveAction(form)["fallback"]!.AsObject();

        // What Teams sends for the fallback: its data (verb included) plus the inputs, as strings.
        var value = fallback["data"]!.DeepClone().AsObject();
        foreach (var (key, input) in UpdateHarness.Fill(form, status: "Implemented", comment: "via submit")) value[key] ??= input?.DeepClone();
        value[FormInputs.Status] = "Implemented";
        await Harness.SubmitAsync(value, "form-card-7");

        var put = await Harness.WaitForPutAsync("form-card-7");
        var card = UpdateHarness.CardsOf(put.Body!).Single();
        Harness.Keep(card);
        Assert.Contains("Iverksatt", UpdateHarness.Text(card));
        Assert.Equal(MeasureStatus.Implemented, (await Harness.MeasureAsync(Plan, Plivo)).Status);
        Assert.Equal("via submit", (await Harness.HistoryAsync(Plan, Plivo))[0].Comment);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task An_invalid_submit_puts_the_form_back_with_the_error_and_the_input()
    {
        var form = await Harness.OpenFormAsync(Plan, Plivo);
        var value = UpdateHarness.Fill(form, remark: "Beholdes", deadline: "31/31/2031");
        value["verb"] = CardVerbs.UpdateMeasure;

        await Harness.SubmitAsync(value, "form-card-9");

        var put = await Harness.WaitForPutAsync("form-card-9");
        var again = UpdateHarness.CardsOf(put.Body!).Single();
        Harness.Keep(again);
        Assert.Contains("Jeg forstår ikke datoen «31/31/2031»", UpdateHarness.Text(again));
        Assert.Equal("Beholdes", UpdateHarness.InputValue(again, FormInputs.Remark));
        Assert.Equal(MeasureStatus.InProgress, (await Harness.MeasureAsync(Plan, Plivo)).Status);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task A_refused_submit_is_answered_with_a_message_and_writes_nothing()
    {
        await Harness.GrantAsync(TestUser.Ola, "coordinator", planIds: Plan);
        var form = await Harness.OpenFormAsync(Plan, Plivo, TestUser.Ola);
        var value = UpdateHarness.Fill(form, status: "Implemented");
        value["verb"] = CardVerbs.UpdateMeasure;
        var version = (await Harness.MeasureAsync(Plan, Plivo)).Version;

        await Harness.SubmitAsync(value, "form-card-3", TestUser.Kari);

        var messages = await Harness.Connector.WaitForMessagesAsync(1);
        Assert.Contains("Du kan ikke oppdatere dette tiltaket", (string?)messages[^1]["text"]);
        Assert.Equal(version, (await Harness.MeasureAsync(Plan, Plivo)).Version);
        Assert.DoesNotContain(Harness.Connector.Requests, c => c.Method == "PUT");
    }

    [Fact]
    public async Task When_the_connector_refuses_to_replace_the_card_the_new_card_is_sent_as_a_message_instead()
    {
        var form = await Harness.OpenFormAsync(Plan, Plivo);
        var value = UpdateHarness.Fill(form, status: "Implemented", comment: "card gone");
        value["verb"] = CardVerbs.UpdateMeasure;
        Harness.Connector.EnqueueStatus(404, "ActivityNotFound", when: r => r.Method == "PUT");

        await Harness.SubmitAsync(value, "form-card-gone");

        var sent = await Harness.Connector.WaitForMessagesAsync(1);
        Assert.Contains("Iverksatt", UpdateHarness.Text(UpdateHarness.CardsOf(sent[^1]).Single()));
        Assert.Equal(MeasureStatus.Implemented, (await Harness.MeasureAsync(Plan, Plivo)).Status);
    }

    [Fact]
    public async Task When_replacing_the_card_fails_in_a_way_that_may_have_replaced_it_no_second_copy_is_sent()
    {
        var form = await Harness.OpenFormAsync(Plan, Plivo);
        var value = UpdateHarness.Fill(form, status: "Implemented", comment: "connector hiccup");
        value["verb"] = CardVerbs.UpdateMeasure;
        Harness.Connector.EnqueueStatus(500, when: r => r.Method == "PUT");

        await Harness.SubmitAsync(value, "form-card-unknown");

        Assert.Single(Harness.Connector.Requests, r => r.Method == "PUT" && r.ActivityId == "form-card-unknown");
        Assert.Empty(Harness.Connector.Messages);
        Assert.Equal(MeasureStatus.Implemented, (await Harness.MeasureAsync(Plan, Plivo)).Status);
    }
}
