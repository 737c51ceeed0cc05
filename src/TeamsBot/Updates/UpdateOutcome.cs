using TeamsBot.Measures;

namespace TeamsBot.Updates;

/// <summary>What became of a submitted form; the card handler turns each into an invoke response or messages.</summary>
public abstract record UpdateOutcome;

/// <summary>Saved: <see cref="Measure"/> is the new version, <see cref="Change"/> its history row.</summary>
public sealed record UpdateSaved(Measure Measure, Plan Plan, HistoryEntry Change) : UpdateOutcome;

/// <summary>The same form was already applied: nothing written, show the measure as it is.</summary>
public sealed record UpdateDuplicate(Measure Measure, Plan Plan) : UpdateOutcome;

/// <summary>Show the form again: with errors (nothing written), a notice (nothing to change), or a conflict banner.</summary>
public sealed record UpdateFormAgain(FormView Form, UpdateFormReason Reason) : UpdateOutcome;

public enum UpdateFormReason { Invalid, Unchanged, Conflict }

/// <summary>Not done, and why in words (not allowed, measure gone, a card we did not build, a storage failure).</summary>
public sealed record UpdateRefused(string Message, UpdateRefusal Kind) : UpdateOutcome;

public enum UpdateRefusal { NotAllowed, NotFound, BadForm, Failed }
