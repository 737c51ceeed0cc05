using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat.Answers;

/// <summary>«oppsummering» with no plan named: every plan on one card, each a line of counts; a plan opens its summary.</summary>
public static class PlanListSummary
{
    public static AdaptiveCard Build(IReadOnlyList<Plan> plans, IReadOnlyList<Measure> measures, SummaryView view)
    {
        var texts = AnswerTexts.For(view.Language);
        var card = CardBaseline.New(view.Language, texts.AllPlansHeading);
        card.Body.Add(CardText.Heading(texts.AllPlansHeading, AdaptiveTextSize.Medium));
        var byPlan = measures.GroupBy(m => m.PlanId).ToDictionary(g => g.Key, g => g.ToList());
        var totals = StatusCounts.Of(measures, view.Today);
        card.Body.Add(new AdaptiveTextBlock(texts.MeasureCount(totals.Total)) { IsSubtle = true, Spacing = AdaptiveSpacing.None });

        foreach (var plan in plans.OrderBy(p => p.StartDate).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var counts = StatusCounts.Of(byPlan.GetValueOrDefault(plan.Id, []), view.Today);
            card.Body.Add(new AdaptiveContainer
            {
                Separator = true,
                Spacing = AdaptiveSpacing.Medium,
                SelectAction = MeasureActions.Execute(texts.SummaryHeading(plan.Title), CardVerbs.MoreAnswers, new JsonObject
                {
                    ["q"] = texts.SummaryQuestion(plan.Id), ["query"] = "summary", ["planId"] = plan.Id, ["page"] = 0,
                }),
                Items =
                [
                    new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(plan.Title)) { Wrap = true, Weight = AdaptiveTextWeight.Bolder },
                    new AdaptiveTextBlock(texts.MeasureCount(counts.Total)) { IsSubtle = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None },
                    counts.Line(view.Language),
                ],
            });
        }
        return card;
    }
}
