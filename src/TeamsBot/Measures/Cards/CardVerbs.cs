namespace TeamsBot.Measures.Cards;

/// <summary>
/// Every verb our cards send, in one place. Each is claimed by exactly one card-action handler (the bot refuses to
/// start with two). Measure verbs carry {planId, measureId} (<see cref="MeasureActions"/>).
/// </summary>
public static class CardVerbs
{
    /// <summary>A measure's card, posted as a new message (list rows, candidates, the brief).</summary>
    public const string ShowMeasure = "measure.show";

    /// <summary>The status-update form of a measure.</summary>
    public const string EditMeasure = "measure.edit";

    /// <summary>The form submitted: its hidden origin plus the inputs.</summary>
    public const string UpdateMeasure = "measure.update";

    /// <summary>The current measure card: Teams' card refresh, and the form's Cancel.</summary>
    public const string RefreshMeasure = "measure.refresh";

    /// <summary>A measure's change log.</summary>
    public const string MeasureHistory = "measure.history";

    /// <summary>A status round's «Uendret – bekreft»: carries {planId, measureId}, the round ("roundId") and the version seen ("version").</summary>
    public const string ConfirmInRound = "round.confirm";

    /// <summary>The coordinator's start form submitted: the plan, deadline and message inputs (see RoundStartCard).</summary>
    public const string StartRound = "round.start";

    /// <summary>The next page of a chat answer's list: carries the question ("q") and "page".</summary>
    public const string MoreAnswers = "chat.more";
}
