using System.Text.Json.Nodes;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Measures.Cards;

namespace TeamsBot.Tests.Chat.Answers;

/// <summary>Every answer card kind, built from the real plans in both languages: valid for Microsoft's renderer, and rendered once.</summary>
public class AllCardsTests
{
    private static Dictionary<string, string> Cards(UserLanguage language)
    {
        var today = CardData.Today;
        var suffix = language == UserLanguage.English ? "en" : "nb";
        var ordered = MeasureOrdering.ForLists(CardData.Measures, today);
        var plan = CardData.Plan("25-juni");
        return new Dictionary<string, string>
        {
            [$"answers-list-{suffix}"] = MeasureListCard.Build(language == UserLanguage.English ? "Measures in all plans" : "Tiltak i alle planene",
                ordered, CardData.Plans, new ListView(language, today, MoreData: new JsonObject { ["q"] = "tiltak" })).ToJson(),
            [$"answers-list-last-{suffix}"] = MeasureListCard.Build("PST", ordered, CardData.Plans, new ListView(language, today, Page: 5)).ToJson(),
            [$"answers-list-empty-{suffix}"] = MeasureListCard.Build("–", [], CardData.Plans, new ListView(language, today)).ToJson(),
            [$"answers-candidates-{suffix}"] = CandidatesCard.Build("rutine PST", CardData.InPlan("25-juni").Skip(8).Take(5).ToList(),
                CardData.Plans, language, today).ToJson(),
            [$"answers-notfound-{suffix}"] = NotFoundCard.Build("droner", CardData.InPlan("25-juni").Skip(21).Take(3).ToList(), language).ToJson(),
            [$"answers-notfound-bare-{suffix}"] = NotFoundCard.Build("xyz", [], language).ToJson(),
            [$"answers-summary-{suffix}"] = SummaryCard.Build(plan, CardData.InPlan("25-juni"), new SummaryView(language, today)).ToJson(),
            [$"answers-summary-done-{suffix}"] = SummaryCard.Build(CardData.Plan("22-juli"), CardData.InPlan("22-juli"), new SummaryView(language, today)).ToJson(),
            [$"answers-allplans-{suffix}"] = PlanListSummary.Build([.. CardData.Plans.Values], CardData.Measures, new SummaryView(language, today)).ToJson(),
            [$"answers-history-{suffix}"] = HistoryCard.Build(HistoryCardTests.Measure, HistoryCardTests.History(), language).ToJson(),
            [$"answers-history-empty-{suffix}"] = HistoryCard.Build(HistoryCardTests.Measure, [], language).ToJson(),
        };
    }

    [Fact]
    public async Task Every_card_kind_is_valid_in_both_languages()
    {
        var cards = Cards(UserLanguage.Bokmal).Concat(Cards(UserLanguage.English)).ToList();

        await CardValidator.AssertValidAsync([.. cards.Select(c => c.Value)]);
        Assert.All(cards, c => Assert.True(c.Value.Length < 28 * 1024, $"{c.Key}: {c.Value.Length} bytes"));
        Assert.All(cards, c =>
        {
            Assert.Contains("\"version\":\"1.5\"", c.Value);
            Assert.Contains("\"msteams\":{\"width\":\"Full\"}", c.Value);
        });
    }

    [Fact]
    public async Task Every_card_kind_renders()
    {
        var cards = Cards(UserLanguage.Bokmal)
            .Where(c => c.Key is "answers-list-nb" or "answers-candidates-nb" or "answers-notfound-nb" or "answers-summary-nb" or "answers-allplans-nb" or "answers-history-nb")
            .Append(Cards(UserLanguage.English).Single(c => c.Key == "answers-summary-en"))
            .ToDictionary();

        var shots = await CardRenderer.RenderAsync(cards);

        Assert.All(shots, s => Assert.Empty(s.Errors));
        Assert.All(shots, s => Assert.NotNull(s.PngPath));
        Assert.Contains("Viser 1–8 av", shots.Single(s => s.Name == "answers-list-nb").Text);
        Assert.Contains("Du kan for eksempel spørre", shots.Single(s => s.Name == "answers-notfound-nb").Text);
    }
}
