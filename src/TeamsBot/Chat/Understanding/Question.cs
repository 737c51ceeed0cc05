using TeamsBot.Measures;

namespace TeamsBot.Chat.Understanding;

public enum QuestionKind
{
    /// <summary>One measure: «status for PLIVO».</summary>
    Lookup,
    /// <summary>Measures matching filters: «pågående tiltak PST eier».</summary>
    List,
    /// <summary>Deadline passed, not implemented: «hva er forsinket?».</summary>
    Overdue,
    /// <summary>Deadlines within a range: «frister neste 30 dager».</summary>
    DueSoon,
    /// <summary>Changed within a range: «hva er endret siste uke?».</summary>
    ChangedSince,
    /// <summary>Who owns one measure: «hvem eier risikoverktøyet?».</summary>
    WhoOwns,
    /// <summary>Counts per status: «oppsummering 25. juni».</summary>
    Summary,
    /// <summary>How many measures match: «hvor mange er iverksatt i 22. juli-planen?».</summary>
    Count,
}

/// <summary>
/// What a chat question asks, as understood: the kind, every filter the question named, and the words left over
/// (<see cref="SearchText"/>: the measure looked up, or the topic a list is narrowed to).
/// </summary>
public sealed record Question(QuestionKind Kind, QuestionFilters Filters, string SearchText)
{
    public bool HasSearchText => SearchText.Length > 0;

    /// <summary>A year the question named outside <see cref="DatePhrases.FirstYear"/>–<see cref="DatePhrases.LastYear"/>: refused, not guessed.</summary>
    public int? RefusedYear { get; init; }

    /// <summary>«hvor mange …» / "how many …": the number is the answer, whatever the intent (the list behind it follows).</summary>
    public bool Counted { get; init; }
}

public sealed record QuestionFilters
{
    public MeasureStatus? Status { get; init; }
    public string? OwnerUnit { get; init; }
    public string? PlanId { get; init; }
    public AreaReference? Area { get; init; }
    public DateRange? Range { get; init; }

    public bool IsEmpty => Status is null && OwnerUnit is null && PlanId is null && Area is null && Range is null;
}

/// <summary>One area of one plan (area ids are unique only within their plan).</summary>
public sealed record AreaReference(string PlanId, string AreaId);

/// <summary>Inclusive calendar-day range; either end may be open.</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public bool Contains(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}
