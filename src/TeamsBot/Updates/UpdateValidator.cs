using System.Globalization;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Updates;

/// <summary>The values a valid form asks for; <see cref="Comment"/> is null when none was written.</summary>
public sealed record RequestedChange(MeasureStatus Status, string Remark, DateOnly? Deadline, string? Comment);

/// <summary>The outcome of checking a form: the change, or the messages to show on the form (never both).</summary>
public sealed record ValidationResult(RequestedChange? Change, IReadOnlyList<string> Errors)
{
    public bool IsValid => Change is not null;
}

/// <summary>
/// Checks a form against the plan: a known status, a remark and comment within their limits, a readable, plausible
/// deadline no earlier than the plan's start, every input a string. A field the submit did not carry keeps its stored
/// value; values the user left as they were are not judged (an imported remark may be longer than the form allows).
/// </summary>
public static class UpdateValidator
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"];

    public static ValidationResult Validate(FormInput input, Measure current, Plan plan, IReadOnlyList<MeasureStatus> statuses, UserLanguage language)
    {
        var texts = UpdateTexts.For(language);
        var errors = input.WrongType.Select(id => texts.WrongType(FieldName(id, texts))).ToList();

        var status = current.Status;
        if (input.Status is { } typedStatus)
        {
            if (string.IsNullOrWhiteSpace(typedStatus)) errors.Add(texts.MissingStatus);
            else if (!PlanStatuses.TryParse(typedStatus, statuses, out status)) errors.Add(texts.UnknownStatus(Shorten(typedStatus)));
        }

        var remark = current.Remark;
        if (input.Remark is { } typedRemark && NormalizeText(typedRemark) != NormalizeText(current.Remark))
        {
            remark = NormalizeText(typedRemark);
            if (remark.Length > UpdateLimits.RemarkMaxLength)
            {
                errors.Add(texts.RemarkTooLong(remark.Length, UpdateLimits.RemarkMaxLength));
                errors.Add(texts.ShownCut(texts.RemarkLabel, UpdateLimits.RemarkMaxLength));
            }
        }

        var deadline = current.Deadline;
        if (input.Deadline is { } typedDeadline)
        {
            var text = typedDeadline.Trim();
            if (text.Length == 0) deadline = null;
            else if (!TryReadDeadline(text, out var parsed)) errors.Add(texts.UnparsableDate(Shorten(text)));
            else if (parsed != current.Deadline)
            {
                if (!IsSaneDeadline(parsed))
                    errors.Add(texts.DeadlineOutOfRange(
                        DateTexts.Date(UpdateLimits.EarliestDeadline, language), DateTexts.Date(UpdateLimits.LatestDeadline, language)));
                else if (parsed < plan.StartDate) errors.Add(texts.DateBeforePlanStart(DateTexts.Date(plan.StartDate, language)));
                else deadline = parsed;
            }
        }

        var comment = NormalizeText(input.Comment);
        if (comment.Length > UpdateLimits.CommentMaxLength)
        {
            errors.Add(texts.CommentTooLong(comment.Length, UpdateLimits.CommentMaxLength));
            errors.Add(texts.ShownCut(texts.CommentName, UpdateLimits.CommentMaxLength));
        }

        return errors.Count > 0
            ? new ValidationResult(null, errors)
            : new ValidationResult(new RequestedChange(status, remark, deadline, comment.Length == 0 ? null : comment), []);
    }

    public static bool TryReadDeadline(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool IsSaneDeadline(DateOnly date) => date >= UpdateLimits.EarliestDeadline && date <= UpdateLimits.LatestDeadline;

    /// <summary>Line endings as \n (clients differ), no trailing blanks: so an untouched remark compares equal.</summary>
    public static string NormalizeText(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private static string FieldName(string inputId, UpdateTexts texts) => inputId switch
    {
        FormInputs.Status => texts.StatusLabel,
        FormInputs.Remark => texts.RemarkLabel,
        FormInputs.Deadline => texts.DeadlineLabel,
        _ => texts.CommentName,
    };

    // An echoed value in a message is cut short so a hostile 100 KB "status" cannot blow up the card.
    private static string Shorten(string value) => value.Length <= 60 ? value : FormEcho.Prefix(value, 60) + "…";
}
