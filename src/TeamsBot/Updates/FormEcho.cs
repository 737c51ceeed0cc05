using TeamsBot.Measures;

namespace TeamsBot.Updates;

/// <summary>
/// What a form drawn again (after an error, a no-op or a conflict) puts back in its inputs. A field the submit did not
/// carry, or carried in a form we could not use, shows the stored value, so pressing save again cannot erase it; text
/// longer than its limit is cut to the limit, so a 100 KB paste does not come back as a 100 KB card.
/// </summary>
public static class FormEcho
{
    public static string? Status(FormInput input, Measure measure) => input.Status ?? PlanStatuses.Value(measure.Status);

    public static string Remark(FormInput input, Measure measure) =>
        input.Remark is not { } typed ? measure.Remark
        // An imported remark may be longer than the form allows; unchanged, it goes back whole.
        : UpdateValidator.NormalizeText(typed) == UpdateValidator.NormalizeText(measure.Remark) ? typed
        : WithinLimit(typed, UpdateLimits.RemarkMaxLength);

    public static string? Comment(FormInput input) => input.Comment is { } typed ? WithinLimit(typed, UpdateLimits.CommentMaxLength) : null;

    public static DateOnly? Deadline(FormInput input, Measure measure) => input.Deadline switch
    {
        null => measure.Deadline,
        var typed when typed.Trim().Length == 0 => null,
        var typed => UpdateValidator.TryReadDeadline(typed, out var date) && UpdateValidator.IsSaneDeadline(date) ? date : measure.Deadline,
    };

    /// <summary>The text as typed while it is within the limit the validator applies (to the normalized text), else its first <paramref name="max"/> characters.</summary>
    private static string WithinLimit(string typed, int max)
    {
        var normal = UpdateValidator.NormalizeText(typed);
        return normal.Length <= max ? typed : Prefix(normal, max);
    }

    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>.</summary>
    public static string Prefix(string text, int max)
    {
        if (text.Length <= max) return text;
        // Never split a surrogate pair: half an emoji is not valid text.
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }
}
