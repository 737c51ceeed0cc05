using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.BotFramework.Connector;
using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Scheduling;
using TeamsBot.Telemetry;

namespace TeamsBot.Rounds;

public enum RoundSendOutcome { NotOurs, Sent, Unreachable, Failed }

/// <summary>One step to one person in one poll: "request" or "reminder-{n}d".</summary>
public sealed record RoundSend(string RoundId, string Unit, string PersonKey, string Step, RoundSendOutcome Outcome);

/// <summary>
/// Every poll, for each open round: the request to every person of every owner (once), each reminder that is due —
/// on working days in working hours, Oslo — to the people of owners that have not answered (once per step), and the
/// close when the deadline day has passed. "Once" holds across instances and restarts through the RoundSends claims.
/// </summary>
public sealed class RoundScheduler(
    RoundStore rounds,
    RoundSendStore sends,
    RoundProgressReader progress,
    RoundDelivery delivery,
    RoundCloser closer,
    WorkingCalendar calendar,
    DigestInstance instance,
    IConnectorClient connector,
    RoundTelemetry telemetry,
    TimeProvider time,
    IOptions<RoundOptions> options,
    ILogger<RoundScheduler> logger) : BackgroundService
{
    public const string RequestStep = "request";
    private const int MaxConcurrency = 8;

    public static string ReminderStep(int daysBefore) => $"reminder-{daysBefore.ToString(CultureInfo.InvariantCulture)}d";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled) return;
        await PollLoop.RunAsync("Round", options.Value.PollInterval, time, logger, async ct => await RunDueAsync(ct), stoppingToken);
    }

    /// <summary>One poll; returns what this instance did per due send (for tests).</summary>
    public async Task<IReadOnlyList<RoundSend>> RunDueAsync(CancellationToken ct)
    {
        var done = new List<RoundSend>();
        var now = time.GetUtcNow();
        await foreach (var round in rounds.ListOpenAsync(ct))
        {
            if (OsloClock.DateOf(now) > round.Deadline)
            {
                await CloseAtDeadlineAsync(round, ct);
                continue;
            }
            if (await progress.ReadAsync(round, ct) is not { } view) continue;
            var due = new List<(OwnerProgress Owner, OwnerPerson Person, string Step)>();
            var reminders = DueReminders(round, now);
            foreach (var owner in view.Owners)
                foreach (var person in owner.Owner.People)
                {
                    due.Add((owner, person, RequestStep));
                    if (!owner.HasAnswered) due.AddRange(reminders.Select(step => (owner, person, step)));
                }
            var outcomes = new RoundSend[due.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = ct },
                async (i, c) => outcomes[i] = await SendOnceAsync(view, due[i].Owner, due[i].Person, due[i].Step, c));
            done.AddRange(outcomes);
        }
        return done;
    }

    /// <summary>The reminder steps due now: their time has come, came after the round started, and now is working time.</summary>
    private List<string> DueReminders(Round round, DateTimeOffset now)
    {
        if (calendar.NextWorkingMoment(now) != now) return [];
        return [.. options.Value.ReminderDaysBefore
            .Where(days => calendar.ReminderTime(round.Deadline, days) is var at && at <= now && at > round.StartedAt)
            .Select(ReminderStep)];
    }

    private async Task<RoundSend> SendOnceAsync(RoundProgress view, OwnerProgress owner, OwnerPerson person, string step, CancellationToken ct)
    {
        var round = view.Round;
        var o = options.Value;
        RoundSend Outcome(RoundSendOutcome outcome) => new(round.Id, owner.Owner.Unit, person.Key, step, outcome);

        var claim = await sends.TryClaimAsync(round.Id, RoundSendStore.RowOf(owner.Owner.Unit, person.Key, step), instance.Id, time.GetUtcNow(), o.LeaseDuration, ct);
        if (claim is null) return Outcome(RoundSendOutcome.NotOurs);

        var (chat, language) = await delivery.ChatOfAsync(round, person, ct);
        var measures = owner.Answered.Concat(owner.Outstanding).OrderBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var card = RoundCards.Request(round, view.Plan, owner.Owner, measures, view.AnsweredMeasureIds, step != RequestStep, language);
        var t = RoundTexts.For(language);
        var result = await delivery.SendAsync(round, person, chat, CardMessages.From(card, t.RequestTitle(view.Plan.Title)), ct);
        telemetry.Record(step, result.Result);
        var now = time.GetUtcNow();
        switch (result.Result)
        {
            case DeliveryResult.Sent:
                await sends.MarkSentAsync(claim, now, result.ConversationId ?? "", ct);
                return Outcome(RoundSendOutcome.Sent);
            case DeliveryResult.Unreachable:
                await sends.MarkFailedAsync(claim, now, "unreachable", ct);
                return Outcome(RoundSendOutcome.Unreachable);
            case DeliveryResult.Failed:
                await sends.RetryLaterAsync(claim, now + o.RetryFailedAfter, ct);
                return Outcome(RoundSendOutcome.Failed);
            default:
                await sends.MarkFailedAsync(claim, now, result.Result == DeliveryResult.Blocked ? "blocked" : "delivery unknown", ct);
                return Outcome(RoundSendOutcome.Failed);
        }
    }

    private async Task CloseAtDeadlineAsync(Round round, CancellationToken ct)
    {
        if (await closer.CloseAsync(round, "deadline", ct) is not { } closing) return;
        var t = RoundTexts.For(round.Language);
        try
        {
            await connector.SendToConversationAsync(round.CoordinatorServiceUrl, round.CoordinatorConversationId,
                CardMessages.From(closing.Summary, t.Closed(round.PlanId)), ct);
            await connector.SendToConversationAsync(round.CoordinatorServiceUrl, round.CoordinatorConversationId,
                closing.Export.Message(round.CoordinatorChatIsPersonal, round.Language), ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "Round {RoundId} closed at its deadline, but its summary could not be sent to the coordinator", round.Id);
        }
    }
}
