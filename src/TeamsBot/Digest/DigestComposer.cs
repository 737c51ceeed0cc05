using TeamsBot.BotFramework.Schema;
using TeamsBot.Localization;

namespace TeamsBot.Digest;

/// <summary>Builds the brief's message activity for a filter and language at a moment in time.</summary>
public sealed class DigestComposer(DigestReportBuilder reports, DigestCard cards)
{
    /// <summary>With no earlier brief, "changes since" covers the last week.</summary>
    public static readonly TimeSpan FirstBriefLookback = TimeSpan.FromDays(7);

    public async Task<Activity> ComposeAsync(DigestFilter filter, UserLanguage language, DateTimeOffset now, DateTimeOffset? lastBriefAt, CancellationToken ct)
    {
        var report = await reports.BuildAsync(filter, now, lastBriefAt ?? now - FirstBriefLookback, ct);
        var card = cards.Build(report, language);
        var activity = Activity.CreateMessageActivity(Attachment.AdaptiveCard(card.ToJsonElement()));
        activity.Summary = card.FallbackText;
        return activity;
    }
}
