using System.Text.Json.Nodes;
using TeamsBot.Bot;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Rounds;

/// <summary>What the start card shows: the plans to choose from, the values to prefill, and a line saying what is missing.</summary>
public sealed record RoundStartForm(IReadOnlyList<Plan> Plans, string? PlanId, DateOnly Deadline, string? Note, string Missing, DateOnly Today, UserLanguage Language);

/// <summary>
/// The coordinator's start card when the chat command lacked the plan or the deadline: plan, deadline and an optional
/// message to the owners, sent back with <see cref="CardVerbs.StartRound"/> (an Action.Submit fallback for older clients).
/// </summary>
public static class RoundStartCard
{
    public const string PlanInput = "roundPlan";
    public const string DeadlineInput = "roundDeadline";
    public const string NoteInput = "roundNote";

    public static AdaptiveCard Build(RoundStartForm form)
    {
        var t = RoundTexts.For(form.Language);
        var card = CardBaseline.New(form.Language, t.StartFormTitle);
        card.Body.Add(CardText.Heading(t.StartFormTitle, AdaptiveTextSize.Medium));
        card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(form.Missing)) { Wrap = true });

        var plans = new AdaptiveChoiceSetInput
        {
            Id = PlanInput,
            Label = t.PlanLabel,
            IsRequired = true,
            ErrorMessage = t.PlanRequired,
            Style = AdaptiveChoiceInputStyle.Compact,
            Placeholder = t.PlanRequired,
            Wrap = true,
        };
        foreach (var plan in form.Plans) plans.Choices.Add(new AdaptiveChoice(plan.Title, plan.Id));
        if (form.Plans.Any(p => p.Id == form.PlanId)) plans.Value = form.PlanId;
        card.Body.Add(plans);
        card.Body.Add(new AdaptiveDateInput
        {
            Id = DeadlineInput,
            Label = t.DeadlineLabel,
            IsRequired = true,
            ErrorMessage = t.DeadlineRequired,
            Min = form.Today.AddDays(1),
            Max = form.Today.AddDays(RoundLimits.MaxDaysAhead),
            Value = form.Deadline,
        });
        card.Body.Add(new AdaptiveTextInput
        {
            Id = NoteInput,
            Label = t.NoteLabel,
            IsMultiline = true,
            MaxLength = RoundLimits.NoteMaxLength,
            Placeholder = t.NotePlaceholder,
            ErrorMessage = t.NoteTooLongShort,
            Value = form.Note,
        });
        card.Actions.Add(new AdaptiveExecuteAction { Title = t.StartButton, Verb = CardVerbs.StartRound, Data = new JsonObject() });
        return SubmitFallbacks.AddTo(card);
    }
}
