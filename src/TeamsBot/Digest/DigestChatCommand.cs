using System.Globalization;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Digest;

/// <summary>The brief's channel commands: subscribe (with day, time, filters), show, stop, and "brief nå".</summary>
public sealed class DigestChatCommand(
    DigestSubscriptionStore subscriptions,
    CoordinatorAuthorization coordinators,
    DigestComposer composer,
    MeasureIndex index,
    TimeProvider time) : IChatCommand
{
    private const string NoTenant = "_";

    public async Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken)
    {
        if (DigestCommandParser.Parse(message.Text) is not { } command) return false;
        var t = DigestTexts.For(message.Language);
        if (!string.Equals(message.ConversationType, "channel", StringComparison.OrdinalIgnoreCase))
        {
            await turn.SendActivityAsync(t.ChannelOnly, cancellationToken);
            return true;
        }

        var channelData = turn.Activity.GetChannelData<TeamsChannelData>();
        var channelId = channelData?.Channel?.Id ?? ThreadRoot(message.ConversationId);
        var tenantId = message.TenantId ?? NoTenant;
        if (command.Kind != DigestCommandKind.Show && !await coordinators.IsCoordinatorAsync(message.User, cancellationToken))
        {
            await turn.SendActivityAsync(t.CoordinatorsOnly, cancellationToken);
            return true;
        }

        var existing = await subscriptions.GetAsync(tenantId, channelId, cancellationToken);
        switch (command.Kind)
        {
            case DigestCommandKind.Show:
                await turn.SendActivityAsync(Describe(existing, t, message), cancellationToken);
                break;

            case DigestCommandKind.Stop:
                var deleted = await subscriptions.DeleteAsync(tenantId, channelId, cancellationToken);
                await turn.SendActivityAsync(deleted ? t.Stopped : t.WasNotSubscribed, cancellationToken);
                break;

            case DigestCommandKind.Now:
                var brief = await composer.ComposeAsync(existing?.Filter ?? DigestFilter.None, message.Language, time.GetUtcNow(), existing?.LastBriefAt, cancellationToken);
                await turn.SendActivityAsync(brief, cancellationToken);
                break;

            case DigestCommandKind.Subscribe:
                if (command.Schedule is null)
                {
                    await turn.SendActivityAsync(t.BadSchedule, cancellationToken);
                    break;
                }
                var (filter, unknown) = ResolveFilter(command, index.Current);
                if (unknown is not null)
                {
                    var known = string.Join(", ", index.Current.Plans.Keys.Order(StringComparer.Ordinal));
                    await turn.SendActivityAsync(t.UnknownFilter(unknown, known), cancellationToken);
                    break;
                }
                var subscription = new DigestSubscription
                {
                    TenantId = tenantId,
                    ChannelId = channelId,
                    ServiceUrl = turn.Activity.ServiceUrl ?? existing?.ServiceUrl ?? "",
                    TeamId = channelData?.Team?.Id ?? existing?.TeamId,
                    Schedule = command.Schedule,
                    Filter = filter,
                    Language = message.Language,
                    CreatedAt = existing?.CreatedAt ?? time.GetUtcNow(),
                    CreatedBy = message.User.AadObjectId ?? message.User.Id,
                    LastBriefAt = existing?.LastBriefAt,
                    LastPostedWeek = existing?.LastPostedWeek,
                };
                await subscriptions.SaveAsync(subscription, cancellationToken);
                await turn.SendActivityAsync(t.Subscribed(ScheduleText(subscription.Schedule, t)) + FilterText(filter, t, index.Current), cancellationToken);
                break;
        }
        return true;
    }

    private string Describe(DigestSubscription? s, DigestTexts t, ChatMessage message)
    {
        if (s is null) return t.NotSubscribed;
        var text = t.Current(ScheduleText(s.Schedule, t)) + FilterText(s.Filter, t, index.Current);
        if (s.LastBriefAt is { } last)
            text += " " + t.LastBrief(DateTexts.Date(OsloClock.DateOf(last), message.Language));
        if (s.Paused) text += "\n\n" + t.Paused;
        return text;
    }

    private static string ScheduleText(DigestSchedule schedule, DigestTexts t) =>
        t.Schedule(t.DayNames[(int)schedule.Day], schedule.Time.ToString("HH:mm", CultureInfo.InvariantCulture));

    private static string FilterText(DigestFilter filter, DigestTexts t, MeasureSnapshot snapshot)
    {
        var text = "";
        if (filter.PlanIds.Count > 0)
            text += t.FilterPlans(string.Join(", ", filter.PlanIds.Select(id => snapshot.Plans.TryGetValue(id, out var p) ? $"«{p.Title}»" : id)));
        if (filter.AreaIds.Count > 0)
            text += t.FilterAreas(string.Join(", ", filter.AreaIds.Select(id =>
                snapshot.Plans.Values.SelectMany(p => p.Areas).FirstOrDefault(a => a.Id == id) is { } a ? $"«{a.Title}»" : id)));
        return text;
    }

    /// <summary>Plan and area words as ids (exact id, or the start of the title); the first word that matches nothing is returned.</summary>
    private static (DigestFilter Filter, string? Unknown) ResolveFilter(DigestCommand command, MeasureSnapshot snapshot)
    {
        var plans = new List<string>();
        foreach (var word in command.PlanWords ?? [])
        {
            var plan = snapshot.Plans.Values.FirstOrDefault(p => string.Equals(p.Id, word, StringComparison.OrdinalIgnoreCase))
                ?? snapshot.Plans.Values.FirstOrDefault(p => p.Title.StartsWith(word, StringComparison.OrdinalIgnoreCase));
            if (plan is null) return (DigestFilter.None, word);
            plans.Add(plan.Id);
        }
        var areas = new List<string>();
        var allAreas = snapshot.Plans.Values.Where(p => plans.Count == 0 || plans.Contains(p.Id)).SelectMany(p => p.Areas).ToList();
        foreach (var word in command.AreaWords ?? [])
        {
            var area = allAreas.FirstOrDefault(a => string.Equals(a.Id, word, StringComparison.OrdinalIgnoreCase))
                ?? allAreas.FirstOrDefault(a => a.Title.StartsWith(word, StringComparison.OrdinalIgnoreCase));
            if (area is null) return (DigestFilter.None, word);
            areas.Add(area.Id);
        }
        return (new DigestFilter(plans.Distinct().ToList(), areas.Distinct().ToList()), null);
    }

    // A channel message's conversation id is "19:…@thread.tacv2;messageid=…"; the channel is the part before ';'.
    private static string ThreadRoot(string conversationId) => conversationId.Split(';')[0];
}
