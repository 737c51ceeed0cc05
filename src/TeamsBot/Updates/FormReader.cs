using System.Globalization;
using System.Text.Json;
using TeamsBot.Storage;

namespace TeamsBot.Updates;

/// <summary>Reads the form's hidden data and inputs from a card action's data (Action.Execute and Action.Submit alike).</summary>
public static class FormReader
{
    /// <summary>The measure an action names ({planId, measureId}), or null when the data lacks either or they cannot be ids.</summary>
    public static (string PlanId, string MeasureId)? MeasureOf(JsonElement data) =>
        String(data, "planId") is { Length: > 0 } planId && String(data, "measureId") is { Length: > 0 } measureId
        && TableKeys.IsValid(planId) && TableKeys.IsValid(measureId)
            ? (planId, measureId)
            : null;

    /// <summary>The submission, or null when the hidden data is missing or malformed (a card we did not build).</summary>
    public static FormSubmission? Read(JsonElement data)
    {
        if (MeasureOf(data) is not { } measure) return null;
        var (planId, measureId) = measure;
        if (String(data, "version") is not { Length: > 0 } version) return null;
        if (String(data, "formId") is not { Length: > 0 } formId || !Guid.TryParse(formId, out var formGuid)) return null;
        if (!DateTimeOffset.TryParse(String(data, "seenAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var seenAt))
            return null;

        var origin = new FormOrigin(planId, measureId, version, seenAt, formGuid.ToString("D"));
        var input = new FormInput(
            String(data, UpdateActions.StatusInput),
            String(data, UpdateActions.RemarkInput),
            String(data, UpdateActions.DeadlineInput),
            String(data, UpdateActions.CommentInput));
        return new FormSubmission(origin, input);
    }

    private static string? String(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
