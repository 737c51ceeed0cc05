namespace TeamsBot.Chat.Search;

/// <summary>
/// What a query asks for: one group per thing the user typed (a word, or a phrase the lexicon knows). A measure scores
/// for a group by its best alternative; the score of an alternative is its weight times the mean score of its slots;
/// a slot is one word, any of whose terms may match.
/// </summary>
internal sealed record QueryPlan(IReadOnlyList<QueryGroup> Groups)
{
    public int HardGroups => Groups.Count(g => !g.Soft);
}

/// <param name="Text">What the user wrote, for explanations.</param>
/// <param name="Soft">
/// A follow-up word ("status", "frist", "tiltak") that helps ranking when a measure has it, but whose absence does not
/// lower a measure's coverage: questions carry such words around their topic.
/// </param>
internal sealed record QueryGroup(string Text, IReadOnlyList<QueryAlternative> Alternatives, bool Soft);

/// <summary>One way to match a group: its slots of term ids, and how much a match this way counts (1 = as written).</summary>
internal sealed record QueryAlternative(IReadOnlyList<int[]> Slots, double Weight);
