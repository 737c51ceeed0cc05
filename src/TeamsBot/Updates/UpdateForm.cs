namespace TeamsBot.Updates;

/// <summary>
/// What a form was drawn from, carried in its hidden data: the measure, the version (ETag) and its UpdatedAt the user
/// saw, and a form id (GUID) that makes a repeated submit of the same form a no-op.
/// </summary>
public sealed record FormOrigin(string PlanId, string MeasureId, string Version, DateTimeOffset SeenAt, string FormId);

/// <summary>
/// The form's inputs exactly as the user left them (strings, unparsed), so a re-rendered form keeps them. Null is a
/// field the submit did not carry at all, which leaves the stored value as it is; "" is an input the user emptied.
/// </summary>
public sealed record FormInput(string? Status, string? Remark, string? Deadline, string? Comment)
{
    /// <summary>Input ids whose value was not a JSON string (a number, object, array or bool): refused, never stored.</summary>
    public IReadOnlyList<string> WrongType { get; init; } = [];
}

/// <summary>A submitted form: where it came from and what was typed.</summary>
public sealed record FormSubmission(FormOrigin Origin, FormInput Input);

/// <summary>Why a submit's hidden data could not be read.</summary>
public enum FormDefect
{
    /// <summary>The data does not say which measure (planId/measureId missing, not strings, or absurdly long).</summary>
    NoMeasure,

    /// <summary>The measure is named, but the version, form id or time it was drawn from is missing or malformed.</summary>
    BadOrigin,
}
