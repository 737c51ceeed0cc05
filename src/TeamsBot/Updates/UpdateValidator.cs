using System.Globalization;
using TeamsBot.Chat.Answers;
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
/// Checks a form against the plan: a known status, a remark and comment within their limits, a readable deadline no
/// earlier than the plan's start. Values the user left as they were are not judged (an imported remark may be longer).
/// </summary>
public static class UpdateValidator
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"];

    public static ValidationResult Validate(FormInput input, Measure current, Plan plan, IReadOnlyList<MeasureStatus> statuses, UserLanguage language)
    {
        var texts = UpdateTexts.For(language);
        var errors = new List<string>();

        MeasureStatus status = default;
        if (string.IsNullOrWhiteSpace(input.Status)) errors.Add(texts.MissingStatus);
        else if (!PlanStatuses.TryParse(input.Status, statuses, out status)) errors.Add(texts.UnknownStatus(Shorten(input.Status)));

        var remark = NormalizeText(input.Remark);
        if (remark == NormalizeText(current.Remark)) remark = current.Remark;
        else if (remark.Length > UpdateLimits.RemarkMaxLength) errors.Add(texts.RemarkTooLong(remark.Length, UpdateLimits.RemarkMaxLength));

        DateOnly? deadline = null;
        var deadlineText = (input.Deadline ?? "").Trim();
        if (deadlineText.Length > 0)
        {
            if (!DateOnly.TryParseExact(deadlineText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                errors.Add(texts.UnparsableDate(Shorten(deadlineText)));
            else if (parsed != current.Deadline && parsed < plan.StartDate)
                errors.Add(texts.DateBeforePlanStart(AnswerFormat.Date(plan.StartDate, AnswerTexts.For(language))));
            else
                deadline = parsed;
        }

        var comment = NormalizeText(input.Comment);
        if (comment.Length > UpdateLimits.CommentMaxLength) errors.Add(texts.CommentTooLong(comment.Length, UpdateLimits.CommentMaxLength));

        return errors.Count > 0
            ? new ValidationResult(null, errors)
            : new ValidationResult(new RequestedChange(status, remark, deadline, comment.Length == 0 ? null : comment), []);
    }

    /// <summary>Line endings as \n (clients differ), no trailing blanks: so an untouched remark compares equal.</summary>
    public static string NormalizeText(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    // An echoed value in a message is cut short so a hostile 100 KB "status" cannot blow up the card.
    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
