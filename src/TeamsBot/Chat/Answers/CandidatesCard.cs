using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat.Answers;

/// <summary>"Mente du et av disse?": the question matched several measures about equally well; the user picks one.</summary>
public static class CandidatesCard
{
    public const int MaxChoices = 5;

    public static AdaptiveCard Build(
        string question, IReadOnlyList<Measure> candidates, IReadOnlyDictionary<string, Plan> plans, UserLanguage language, DateOnly today)
    {
        var texts = AnswerTexts.For(language);
        var card = CardBaseline.New(language, texts.DidYouMean);
        card.Body.Add(CardText.Heading(texts.DidYouMean, AdaptiveTextSize.Medium));
        card.Body.Add(new AdaptiveTextBlock(texts.YouAsked(AdaptiveText.Quote(question))) { Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small });
        var shown = candidates.Take(MaxChoices).ToList();
        var mixesPlans = shown.Select(m => m.PlanId).Distinct().Skip(1).Any();
        foreach (var measure in shown)
            card.Body.Add(MeasureRow.Build(measure, language, today, mixesPlans ? plans.GetValueOrDefault(measure.PlanId) : null));
        return card;
    }
}
