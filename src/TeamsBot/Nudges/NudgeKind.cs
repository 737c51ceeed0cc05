namespace TeamsBot.Nudges;

public enum NudgeKind { DueSoon, Overdue }

/// <summary>One note this instance sent (or found taken) in one poll: for tests and telemetry.</summary>
public sealed record NudgeSend(string PlanId, string MeasureId, string PersonKey, NudgeKind Kind, bool Sent);
