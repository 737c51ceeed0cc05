using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Updates;

/// <summary>
/// Reads a measure's history (newest first, one partition range query) and shows it on the <see cref="HistoryCard"/>,
/// with "Oppdater status" for those who may edit.
/// </summary>
public sealed class MeasureHistoryReader(MeasureStore store, EditAuthorization authorization)
{
    public async Task<AdaptiveCard> BuildCardAsync(Measure measure, BotUser user, UserLanguage language, CancellationToken ct)
    {
        var entries = new List<HistoryEntry>();
        var total = 0;
        await foreach (var entry in store.GetHistoryAsync(measure.PlanId, measure.Id, ct))
        {
            if (entry.Changes.Count == 0) continue; // a re-import that changed nothing
            total++;
            if (entries.Count < HistoryCard.MaxEntries) entries.Add(entry);
        }
        var canEdit = await authorization.DecideAsync(user, measure, ct, logRefusal: false) == EditDecision.Allowed;
        return SubmitFallbacks.AddTo(HistoryCard.Build(measure, entries, language, canEdit, totalCount: total));
    }
}
