using System.Globalization;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Storage;

namespace TeamsBot.Updates;

/// <summary>
/// Applies a submitted form: authorize, validate, then one conditional write of the measure with its history row and
/// form receipt. A lost race (412) is either the same form applied already (answered as done) or someone else's change
/// (a conflict form that keeps the user's edits on top of the new version).
/// </summary>
public sealed class StatusUpdateService(
    MeasureIndex index,
    MeasureStore measures,
    EditAuthorization authorization,
    TimeProvider time,
    ILogger<StatusUpdateService> logger)
{
    public const string Source = "card";

    public async Task<UpdateOutcome> ApplyAsync(FormSubmission submission, BotUser user, Localization.UserLanguage language, CancellationToken ct)
    {
        var texts = UpdateTexts.For(language);
        var origin = submission.Origin;
        var snapshot = index.Current;
        if (await PlanAsync(origin.PlanId, snapshot, ct) is not { } plan)
            return new UpdateRefused(texts.MeasureNotFound, UpdateRefusal.NotFound);

        // The index holds the version the form was drawn from in the common case, or a newer one when the form is
        // stale (enough for the conflict card; the write is conditional anyway). Only when the index may be behind the
        // form (drawn on another instance) is the store read.
        var known = snapshot.Find(origin.PlanId, origin.MeasureId);
        var current = known is not null && (known.Version == origin.Version || known.UpdatedAt > origin.SeenAt)
            ? known
            : await measures.GetMeasureAsync(origin.PlanId, origin.MeasureId, ct);
        if (current is null) return new UpdateRefused(texts.MeasureNotFound, UpdateRefusal.NotFound);

        if (await authorization.DecideAsync(user, current, ct) != EditDecision.Allowed)
            return new UpdateRefused(texts.NotAllowedFor(current), UpdateRefusal.NotAllowed);

        var statuses = PlanStatuses.For(current, snapshot);
        var validation = UpdateValidator.Validate(submission.Input, current, plan, statuses, language);
        if (validation.Change is not { } change)
            return new UpdateFormAgain(new FormView(current, plan, statuses, origin, submission.Input, language) { Errors = validation.Errors }, UpdateFormReason.Invalid);

        if (current.Version != origin.Version)
            return await ResolveConflictAsync(submission, current, plan, statuses, language, ct);

        var now = time.GetUtcNow();
        var next = current with
        {
            Status = change.Status,
            Remark = change.Remark,
            Deadline = change.Deadline,
            // The plan's own words for the deadline describe the old date; keep them only while the date stands.
            DeadlineText = change.Deadline == current.Deadline ? current.DeadlineText : null,
            UpdatedAt = now,
            UpdatedBy = user.DisplayName,
        };
        var changes = MeasureMerge.Diff(current, next);
        if (changes.Count == 0)
        {
            var notice = change.Comment is null ? texts.NothingChanged : $"{texts.NothingChanged} {texts.CommentNeedsChange}";
            return new UpdateFormAgain(new FormView(current, plan, statuses, origin, submission.Input, language) { Notice = notice }, UpdateFormReason.Unchanged);
        }

        var history = new HistoryEntry(current.PlanId, current.Id, now, user.DisplayName, Source, changes, change.Comment);
        try
        {
            var saved = await measures.UpdateAsync(next, history, ct, new FormReceipt(origin.FormId, user.Id, user.AadObjectId));
            index.Apply([saved]);
            logger.LogInformation("Measure {PlanId}/{MeasureId} updated by {UserId}: {Fields}",
                saved.PlanId, saved.Id, user.Id, string.Join(", ", changes.Select(c => c.Field)));
            return new UpdateSaved(saved, plan, history);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, ct))
        {
            // The transaction may have reached the store before the connection failed; the form's receipt makes a resubmit safe.
            logger.LogWarning(e, "Storage unavailable while saving {PlanId}/{MeasureId}; outcome unknown", current.PlanId, current.Id);
            return new UpdateRefused(texts.SaveOutcomeUnknown, UpdateRefusal.Failed);
        }
        catch (MeasureConflictException)
        {
            // Lost the race: the winner may not be in the index yet, so read the store (alongside the conflict reads).
            return await ResolveConflictAsync(submission, measures.GetMeasureAsync(origin.PlanId, origin.MeasureId, ct), plan, statuses, language, ct);
        }
    }

    private Task<UpdateOutcome> ResolveConflictAsync(
        FormSubmission submission, Measure current, Plan plan, IReadOnlyList<MeasureStatus> statuses,
        Localization.UserLanguage language, CancellationToken ct) =>
        ResolveConflictAsync(submission, Task.FromResult<Measure?>(current), plan, statuses, language, ct);

    /// <summary>Was it this very form (answer as done), or someone else's change (the conflict form)? Reads run in parallel.</summary>
    private async Task<UpdateOutcome> ResolveConflictAsync(
        FormSubmission submission, Task<Measure?> currentRead, Plan plan, IReadOnlyList<MeasureStatus> statuses,
        Localization.UserLanguage language, CancellationToken ct)
    {
        var origin = submission.Origin;
        var applied = measures.HasReceiptAsync(origin.PlanId, origin.MeasureId, origin.FormId, ct);
        var history = measures.GetHistoryAsync(origin.PlanId, origin.MeasureId, ct, newerThan: origin.SeenAt).ToListAsync(ct).AsTask();
        await Task.WhenAll(currentRead, applied, history);
        if (await currentRead is not { } current) return new UpdateRefused(UpdateTexts.For(language).MeasureNotFound, UpdateRefusal.NotFound);
        index.Apply([current]);
        if (await applied) return new UpdateDuplicate(current, plan);

        var newer = (await history).Where(e => e.Changes.Count > 0).ToList();
        logger.LogInformation("Form for {PlanId}/{MeasureId} drawn from a stale version; {Count} change(s) since", origin.PlanId, origin.MeasureId, newer.Count);

        var form = new FormView(
            current, plan, statuses,
            origin with { Version = current.Version, SeenAt = current.UpdatedAt },
            OnTopOf(current, submission.Input, newer),
            language)
        {
            Banner = ConflictBanner.Build(newer, plan, language),
            SaveTitle = UpdateTexts.For(language).ApplyAnyway,
        };
        return new UpdateFormAgain(form, UpdateFormReason.Conflict);
    }

    /// <summary>
    /// The user's input re-based on the current version: a field the user left as they saw it takes the current value
    /// (so applying their form cannot undo a colleague's change they never touched); a field they edited keeps their value.
    /// What they saw is the old value of the first change to the field after their version.
    /// </summary>
    public static FormInput OnTopOf(Measure current, FormInput input, IReadOnlyList<HistoryEntry> newerNewestFirst)
    {
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in newerNewestFirst)
            foreach (var change in entry.Changes)
                seen[change.Field] = change.Old; // newest first: the last write is the oldest change's old value

        // A field the submit did not carry (null) was not touched either.
        string? Pick(string field, string? typed, string? now, Func<string?, string> normalize) =>
            typed is null || (seen.TryGetValue(field, out var before) && normalize(typed) == normalize(before)) ? now : typed;

        return input with
        {
            Status = Pick("status", PlanStatusValue(input.Status), current.Status.ToString(), v => v ?? ""),
            Remark = Pick("remark", input.Remark, current.Remark, UpdateValidator.NormalizeText),
            Deadline = Pick("deadline", input.Deadline, current.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v => (v ?? "").Trim()),
        };
    }

    private static string? PlanStatusValue(string? typed) =>
        PlanStatuses.TryParse(typed, Enum.GetValues<MeasureStatus>(), out var status) ? PlanStatuses.Value(status) : typed;

    private async Task<Plan?> PlanAsync(string planId, MeasureSnapshot snapshot, CancellationToken ct) =>
        snapshot.Plans.GetValueOrDefault(planId) ?? await measures.GetPlanAsync(planId, ct);
}
