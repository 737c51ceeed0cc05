using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Answers;

/// <summary>"Mente du et av disse?": the question matched several measures about equally well; the user picks one.</summary>
public static class CandidatesCard
{
    public const int MaxChoices = 5;

    public static AdaptiveCard Build(
        string question, IReadOnlyList<Measure> candidates, IReadOnlyDictionary<string, Plan> plans, UserLanguage language, DateOnly today)
    {
        var texts = AnswerTexts.For(language);
        var card = AnswerCard.New(texts, texts.DidYouMean);
        card.Body.Add(AnswerCard.Heading(texts.DidYouMean, AdaptiveTextSize.Medium));
        card.Body.Add(AnswerCard.Subtle(texts.YouAsked(question.Trim())));
        var shown = candidates.Take(MaxChoices).ToList();
        var mixesPlans = shown.Select(m => m.PlanId).Distinct().Skip(1).Any();
        foreach (var measure in shown)
            card.Body.Add(MeasureRow.Build(measure, texts, today, mixesPlans ? plans.GetValueOrDefault(measure.PlanId) : null));
        return card;
    }
}
