namespace TeamsBot.Telemetry;

/// <summary>
/// The attributes the service records on its spans and metric points. Every value is one of a small fixed set
/// (a kind, a verb our cards carry, an outcome): never what a user typed, a name, an id, a token or a URL's query.
/// </summary>
public static class TelemetryTags
{
    public const string AnswerKind = "teamsbot.answer.kind";
    public const string CardVerb = "teamsbot.card.verb";
    public const string CardActionType = "teamsbot.card.action_type";
    public const string CardOutcome = "teamsbot.card.outcome";
    public const string UpdateOutcome = "teamsbot.update.outcome";
    public const string DigestOutcome = "teamsbot.digest.outcome";
    public const string Outcome = "teamsbot.outcome";

    /// <summary>The outcome recorded when an operation ends without saying how (an exception went through).</summary>
    public const string Error = "error";
}
