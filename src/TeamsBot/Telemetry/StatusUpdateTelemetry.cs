using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsBot.Updates;

namespace TeamsBot.Telemetry;

/// <summary>Submitted status-update forms: teamsbot.status_updates by outcome (saved, conflict, duplicate, refused…).</summary>
public sealed class StatusUpdateTelemetry
{
    private readonly Counter<long> _updates;

    public StatusUpdateTelemetry(TeamsBotTelemetry telemetry) =>
        _updates = telemetry.Meter.CreateCounter<long>("teamsbot.status_updates", "{update}",
            "Submitted status-update forms, by what became of them.");

    /// <summary>Counts <paramref name="outcome"/>, tags the current span (the card action) with it, and returns it.</summary>
    public UpdateOutcome Record(UpdateOutcome outcome)
    {
        var value = Value(outcome);
        _updates.Add(1, new KeyValuePair<string, object?>(TelemetryTags.UpdateOutcome, value));
        Activity.Current?.SetTag(TelemetryTags.UpdateOutcome, value);
        return outcome;
    }

    public static string Value(UpdateOutcome outcome) => outcome switch
    {
        UpdateSaved => "saved",
        UpdateDuplicate => "duplicate",
        UpdateFormAgain { Reason: UpdateFormReason.Conflict } => "conflict",
        UpdateFormAgain { Reason: UpdateFormReason.Invalid } => "invalid",
        UpdateFormAgain { Reason: UpdateFormReason.Unchanged } => "unchanged",
        UpdateRefused { Kind: UpdateRefusal.NotAllowed } => "not_allowed",
        UpdateRefused { Kind: UpdateRefusal.NotFound } => "not_found",
        UpdateRefused { Kind: UpdateRefusal.BadForm } => "bad_form",
        UpdateRefused { Kind: UpdateRefusal.Failed } => "failed",
        _ => "other",
    };
}
