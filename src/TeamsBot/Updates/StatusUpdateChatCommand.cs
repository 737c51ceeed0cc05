using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Updates;

/// <summary>
/// «oppdater X» / «update X» sends the form for X; «historikk X» / «history X» sends X's changes. When X names several
/// measures the user picks one from a short card of buttons.
/// </summary>
public sealed class StatusUpdateChatCommand(
    MeasureLookup lookup,
    MeasureLocator locator,
    MeasureIndex index,
    EditAuthorization authorization,
    MeasureHistoryReader history) : IChatCommand
{
    public async Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken)
    {
        if (UpdateCommandParser.Parse(message.Text) is not { } command) return false;
        var texts = UpdateTexts.For(message.Language);
        if (command.Query.Length == 0)
        {
            await turn.SendActivityAsync(command.Kind == UpdateCommandKind.Update ? texts.UpdateWhat : texts.HistoryOfWhat, cancellationToken);
            return true;
        }

        var found = lookup.Find(command.Query);
        if (found.Match is null)
        {
            if (found.Candidates.Count == 0) await turn.SendActivityAsync(texts.NoSuchMeasure(AdaptiveText.Quote(command.Query)), cancellationToken);
            else await CardMessages.SendAsync(turn, ChoiceCard(found.Candidates, command.Kind, message.Language), null, cancellationToken);
            return true;
        }

        if (await locator.FindAsync(found.Match.PlanId, found.Match.Id, cancellationToken) is not ({ } measure, { } plan))
        {
            await turn.SendActivityAsync(texts.MeasureNotFound, cancellationToken);
            return true;
        }

        if (command.Kind == UpdateCommandKind.History)
        {
            await CardMessages.SendAsync(turn, await history.BuildCardAsync(measure, message.User, message.Language, cancellationToken), null, cancellationToken);
            return true;
        }

        if (await authorization.DecideAsync(message.User, measure, cancellationToken) != EditDecision.Allowed)
        {
            await turn.SendActivityAsync(texts.NotAllowedFor(measure), cancellationToken);
            return true;
        }
        var form = FormView.Fresh(measure, plan, PlanStatuses.For(measure, index.Current), message.Language);
        await CardMessages.SendAsync(turn, UpdateFormCard.Build(form), null, cancellationToken);
        return true;
    }

    private static AdaptiveCard ChoiceCard(IReadOnlyList<Measure> candidates, UpdateCommandKind kind, UserLanguage language)
    {
        var texts = UpdateTexts.For(language);
        var card = CardBaseline.New(language, texts.WhichMeasure);
        card.Body.Add(new AdaptiveTextBlock(texts.WhichMeasure) { Wrap = true, Weight = AdaptiveTextWeight.Bolder });
        foreach (var measure in candidates)
            card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown($"{measure.Id}: {measure.Title}")) { Wrap = true, MaxLines = 2 });
        foreach (var measure in candidates)
            card.Actions.Add(MeasureActions.On(measure, measure.Id, kind == UpdateCommandKind.Update ? CardVerbs.EditMeasure : CardVerbs.MeasureHistory));
        return SubmitFallbacks.AddTo(card);
    }
}
