using System.Collections.Concurrent;
using TeamsBot.Bot;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Digest;

/// <summary>Builds brief activities. A scheduler poll reads the history once and draws each distinct card once (<see cref="DigestBatch"/>).</summary>
public sealed class DigestComposer(MeasureIndex index, MeasureStore store, DigestReportBuilder reports, DigestCard cards, IEnumerable<IOpenRoundRates> roundRates)
{
    /// <summary>With no earlier brief, "changes since" covers the last week.</summary>
    public static readonly TimeSpan FirstBriefLookback = TimeSpan.FromDays(7);

    /// <summary>One brief now ("brief nå"): changes since the last brief, or the last week.</summary>
    public async Task<Activity> ComposeAsync(DigestFilter filter, UserLanguage language, DateTimeOffset now, DateTimeOffset? lastBriefAt, CancellationToken ct)
    {
        var since = lastBriefAt ?? now - FirstBriefLookback;
        return (await CreateBatchAsync(now, since, ct)).Compose(filter, language, since);
    }

    /// <summary>The measure snapshot and every history row since <paramref name="earliestSince"/>, read once for many briefs.</summary>
    public async Task<DigestBatch> CreateBatchAsync(DateTimeOffset now, DateTimeOffset earliestSince, CancellationToken ct)
    {
        var snapshot = index.Current;
        var history = new List<HistoryEntry>();
        await foreach (var entry in store.GetHistorySinceAsync(earliestSince, ct)) history.Add(entry);
        var rounds = new List<OpenRoundRate>();
        foreach (var source in roundRates) rounds.AddRange(await source.ReadAsync(ct));
        return new DigestBatch(reports, cards, snapshot, history, now, rounds);
    }
}

/// <summary>Briefs of one moment: every (filter, language, since) card is drawn once and shared by the channels that want it.</summary>
public sealed class DigestBatch(
    DigestReportBuilder reports, DigestCard cards, MeasureSnapshot snapshot, IReadOnlyList<HistoryEntry> history, DateTimeOffset now,
    IReadOnlyList<OpenRoundRate> rounds)
{
    private readonly ConcurrentDictionary<(string Filter, UserLanguage Language, DateTimeOffset Since), Lazy<AdaptiveCard>> _cards = new();

    public Activity Compose(DigestFilter filter, UserLanguage language, DateTimeOffset since)
    {
        var key = (string.Join(',', filter.PlanIds) + "|" + string.Join(',', filter.AreaIds), language, since);
        var card = _cards.GetOrAdd(key, _ => new Lazy<AdaptiveCard>(() => cards.Build(reports.Build(snapshot, history, filter, now, since, rounds), language))).Value;
        return CardMessages.From(card, card.FallbackText);
    }
}
