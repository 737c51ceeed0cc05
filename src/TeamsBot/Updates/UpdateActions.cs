using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Chat.Answers;

namespace TeamsBot.Updates;

/// <summary>
/// The verbs of the status-update feature and the names of the form's inputs. "measure.edit" and "measure.history"
/// are the measure card's buttons (<see cref="AnswerActions"/>); the form submits "measure.update"; measure cards
/// refresh themselves with "measure.refresh".
/// </summary>
public static class UpdateActions
{
    public const string Edit = AnswerActions.EditMeasure;
    public const string Update = "measure.update";
    public const string Refresh = "measure.refresh";
    public const string History = AnswerActions.MeasureHistory;

    /// <summary>Action.Submit data carries the verb here; the router reads it.</summary>
    public const string VerbKey = "verb";

    public const string StatusInput = "status";
    public const string RemarkInput = "remark";
    public const string DeadlineInput = "deadline";
    public const string CommentInput = "comment";

    public static JsonObject MeasureData(string planId, string measureId) => AnswerActions.MeasureData(planId, measureId);

    /// <summary>The refresh clause of a measure card: Teams invokes "measure.refresh" when one of <paramref name="userIds"/> views it.</summary>
    public static AdaptiveRefresh RefreshFor(string planId, string measureId, IReadOnlyList<string>? userIds) =>
        new(new AdaptiveExecuteAction { Title = "Refresh", Verb = Refresh, Data = MeasureData(planId, measureId) }, userIds);
}

/// <summary>The limits the form enforces (the card says so too, and the server checks again).</summary>
public static class UpdateLimits
{
    public const int RemarkMaxLength = 4000;
    public const int CommentMaxLength = 500;

    /// <summary>A deadline outside these is a typo (9999-12-31), not a plan.</summary>
    public static readonly DateOnly EarliestDeadline = new(2000, 1, 1);
    public static readonly DateOnly LatestDeadline = new(2100, 12, 31);
}
