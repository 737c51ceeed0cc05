using System.Globalization;
using System.Text.Json.Nodes;
using TeamsBot.Bot;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Updates;

/// <summary>
/// Everything the form shows: the measure and plan, the statuses to offer, where the form was drawn from (hidden
/// data), the values in the inputs, and optionally errors, a notice, or a conflict banner above the inputs.
/// </summary>
public sealed record FormView(
    Measure Measure,
    Plan Plan,
    IReadOnlyList<MeasureStatus> Statuses,
    FormOrigin Origin,
    FormInput Input,
    UserLanguage Language)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
    public string? Notice { get; init; }
    public IReadOnlyList<AdaptiveElement> Banner { get; init; } = [];
    public string? SaveTitle { get; init; }

    /// <summary>A fresh form for <paramref name="measure"/>: prefilled with its values, a new form id.</summary>
    public static FormView Fresh(Measure measure, Plan plan, IReadOnlyList<MeasureStatus> statuses, UserLanguage language) => new(
        measure, plan, statuses,
        new FormOrigin(measure.PlanId, measure.Id, measure.Version, measure.UpdatedAt, Guid.NewGuid().ToString("D")),
        new FormInput(
            PlanStatuses.Value(measure.Status),
            measure.Remark,
            measure.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            null),
        language);
}

/// <summary>The status-update form (schema 1.5): Action.Execute with an Action.Submit fallback for older clients.</summary>
public static class UpdateFormCard
{
    public static AdaptiveCard Build(FormView view)
    {
        var texts = UpdateTexts.For(view.Language);
        var measureTexts = MeasureTexts.For(view.Language);
        var card = CardBaseline.New(view.Language, texts.FormHeading(view.Measure.Title));

        card.Body.AddRange(view.Banner);
        card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(texts.FormHeading(view.Measure.Title)))
        {
            Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading,
        });
        card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown($"{measureTexts.Plan}: {view.Plan.Title}"))
        {
            Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None,
        });
        if (view.Errors.Count > 0) card.Body.Add(ErrorBox(view.Errors, texts));
        if (view.Notice is { } notice)
            card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(notice)) { Wrap = true, Color = AdaptiveTextColor.Accent, Weight = AdaptiveTextWeight.Bolder });

        card.Body.Add(StatusInput(view, texts));
        card.Body.Add(new AdaptiveTextInput
        {
            Id = FormInputs.Remark,
            Label = texts.RemarkLabel,
            IsMultiline = true,
            MaxLength = UpdateLimits.RemarkMaxLength,
            Placeholder = texts.RemarkPlaceholder,
            ErrorMessage = texts.RemarkTooLongShort,
            Value = FormEcho.Remark(view.Input, view.Measure),
        });
        card.Body.Add(new AdaptiveDateInput
        {
            Id = FormInputs.Deadline,
            Label = texts.DeadlineLabel,
            Min = view.Plan.StartDate > UpdateLimits.EarliestDeadline ? view.Plan.StartDate : UpdateLimits.EarliestDeadline,
            Max = UpdateLimits.LatestDeadline,
            Value = FormEcho.Deadline(view.Input, view.Measure),
        });
        card.Body.Add(new AdaptiveTextInput
        {
            Id = FormInputs.Comment,
            Label = texts.CommentLabel,
            MaxLength = UpdateLimits.CommentMaxLength,
            Placeholder = texts.CommentPlaceholder,
            Value = FormEcho.Comment(view.Input),
        });

        card.Actions.Add(new AdaptiveExecuteAction
        {
            Title = view.SaveTitle ?? texts.Save,
            Verb = CardVerbs.UpdateMeasure,
            Data = OriginData(view.Origin),
        });
        card.Actions.Add(new AdaptiveExecuteAction
        {
            Title = texts.Cancel,
            Verb = CardVerbs.RefreshMeasure,
            Data = MeasureActions.Data(view.Origin.PlanId, view.Origin.MeasureId),
            AssociatedInputs = AdaptiveAssociatedInputs.None,
        });
        return SubmitFallbacks.AddTo(card);
    }

    public static JsonObject OriginData(FormOrigin origin) => new()
    {
        ["planId"] = origin.PlanId,
        ["measureId"] = origin.MeasureId,
        ["version"] = origin.Version,
        ["seenAt"] = origin.SeenAt.ToString("O", CultureInfo.InvariantCulture),
        ["formId"] = origin.FormId,
    };

    private static AdaptiveChoiceSetInput StatusInput(FormView view, UpdateTexts texts)
    {
        var input = new AdaptiveChoiceSetInput
        {
            Id = FormInputs.Status,
            Label = texts.StatusLabel,
            IsRequired = true,
            ErrorMessage = texts.StatusRequired,
            Style = AdaptiveChoiceInputStyle.Expanded,
        };
        foreach (var status in view.Statuses)
            input.Choices.Add(new AdaptiveChoice(
                StatusLabels.Heading(status, UserLanguages.FromLocale(view.Plan.Language)), PlanStatuses.Value(status)));
        if (PlanStatuses.TryParse(FormEcho.Status(view.Input, view.Measure), view.Statuses, out var selected)) input.Value = PlanStatuses.Value(selected);
        return input;
    }

    private static AdaptiveContainer ErrorBox(IReadOnlyList<string> errors, UpdateTexts texts)
    {
        var box = new AdaptiveContainer { Style = AdaptiveContainerStyle.Attention, Spacing = AdaptiveSpacing.Medium };
        box.Items.Add(new AdaptiveTextBlock(texts.FixBelow) { Wrap = true, Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Attention });
        foreach (var error in errors)
            box.Items.Add(new AdaptiveTextBlock("• " + AdaptiveText.EscapeMarkdown(error)) { Wrap = true, Spacing = AdaptiveSpacing.Small });
        return box;
    }
}
