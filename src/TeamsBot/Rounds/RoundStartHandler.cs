using System.Globalization;
using System.Text.Json;
using Azure;
using TeamsBot.Bot;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Storage;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Rounds;

/// <summary>
/// The start card submitted (<see cref="RoundStartCard"/>): every input is checked here and again by the starter —
/// nothing the card says is trusted, the coordinator least of all — and only then is the round started. The
/// coordinator gets the same card as from chat; a second submit of the same card is refused as "already open".
/// </summary>
public sealed class RoundStartHandler(RoundStarter starter, MeasureIndex index, ILogger<RoundStartHandler> logger) : ICardActionHandler
{
    // Plan ids are short slugs; anything far longer is not from the card we drew.
    private const int MaxPlanIdLength = 128;

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        var t = RoundTexts.For(action.Language);
        try
        {
            return await StartAsync(action, t, cancellationToken);
        }
        catch (RequestFailedException e) when (!StorageFailure.IsUnavailable(e, cancellationToken))
        {
            logger.LogError(e, "Storage failed while starting a round from the start card");
            return new Fail(t.SaveFailed);
        }
    }

    private async Task<CardActionResult> StartAsync(CardAction action, RoundTexts t, CancellationToken ct)
    {
        if (!IsTextOrAbsent(action.Data, RoundStartCard.PlanInput) || !IsTextOrAbsent(action.Data, RoundStartCard.DeadlineInput)
            || !IsTextOrAbsent(action.Data, RoundStartCard.NoteInput))
            return new Refuse(t.FormDamaged);

        var snapshot = index.Current;
        var planId = RoundCards.StringOf(action.Data, RoundStartCard.PlanInput)?.Trim();
        if (string.IsNullOrEmpty(planId)) return new ShowMessage(t.FormNoPlan);
        if (planId.Length > MaxPlanIdLength || !snapshot.Plans.TryGetValue(planId, out var plan))
            return new ShowMessage(t.FormUnknownPlan(string.Join(", ", snapshot.Plans.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => action.Language.Quote(p.Title)))));

        var typed = RoundCards.StringOf(action.Data, RoundStartCard.DeadlineInput)?.Trim();
        if (string.IsNullOrEmpty(typed)) return new ShowMessage(t.FormNoDeadline);
        if (!DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            return new ShowMessage(t.FormBadDeadline);

        var result = await starter.StartAsync(RoundRequester.Of(action), planId, deadline, RoundCards.StringOf(action.Data, RoundStartCard.NoteInput), ct);
        return result switch
        {
            RoundStartResult.Started started => new ShowCard(started.Card, t.StartedTitle(plan.Title)),
            RoundStartResult.Refused refused => new ShowMessage(refused.Text),
            _ => throw new InvalidOperationException($"Unknown start result {result.GetType().Name}."),
        };
    }

    /// <summary>Inputs come back as strings; a number, object or array under an input's id is not from our card.</summary>
    private static bool IsTextOrAbsent(JsonElement data, string key) =>
        data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(key, out var value) || value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
}
