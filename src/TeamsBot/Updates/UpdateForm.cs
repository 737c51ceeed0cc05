namespace TeamsBot.Updates;

/// <summary>
/// What a form was drawn from, carried in its hidden data: the measure, the version (ETag) and its UpdatedAt the user
/// saw, and a form id (GUID) that makes a repeated submit of the same form a no-op.
/// </summary>
public sealed record FormOrigin(string PlanId, string MeasureId, string Version, DateTimeOffset SeenAt, string FormId);

/// <summary>The form's inputs exactly as the user left them (strings, unparsed), so a re-rendered form keeps them.</summary>
public sealed record FormInput(string? Status, string? Remark, string? Deadline, string? Comment);

/// <summary>A submitted form: where it came from and what was typed.</summary>
public sealed record FormSubmission(FormOrigin Origin, FormInput Input);
