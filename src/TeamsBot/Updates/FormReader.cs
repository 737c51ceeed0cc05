using System.Globalization;
using System.Text.Json;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Updates;

/// <summary>Reads the form's hidden data and inputs from a card action's data (Action.Execute and Action.Submit alike).</summary>
public static class FormReader
{
    // Our ids and ETags are tens of characters; anything far longer is not from a card we drew, and must not reach a
    // table key (1 KiB at most) or be echoed back in a re-rendered form.
    private const int MaxHiddenLength = 256;

    private static readonly string[] InputIds =
        [FormInputs.Status, FormInputs.Remark, FormInputs.Deadline, FormInputs.Comment];

    /// <summary>The submission, or null with the reason when the hidden data is missing or malformed (a card we did not build).</summary>
    public static FormSubmission? Read(JsonElement data, out FormDefect defect)
    {
        defect = FormDefect.NoMeasure;
        if (MeasureActions.MeasureOf(data) is not ({ } planId, { } measureId)) return null;

        defect = FormDefect.BadOrigin;
        if (Hidden(data, "version") is not { } version) return null;
        if (Hidden(data, "formId") is not { } formId || !Guid.TryParse(formId, out var formGuid)) return null;
        if (!DateTimeOffset.TryParse(Hidden(data, "seenAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var seenAt))
            return null;

        var origin = new FormOrigin(planId, measureId, version, seenAt, formGuid.ToString("D"));
        var input = new FormInput(
            Input(data, FormInputs.Status),
            Input(data, FormInputs.Remark),
            Input(data, FormInputs.Deadline),
            Input(data, FormInputs.Comment))
        {
            WrongType = [.. InputIds.Where(id => IsWrongType(data, id))],
        };
        return new FormSubmission(origin, input);
    }

    private static string? Hidden(JsonElement data, string name) =>
        Input(data, name) is { Length: > 0 and <= MaxHiddenLength } value ? value : null;

    /// <summary>The string value; null when the property is absent, JSON null, or not a string.</summary>
    private static string? Input(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool IsWrongType(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value)
        && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);
}
