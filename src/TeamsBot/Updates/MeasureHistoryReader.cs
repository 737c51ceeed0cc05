using System.Text.Json.Nodes;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Cards;
using TeamsBot.Chat.Answers;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Updates;

/// <summary>
/// Reads a measure's history (newest first, one partition range query) and shows it on the chat's
/// <see cref="HistoryCard"/>, with "Oppdater status" for those who may edit.
/// </summary>
public sealed class MeasureHistoryReader(MeasureStore store, EditAuthorization authorization)
{
    public async Task<JsonObject> BuildCardAsync(Measure measure, Plan plan, BotUser user, Localization.UserLanguage language, CancellationToken ct)
    {
        var entries = new List<HistoryEntry>();
        var total = 0;
        await foreach (var entry in store.GetHistoryAsync(measure.PlanId, measure.Id, ct))
        {
            if (entry.Changes.Count == 0) continue; // a re-import that changed nothing
            total++;
            if (entries.Count < HistoryCard.MaxEntries) entries.Add(entry);
        }
        var card = HistoryCard.Build(measure, entries, language, totalCount: total);
        if (await authorization.DecideAsync(user, measure, ct, logRefusal: false) == EditDecision.Allowed)
            card.Actions.Insert(0, new AdaptiveExecuteAction
            {
                Title = AnswerTexts.For(language).UpdateStatus,
                Verb = UpdateActions.Edit,
                Data = UpdateActions.MeasureData(measure.PlanId, measure.Id),
            });
        return SubmitFallback.Add(card.ToJsonNode());
    }
}
