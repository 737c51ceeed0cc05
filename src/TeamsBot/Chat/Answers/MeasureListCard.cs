using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat.Answers;

/// <summary>
/// Paging of a list card. <see cref="MoreData"/> is what the chat needs to ask the same question again (e.g. the
/// parsed query); "Show more" sends it back under verb "chat.more" with "page" set to the next page.
/// </summary>
public sealed record ListView(UserLanguage Language, DateOnly Today, int PageSize = 8, int Page = 0, JsonObject? MoreData = null);

/// <summary>
/// Several measures as compact rows, one page at a time. The measures come sorted: the chat uses
/// <see cref="MeasureOrdering.ForLists"/> (overdue first, then by deadline, then plan and order).
/// </summary>
public static class MeasureListCard
{
    public static AdaptiveCard Build(
        string heading, IReadOnlyList<Measure> measures, IReadOnlyDictionary<string, Plan> plans, ListView view)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(view.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(view.Page);
        var texts = AnswerTexts.For(view.Language);
        var card = CardBaseline.New(view.Language, heading);
        card.Body.Add(CardText.Heading(heading, AdaptiveTextSize.Medium));
        if (measures.Count == 0)
        {
            card.Body.Add(new AdaptiveTextBlock(texts.NoMeasures) { Wrap = true });
            return card;
        }

        var first = Math.Min(view.Page * view.PageSize, measures.Count);
        var page = measures.Skip(first).Take(view.PageSize).ToList();
        card.Body.Add(new AdaptiveTextBlock(page.Count == 0
            ? texts.Showing(measures.Count, measures.Count, measures.Count)
            : texts.Showing(first + 1, first + page.Count, measures.Count))
        {
            IsSubtle = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None,
        });

        var mixesPlans = measures.Select(m => m.PlanId).Distinct().Skip(1).Any();
        foreach (var measure in page)
            card.Body.Add(MeasureRow.Build(measure, view.Language, view.Today, mixesPlans ? plans.GetValueOrDefault(measure.PlanId) : null));

        if (first + page.Count < measures.Count)
        {
            var data = view.MoreData?.DeepClone().AsObject() ?? [];
            data["page"] = view.Page + 1;
            card.Actions.Add(MeasureActions.Execute(texts.ShowMore, CardVerbs.MoreAnswers, data));
        }
        return card;
    }
}
