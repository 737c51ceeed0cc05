using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsBot.Chat.Answers;
using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Measures.Cards;

/// <summary>One baseline for every card we send: answers, measure and history, the form and its conflict, the brief.</summary>
public class CardBaselineTests
{
    private static Dictionary<string, JsonObject> Cards(UserLanguage language)
    {
        var today = CardData.Today;
        var measure = CardData.Measure("25-juni-22");
        var plan = CardData.Plan("25-juni");
        var form = FormView.Fresh(measure, plan, PlanStatuses.For(measure, Snapshot()), language);
        var history = new HistoryEntry(plan.Id, measure.Id, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "Ola", "card",
            [new FieldChange("status", "UnderPlanning", "InProgress")], null);
        var report = new DigestReportBuilder(Options.Create(new DigestOptions()))
            .Build(Snapshot(), [history], DigestFilter.None, new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero), history.At.AddDays(-1));
        return new Dictionary<string, JsonObject>
        {
            ["measure"] = MeasureCard.Build(measure, plan, new MeasureView(language, today)).ToJsonNode(),
            ["history"] = HistoryCard.Build(measure, [history], language).ToJsonNode(),
            ["list"] = MeasureListCard.Build("Tiltak", CardData.InPlan("25-juni"), CardData.Plans, new ListView(language, today)).ToJsonNode(),
            ["candidates"] = CandidatesCard.Build("plivo", CardData.InPlan("25-juni").Take(3).ToList(), CardData.Plans, language, today).ToJsonNode(),
            ["not-found"] = NotFoundCard.Build("droner", [], language).ToJsonNode(),
            ["summary"] = SummaryCard.Build(plan, CardData.InPlan("25-juni"), new SummaryView(language, today)).ToJsonNode(),
            ["all-plans"] = PlanListSummary.Build([.. CardData.Plans.Values], CardData.Measures, new SummaryView(language, today)).ToJsonNode(),
            ["form"] = UpdateFormCard.Build(form).ToJsonNode(),
            ["conflict"] = UpdateFormCard.Build(form with { Banner = ConflictBanner.Build([history], plan, language) }).ToJsonNode(),
            ["brief"] = new DigestCard(Options.Create(new DigestOptions())).Build(report, language).ToJsonNode(),
        };
    }

    private static MeasureSnapshot Snapshot()
    {
        var index = new MeasureIndex();
        index.Load(CardData.Plans.Values, CardData.Measures);
        return index.Current;
    }

    [Theory]
    [InlineData(UserLanguage.Bokmal, "nb")]
    [InlineData(UserLanguage.English, "en")]
    public async Task Every_card_kind_is_version_1_5_full_width_in_the_readers_language_with_a_fallback_text(UserLanguage language, string lang)
    {
        var cards = Cards(language);

        Assert.All(cards, c =>
        {
            Assert.Equal("1.5", (string?)c.Value["version"]);
            Assert.Equal("Full", (string?)c.Value["msteams"]?["width"]);
            Assert.Equal(lang, (string?)c.Value["lang"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)c.Value["fallbackText"]), c.Key);
        });
        await CardValidator.AssertValidAsync([.. cards.Values.Select(c => WithoutFallbacks(c).ToJsonString())]);
    }

    // The adaptivecards library parses action fallbacks but never writes them back; they are checked on their own.
    private static JsonObject WithoutFallbacks(JsonObject card)
    {
        foreach (var action in (card["actions"] as JsonArray ?? []).OfType<JsonObject>()) action.Remove("fallback");
        return card;
    }
}
