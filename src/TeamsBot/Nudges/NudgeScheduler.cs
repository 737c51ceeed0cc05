using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsBot.Access;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Conversations;
using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Rounds;
using TeamsBot.Scheduling;
using TeamsBot.Storage;

namespace TeamsBot.Nudges;

/// <summary>
/// Every poll, in Oslo working time: for each measure not implemented whose deadline is within
/// <see cref="NudgeOptions.DaysBefore"/> days, or passed recently, one personal note to each person who answers for one
/// of its owner units and has not turned nudges off. "One" holds across instances and restarts through an insert claim
/// in RoundSends per (measure, kind, person, deadline): a changed deadline is a new nudge. Only people with a personal
/// chat are reached; nudges do not install the app (a status round does).
/// </summary>
public sealed class NudgeScheduler(
    MeasureIndex index,
    OwnerPeople ownerPeople,
    ConversationRegistry conversations,
    NudgePreferenceStore preferences,
    RoundSendStore claims,
    WorkingCalendar calendar,
    DigestInstance instance,
    IConnectorClient connector,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    IOptions<RoundOptions> roundOptions,
    IConfiguration configuration,
    ILogger<NudgeScheduler> logger) : BackgroundService
{
    private string? Tenant => options.Value.TenantId is { Length: > 0 } tenant ? tenant : configuration["MicrosoftAppTenantId"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled) return;
        await PollLoop.RunAsync("Nudge", options.Value.PollInterval, time, logger, async ct => await RunDueAsync(ct), stoppingToken);
    }

    /// <summary>One poll; returns what this instance did per due note (for tests).</summary>
    public async Task<IReadOnlyList<NudgeSend>> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (calendar.NextWorkingMoment(now) != now) return [];
        var today = OsloClock.DateOf(now);
        var due = index.Current.Measures.Values
            .Select(m => (Measure: m, Kind: KindOf(m, today)))
            .Where(x => x.Kind is not null)
            .ToList();
        if (due.Count == 0) return [];

        var off = await preferences.ListOffAsync(ct);
        var done = new List<NudgeSend>();
        var unreachable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (measure, kind) in due)
            foreach (var person in await PeopleOfAsync(measure, ct))
            {
                if (off.Contains(person.Key) || person.AadObjectId is { } aad && off.Contains(aad) || person.TeamsId is { } teams && off.Contains(teams))
                    continue;
                var chat = await conversations.FindPersonalAsync(Tenant, person.AadObjectId, person.TeamsId, ct);
                if (chat is null)
                {
                    unreachable.Add(person.Key);
                    continue;
                }
                if (await SendOnceAsync(measure, kind!.Value, person, chat, ct) is { } send) done.Add(send);
            }
        if (unreachable.Count > 0)
            logger.LogWarning(
                "{Count} owner(s) due a nudge have no personal chat with the bot in tenant {Tenant} and were not nudged; " +
                "a status round installs the app for them (Nudges:TenantId or MicrosoftAppTenantId names the tenant)",
                unreachable.Count, Tenant ?? "(none set)");
        return done;
    }

    private NudgeKind? KindOf(Measure m, DateOnly today)
    {
        if (m.Status == MeasureStatus.Implemented || m.Deadline is not { } deadline) return null;
        if (today > deadline) return today.DayNumber - deadline.DayNumber <= options.Value.OverdueWithinDays ? NudgeKind.Overdue : null;
        return deadline.DayNumber - today.DayNumber <= options.Value.DaysBefore ? NudgeKind.DueSoon : null;
    }

    /// <summary>The people of every owner unit of the measure, each once.</summary>
    private async Task<IReadOnlyList<OwnerPerson>> PeopleOfAsync(Measure measure, CancellationToken ct)
    {
        var people = new List<OwnerPerson>();
        foreach (var unit in measure.Owners)
            foreach (var person in await ownerPeople.ForUnitAsync(measure.PlanId, unit, ct))
                if (!people.Any(p => string.Equals(p.Key, person.Key, StringComparison.OrdinalIgnoreCase))) people.Add(person);
        return people;
    }

    private async Task<NudgeSend?> SendOnceAsync(Measure measure, NudgeKind kind, OwnerPerson person, ConversationRecord chat, CancellationToken ct)
    {

        var deadline = measure.Deadline!.Value;
        var claimPartition = $"nudge|{measure.PlanId}|{measure.Id}";
        var claimRow = TableKeys.Encode($"{kind}|{person.Key}|{deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        var now = time.GetUtcNow();
        var claim = await claims.TryClaimAsync(claimPartition, claimRow, instance.Id, now, roundOptions.Value.LeaseDuration, ct);
        NudgeSend Outcome(bool sent) => new(measure.PlanId, measure.Id, person.Key, kind, sent);
        if (claim is null) return Outcome(false);

        var language = chat.Locale is { Length: > 0 } locale ? UserLanguages.FromLocale(locale) : UserLanguage.Bokmal;
        var t = NudgeTexts.For(language);
        var plan = index.Current.Plans.TryGetValue(measure.PlanId, out var p) ? p.Title : measure.PlanId;
        var date = DateTexts.Date(deadline, language);
        var text = (kind == NudgeKind.DueSoon ? t.DueSoon : t.Overdue)(measure.Title, plan, date) + "\n\n" + t.HowToStop;
        try
        {
            await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, Activity.CreateMessageActivity(text), ct);
            await claims.MarkSentAsync(claim, time.GetUtcNow(), chat.ConversationId, ct);
            return Outcome(true);
        }
        catch (ConversationBlockedException)
        {
            await claims.MarkFailedAsync(claim, time.GetUtcNow(), "blocked", ct);
        }
        catch (ConnectorException e) when (e.MayHaveBeenDelivered)
        {
            logger.LogWarning(e, "A nudge to {Person} may or may not have arrived; not sent again", person.Key);
            await claims.MarkFailedAsync(claim, time.GetUtcNow(), "delivery unknown", ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "A nudge to {Person} failed; it is tried again later", person.Key);
            await claims.RetryLaterAsync(claim, time.GetUtcNow() + roundOptions.Value.RetryFailedAfter, ct);
        }
        return Outcome(false);
    }
}
