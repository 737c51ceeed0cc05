using System.Text.Json;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Answers;

public class SummaryCardTests
{
    private static readonly SummaryView Bokmal = new(UserLanguage.Bokmal, CardData.Today);

    [Fact]
    public void A_plan_summary_counts_per_status_per_area_and_overdue()
    {
        var measures = CardData.InPlan("25-juni");
        var overdue = measures.Count(m => m.IsOverdue(CardData.Today));

        var json = SummaryCard.Build(CardData.Plan("25-juni"), measures, Bokmal).ToJson();

        Assert.Contains("30 tiltak", json);
        Assert.Contains("\"text\":\"4\"", json);
        Assert.Contains("\"text\":\"21\"", json);
        Assert.Contains("\"text\":\"5\"", json);
        Assert.Contains("✓ Iverksatt", json);
        Assert.Contains("◑ Pågående", json);
        Assert.Contains("◔ Under planlegging", json);
        Assert.True(overdue > 0);
        Assert.Contains($"⚠ {overdue} tiltak har passert fristen", json);
        Assert.Contains("Per område", json);
        foreach (var area in CardData.Plan("25-juni").Areas)
            Assert.Contains(Cards.AdaptiveText.EscapeMarkdown(area.Title), json);
    }

    [Fact]
    public void Show_overdue_asks_the_chat_for_the_plans_overdue_measures()
    {
        var card = CardData.Json(SummaryCard.Build(CardData.Plan("25-juni"), CardData.InPlan("25-juni"), Bokmal).ToJson());

        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Vis forsinkede", action.GetProperty("title").GetString());
        Assert.Equal("chat.more", action.GetProperty("verb").GetString());
        Assert.Equal("""{"q":"forsinkede 25-juni","query":"overdue","planId":"25-juni","page":0}""", action.GetProperty("data").GetRawText());
    }

    [Fact]
    public void Without_overdue_measures_there_is_no_button_and_a_plain_statement()
    {
        var implemented = CardData.InPlan("22-juli");

        var json = SummaryCard.Build(CardData.Plan("22-juli"), implemented, Bokmal with { Language = UserLanguage.English }).ToJson();

        Assert.Contains("No measures are past their deadline.", json);
        Assert.Contains("Summary: ", json);
        Assert.DoesNotContain("\"actions\"", json);
    }

    [Fact]
    public void All_plans_summary_lists_each_plan_with_a_link_to_its_summary()
    {
        var json = PlanListSummary.Build([.. CardData.Plans.Values], CardData.Measures, Bokmal).ToJson();
        var plans = CardData.Json(json).GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("selectAction", out _))
            .Select(e => e.GetProperty("selectAction").GetProperty("data").GetProperty("planId").GetString())
            .ToList();

        Assert.Equal(["22-juli", "25-juni", "faglige-rad-2025"], plans.Order(StringComparer.Ordinal));
        Assert.Contains("Oppsummering av alle planene", json);
        Assert.Contains($"{CardData.Measures.Count} tiltak", json);
        // Counts wrap as a whole: the spaces inside one are non-breaking.
        Assert.Contains("○\u00A09\u00A0anbefalt", Strings(CardData.Json(json)));
    }

    private static List<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => [.. element.EnumerateObject().SelectMany(p => Strings(p.Value))],
        JsonValueKind.Array => [.. element.EnumerateArray().SelectMany(Strings)],
        _ => [],
    };
}
