using TeamsBot.Chat.Understanding;
using TeamsBot.Measures;

namespace TeamsBot.Chat;

/// <summary>
/// A question as the answer applies it: its intent and filters, the topic words that narrowed it (the measures they
/// match), and the words it could not use. Every list, count and overdue/due/changed answer selects with
/// <see cref="Matches"/>, so no answer applies fewer filters than the question gave.
/// </summary>
public sealed record AppliedQuery(Question Question, IReadOnlyList<string> TopicWords, IReadOnlySet<MeasureKey>? Topic, IReadOnlyList<string> UnusedWords)
{
    public QuestionFilters Filters => Question.Filters;

    /// <summary>Plan, area, status, owner and topic; a date range means different things per intent, so each applies its own.</summary>
    public bool Matches(Measure m) =>
        (Filters.Status is null || m.Status == Filters.Status) &&
        (Filters.PlanId is null || m.PlanId == Filters.PlanId) &&
        (Filters.Area is null || (m.PlanId == Filters.Area.PlanId && m.AreaId == Filters.Area.AreaId)) &&
        (Filters.OwnerUnit is null || m.Owners.Contains(Filters.OwnerUnit, StringComparer.OrdinalIgnoreCase)) &&
        (Topic is null || Topic.Contains(new MeasureKey(m.PlanId, m.Id)));

    /// <summary>True when any filter besides the intent's own period narrows the answer.</summary>
    public bool IsFiltered => Filters.Status is not null || Filters.PlanId is not null || Filters.Area is not null ||
        Filters.OwnerUnit is not null || Topic is not null;
}
