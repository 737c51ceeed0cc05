using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Storage;

namespace TeamsBot.Measures.Cards;

/// <summary>The data a measure's buttons carry ({planId, measureId}), written and read here, and the buttons themselves.</summary>
public static class MeasureActions
{
    public const string PlanIdKey = "planId";
    public const string MeasureIdKey = "measureId";

    // Our ids are tens of characters; anything far longer is not from a card we drew, and must not reach a table key.
    private const int MaxIdLength = 256;

    public static JsonObject Data(Measure measure) => Data(measure.PlanId, measure.Id);

    public static JsonObject Data(string planId, string measureId) =>
        new() { [PlanIdKey] = planId, [MeasureIdKey] = measureId };

    /// <summary>The measure an action's data names, or null when either id is missing, not a string, too long to be ours, or no table key.</summary>
    public static (string PlanId, string MeasureId)? MeasureOf(JsonElement data) =>
        Id(data, PlanIdKey) is { } planId && Id(data, MeasureIdKey) is { } measureId ? (planId, measureId) : null;

    public static AdaptiveExecuteAction Execute(string title, string verb, JsonObject data) =>
        new() { Title = title, Verb = verb, Data = data };

    /// <summary>A button that sends <paramref name="verb"/> for <paramref name="measure"/>.</summary>
    public static AdaptiveExecuteAction On(Measure measure, string title, string verb) => Execute(title, verb, Data(measure));

    /// <summary>The refresh clause of a measure card: Teams invokes "measure.refresh" when one of <paramref name="userIds"/> views it.</summary>
    public static AdaptiveRefresh RefreshFor(Measure measure, IReadOnlyList<string>? userIds) =>
        new(new AdaptiveExecuteAction { Title = "Refresh", Verb = CardVerbs.RefreshMeasure, Data = Data(measure) }, userIds);

    private static string? Id(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 and <= MaxIdLength } id && TableKeys.IsValid(id)
            ? id
            : null;
}
