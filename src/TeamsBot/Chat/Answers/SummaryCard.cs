using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat.Answers;

public sealed record SummaryView(UserLanguage Language, DateOnly Today);

/// <summary>
/// «oppsummering 25. juni»: a plan's measures counted per status and per area, and how many are overdue, with a
/// button that asks for the overdue list.
/// </summary>
public static class SummaryCard
{
    public static AdaptiveCard Build(Plan plan, IReadOnlyList<Measure> measures, SummaryView view)
    {
        var texts = AnswerTexts.For(view.Language);
        var inPlan = measures.Where(m => m.PlanId == plan.Id).ToList();
        var counts = StatusCounts.Of(inPlan, view.Today);
        var card = CardBaseline.New(view.Language, texts.SummaryHeading(plan.Title));

        card.Body.Add(CardText.Heading(texts.SummaryHeading(plan.Title), AdaptiveTextSize.Medium));
        card.Body.Add(new AdaptiveTextBlock(texts.MeasureCount(counts.Total)) { IsSubtle = true, Spacing = AdaptiveSpacing.None });
        if (counts.Total > 0) card.Body.Add(counts.Tiles(view.Language));
        card.Body.Add(counts.OverdueBlock(view.Language));

        var areas = plan.Areas.Select(a => (Title: a.Title, Measures: inPlan.Where(m => m.AreaId == a.Id).ToList())).ToList();
        var unplaced = inPlan.Where(m => plan.Areas.All(a => a.Id != m.AreaId)).ToList();
        if (unplaced.Count > 0) areas.Add((texts.OtherArea, unplaced));
        areas.RemoveAll(a => a.Measures.Count == 0);
        if (areas.Count > 0)
        {
            card.Body.Add(new AdaptiveTextBlock(texts.PerArea)
            {
                Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.Large, Separator = true,
            });
            foreach (var (title, areaMeasures) in areas)
            {
                card.Body.Add(new AdaptiveContainer
                {
                    Spacing = AdaptiveSpacing.Medium,
                    Items =
                    [
                        new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(title)) { Wrap = true, Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Small },
                        StatusCounts.Of(areaMeasures, view.Today).Line(view.Language),
                    ],
                });
            }
        }

        if (counts.Overdue > 0)
            card.Actions.Add(MeasureActions.Execute(texts.ShowOverdue, CardVerbs.MoreAnswers, OverdueQuery(plan, texts)));
        return card;
    }

    /// <summary>
    /// What "Show overdue" sends under "chat.more": the question as a user would type it ("q", which the chat parses
    /// like any message) plus the same request in fields (query, planId) for code that prefers them.
    /// </summary>
    internal static JsonObject OverdueQuery(Plan plan, AnswerTexts texts) => new()
    {
        ["q"] = texts.OverdueQuestion(plan.Id),
        ["query"] = "overdue",
        ["planId"] = plan.Id,
        ["page"] = 0,
    };
}
