using System.Text.RegularExpressions;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.Chat.Understanding;
using TeamsBot.Graph;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Rounds;

/// <summary>
/// The round's chat commands: start («be om status for … innen …»), «hvem mangler?», «status for runden»,
/// «avslutt runden», and the owner mapping («hvem svarer for Kripos?», «legg til &lt;person&gt; for Kripos»).
/// </summary>
public sealed partial class RoundChatCommand(
    RoundStarter starter,
    RoundStore rounds,
    RoundProgressReader progress,
    RoundCloser closer,
    CoordinatorAuthorization coordinators,
    OwnerPeople ownerPeople,
    RoleStore roles,
    IDirectory directory,
    MeasureIndex index,
    WorkingCalendar calendar) : IChatCommand
{
    [GeneratedRegex(@"\b20\d{2}\b")]
    private static partial Regex Year();

    public async Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken)
    {
        if (RoundCommandParser.Parse(message.Text) is not { } command) return false;
        // «hvem svarer for X?» names a unit here; about anything else (a measure, a topic) it is a question for chat.
        if (command.Kind == RoundCommandKind.ShowOwners && !NamesOneUnit(command.Unit)) return false;
        var t = RoundTexts.For(message.Language);
        var reply = command.Kind switch
        {
            RoundCommandKind.Start => await StartAsync(turn, message, command, t, cancellationToken),
            RoundCommandKind.Missing or RoundCommandKind.Status or RoundCommandKind.Close => await OnRoundAsync(turn, message, command, t, cancellationToken),
            RoundCommandKind.ShowOwners => await ShowOwnersAsync(message, command, t, cancellationToken),
            _ => await AddOwnerAsync(message, command, t, cancellationToken),
        };
        if (reply is not null) await turn.SendActivityAsync(reply, cancellationToken);
        return true;
    }

    private async Task<string?> StartAsync(ITurnContext turn, ChatMessage message, RoundCommand command, RoundTexts t, CancellationToken ct)
    {
        var snapshot = index.Current;
        var (planId, remaining) = PlanReferences.Extract(command.Rest, snapshot.Plans.Values);
        var deadline = DeadlineIn(remaining, message.Today);
        if (planId is null || deadline is null) return await StartCardAsync(turn, message, command, planId, deadline, t, ct);

        var result = await starter.StartAsync(RoundRequester.Of(message, turn.Activity.ServiceUrl ?? ""), planId, deadline.Value, command.Note, ct);
        if (result is RoundStartResult.Refused refused) return refused.Text;
        var started = (RoundStartResult.Started)result;
        await CardMessages.SendAsync(turn, started.Card, t.StartedTitle(snapshot.Plans[planId].Title), ct);
        return null;
    }

    /// <summary>The start card for a command without a plan or a deadline, with what was typed filled in; only for coordinators.</summary>
    private async Task<string?> StartCardAsync(ITurnContext turn, ChatMessage message, RoundCommand command, string? planId, DateOnly? deadline,
        RoundTexts t, CancellationToken ct)
    {
        var coordinated = new List<Plan>();
        foreach (var plan in index.Current.Plans.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            if (await coordinators.IsCoordinatorOfAsync(message.User, plan.Id, ct)) coordinated.Add(plan);
        if (coordinated.Count == 0 || (planId is not null && !coordinated.Any(p => p.Id == planId))) return t.CoordinatorsOnly;

        var missing = planId is null && deadline is null ? t.ChoosePlanAndDeadline : planId is null ? t.ChoosePlan : t.ChooseDeadline;
        var form = new RoundStartForm(coordinated, planId ?? (coordinated.Count == 1 ? coordinated[0].Id : null),
            deadline is { } typed && typed > message.Today ? typed : RoundLimits.DefaultDeadline(message.Today, calendar),
            command.Note, missing, message.Today, message.Language);
        await CardMessages.SendAsync(turn, RoundStartCard.Build(form), t.StartFormTitle, ct);
        return null;
    }

    /// <summary>The deadline typed: «innen 15. januar» written in December means next January; a year typed is taken as typed.</summary>
    private static DateOnly? DeadlineIn(string text, DateOnly today)
    {
        var (range, _) = DatePhrases.Extract(text, today);
        if ((range?.To ?? range?.From) is not { } deadline) return null;
        return deadline < today && !Year().IsMatch(text) ? deadline.AddYears(1) : deadline;
    }

    private async Task<string?> OnRoundAsync(ITurnContext turn, ChatMessage message, RoundCommand command, RoundTexts t, CancellationToken ct)
    {
        var snapshot = index.Current;
        var (planId, _) = PlanReferences.Extract(command.Rest, snapshot.Plans.Values);
        var open = await rounds.ListOpenAsync(ct, planId).ToListAsync(ct);
        if (open.Count == 0)
            return t.NoOpenRound(planId is null ? "" : " – " + message.Language.Quote(snapshot.Plans[planId].Title));
        if (open.Count > 1)
            return t.WhichRound(string.Join(", ", open.Select(r => message.Language.Quote(snapshot.Plans.TryGetValue(r.PlanId, out var p) ? p.Title : r.PlanId))));
        var round = open[0];

        if (command.Kind == RoundCommandKind.Close)
        {
            if (!await coordinators.IsCoordinatorOfAsync(message.User, round.PlanId, ct)) return t.CoordinatorsOnly;
            if (await closer.CloseAsync(round, message.User.AadObjectId ?? message.User.Id, ct) is not { } closing)
                return t.NoOpenRound("");
            await CardMessages.SendAsync(turn, closing.Summary, t.Closed(PlanTitle(round, snapshot)), ct);
            await turn.SendActivityAsync(closing.Export.Message(message.ConversationType == "personal", message.Language), ct);
            return null;
        }

        if (await progress.ReadAsync(round, ct) is not { } view) return t.NoOpenRound("");
        if (command.Kind == RoundCommandKind.Status)
            return t.StatusLine(message.Language.Quote(view.Plan.Title), view.OwnersAnswered, view.Owners.Count, view.MeasuresOutstanding);
        await CardMessages.SendAsync(turn, RoundCards.Missing(view, message.Language), null, ct);
        return null;
    }

    private async Task<string> ShowOwnersAsync(ChatMessage message, RoundCommand command, RoundTexts t, CancellationToken ct)
    {
        if (!await coordinators.IsCoordinatorAsync(message.User, ct)) return t.MappingCoordinatorsOnly;
        var unit = UnitOf(command.Unit)!;
        var people = await ownerPeople.ForUnitAsync(null, unit, ct);
        if (people.Count == 0) return t.NobodyFor(unit);
        return t.PeopleFor(unit) + "\n\n" + string.Join("\n", people.Select(p => $"- {p.Name}"));
    }

    private async Task<string> AddOwnerAsync(ChatMessage message, RoundCommand command, RoundTexts t, CancellationToken ct)
    {
        if (!await coordinators.IsCoordinatorAsync(message.User, ct)) return t.MappingCoordinatorsOnly;
        if (UnitOf(command.Unit) is not { } unit) return t.UnknownUnit(command.Unit ?? "", KnownUnits());
        var typed = command.Person ?? "";
        if (typed.Contains('@', StringComparison.Ordinal) && directory.IsConfigured)
        {
            var found = await directory.FindUserAsync(typed, ct);
            if (!found.IsFound) return t.PersonNotFound(typed);
            await ownerPeople.AddAsync(found.Value!.Id, null, found.Value.DisplayName, unit, ct);
            return t.Added(found.Value.DisplayName, unit);
        }
        var snapshot = await roles.GetAsync(ct);
        var known = snapshot.Records.FirstOrDefault(r => string.Equals(r.Name, typed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.UserKey, typed, StringComparison.OrdinalIgnoreCase));
        if (known is null) return t.PersonNotFound(typed);
        await ownerPeople.AddAsync(known.UserKey, known.TeamsUserId, known.Name ?? known.UserKey, unit, ct);
        return t.Added(known.Name ?? known.UserKey, unit);
    }

    /// <summary>A unit by its name or any alias, as typed or inside the words.</summary>
    private static string? UnitOf(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var trimmed = typed.Trim().TrimEnd('?', '!', '.');
        return OwnerUnits.All.FirstOrDefault(u => u.Aliases.Append(u.Name).Any(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase)))?.Name
            ?? (OwnerUnits.FindIn(trimmed) is [var first, ..] ? first : null);
    }

    /// <summary>
    /// The text is a unit's name or alias, or a short phrase («politiet i Oslo») with one unit in it; «liaison fra PST
    /// til POD» names two units inside a measure's title.
    /// </summary>
    private static bool NamesOneUnit(string? typed)
    {
        if (UnitOf(typed) is null) return false;
        var trimmed = typed!.Trim().TrimEnd('?', '!', '.');
        return OwnerUnits.All.Any(u => u.Aliases.Append(u.Name).Any(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase)))
            || (OwnerUnits.FindIn(trimmed).Count == 1 && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4);
    }

    private static string KnownUnits() => string.Join(", ", OwnerUnits.All.Select(u => u.Name));

    private static string KnownPlans(MeasureSnapshot snapshot, UserLanguage language) =>
        string.Join(", ", snapshot.Plans.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => language.Quote(p.Title)));

    private static string PlanTitle(Round round, MeasureSnapshot snapshot) =>
        snapshot.Plans.TryGetValue(round.PlanId, out var plan) ? plan.Title : round.PlanId;
}
