using TeamsBot.Cards;
using TeamsBot.Chat.Understanding;
using TeamsBot.Measures;

namespace TeamsBot.Chat;

/// <summary>What the bot replies to a question: a card, or a sentence when a card would add nothing.</summary>
public sealed record ChatAnswer(AdaptiveCard? Card, string Text, AnswerKind Kind)
{
    /// <summary>The query a list answered (what «bare de pågående» narrows and «vis flere» pages), if it was a list.</summary>
    public Question? Query { get; init; }

    /// <summary>The measures the answer showed (what «den» and «og merknaden?» refer to).</summary>
    public IReadOnlyList<MeasureKey> Shown { get; init; } = [];

    public int Page { get; init; }

    /// <summary>Small talk, help and refusals leave the conversation's context as it was.</summary>
    public bool IsRemembered => Kind is not (AnswerKind.SmallTalk or AnswerKind.Help or AnswerKind.Refused);
}

/// <summary>Which answer a question got: what the metrics count (a small fixed set, never the question's words).</summary>
public enum AnswerKind
{
    /// <summary>One measure's card: named by its id, or found with confidence.</summary>
    Measure,
    /// <summary>Several measures could be meant: the user picks.</summary>
    Candidates,
    /// <summary>Nothing matched what was asked (the card suggests the nearest measures).</summary>
    NotUnderstood,
    WhoOwns,
    Overdue,
    DueSoon,
    Changed,
    /// <summary>Counts per status, for one plan or all.</summary>
    Summary,
    /// <summary>Measures by status, owner or plan.</summary>
    List,
    /// <summary>An empty message (just the mention) gets the help text.</summary>
    Help,
    /// <summary>«hvor mange …»: a number of measures, with the list behind it.</summary>
    Count,
    /// <summary>A greeting, thanks, «ok» or emoji: a short friendly reply.</summary>
    SmallTalk,
    /// <summary>A question the bot declines with its reason (a year outside the calendar it answers for).</summary>
    Refused,
}
