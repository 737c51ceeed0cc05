using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat.Answers;

/// <summary>Nothing matched: says so plainly, offers the nearest measures, and shows questions that do work.</summary>
public static class NotFoundCard
{
    public const int MaxNearest = 5;

    /// <param name="suggestions">Questions built from the data (a real measure, area, owner): asked as they are.</param>
    public static AdaptiveCard Build(string question, IReadOnlyList<Measure> nearest, UserLanguage language, IReadOnlyList<string>? suggestions = null)
    {
        var texts = AnswerTexts.For(language);
        var nothing = texts.NothingMatched(AdaptiveText.Quote(question));
        var card = CardBaseline.New(language, nothing);
        card.Body.Add(new AdaptiveTextBlock(nothing) { Wrap = true, Weight = AdaptiveTextWeight.Bolder });

        if (nearest.Count > 0)
        {
            card.Body.Add(new AdaptiveTextBlock(texts.NearestHeading) { Wrap = true, Spacing = AdaptiveSpacing.Medium });
            foreach (var measure in nearest.Take(MaxNearest))
                card.Body.Add(MeasureRow.Build(measure, language, today: null));
        }

        if (suggestions is { Count: > 0 })
        {
            card.Body.Add(new AdaptiveTextBlock(texts.SuggestionsHeading) { Wrap = true, Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.Large });
            card.Body.Add(new AdaptiveTextBlock(string.Join("\n", suggestions.Select(q => "- " + AdaptiveText.EscapeMarkdown(q)))) { Wrap = true, Spacing = AdaptiveSpacing.Small });
        }

        card.Body.Add(new AdaptiveTextBlock(texts.ExamplesHeading)
        {
            Wrap = true, Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.Large, Separator = nearest.Count > 0,
        });
        // A markdown bullet list of our own example questions; each question is escaped like any other text.
        card.Body.Add(new AdaptiveTextBlock(string.Join("\n", texts.ExampleQuestions.Select(q => "- " + AdaptiveText.EscapeMarkdown(q))))
        {
            Wrap = true, Spacing = AdaptiveSpacing.Small,
        });
        return card;
    }
}
