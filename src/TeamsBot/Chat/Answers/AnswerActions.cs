using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Answers;

/// <summary>
/// The verbs our answer cards send and the data they carry. Every measure action carries {planId, measureId};
/// "chat.more" carries the caller's MoreData plus "page".
/// </summary>
public static class AnswerActions
{
    public const string ShowMeasure = "measure.show";
    public const string EditMeasure = "measure.edit";
    public const string MeasureHistory = "measure.history";
    public const string More = "chat.more";

    public static JsonObject MeasureData(Measure measure) => MeasureData(measure.PlanId, measure.Id);

    public static JsonObject MeasureData(string planId, string measureId) =>
        new() { ["planId"] = planId, ["measureId"] = measureId };

    public static AdaptiveExecuteAction Execute(string title, string verb, JsonObject data) =>
        new() { Title = title, Verb = verb, Data = data };

    public static AdaptiveExecuteAction Show(Measure measure, string title) => Execute(title, ShowMeasure, MeasureData(measure));
}
