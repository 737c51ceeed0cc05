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
/// Several measures as compact rows, one page at a time. The chat picks the page with <see cref="MeasurePage.Select"/>
/// in <see cref="MeasureOrdering.ForLists(DateOnly)"/> order (overdue first, then by deadline, then plan and order), so
/// only the page's measures are ever sorted and rendered.
/// </summary>
public static class MeasureListCard
{
    public static AdaptiveCard Build(
        string heading, IReadOnlyList<Measure> measures, IReadOnlyDictionary<string, Plan> plans, ListView view)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(view.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(view.Page);
        return Build(heading, MeasurePage.Of(measures, view.Page, view.PageSize), plans, view);
    }

    /// <summary>A page chosen beforehand (<see cref="MeasurePage.Select"/>): only its measures are rendered.</summary>
    public static AdaptiveCard Build(string heading, MeasurePage page, IReadOnlyDictionary<string, Plan> plans, ListView view) =>
        Build(CardText.Heading(heading, AdaptiveTextSize.Medium), heading, lead: null, page, plans, view);

    /// <summary>
    /// A list under the chat's understood line (Markdown-safe already), optionally with a lead line (the number a
    /// count question asked for).
    /// </summary>
    public static AdaptiveCard BuildUnderstood(string understoodMarkdown, string? lead, MeasurePage page, IReadOnlyDictionary<string, Plan> plans, ListView view) =>
        Build(CardText.MarkdownHeading(understoodMarkdown, AdaptiveTextSize.Medium), understoodMarkdown, lead, page, plans, view);

    private static AdaptiveCard Build(AdaptiveTextBlock heading, string fallback, string? lead, MeasurePage page, IReadOnlyDictionary<string, Plan> plans, ListView view)
    {
        var texts = AnswerTexts.For(view.Language);
        var card = CardBaseline.New(view.Language, fallback);
        card.Body.Add(heading);
        if (lead is not null)
            card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(lead)) { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.Small });
        if (page.Total == 0)
        {
            card.Body.Add(new AdaptiveTextBlock(texts.NoMeasures) { Wrap = true });
            return card;
        }

        card.Body.Add(new AdaptiveTextBlock(page.Items.Count == 0
            ? texts.Showing(page.Total, page.Total, page.Total)
            : texts.Showing(page.First + 1, page.First + page.Items.Count, page.Total))
        {
            IsSubtle = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None,
        });

        foreach (var measure in page.Items)
            card.Body.Add(MeasureRow.Build(measure, view.Language, view.Today, page.MixesPlans ? plans.GetValueOrDefault(measure.PlanId) : null));

        if (page.First + page.Items.Count < page.Total)
        {
            var data = view.MoreData?.DeepClone().AsObject() ?? [];
            data["page"] = view.Page + 1;
            card.Actions.Add(MeasureActions.Execute(texts.ShowMore, CardVerbs.MoreAnswers, data));
        }
        return card;
    }
}
