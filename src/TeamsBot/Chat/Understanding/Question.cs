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
}

/// <summary>What a chat question asks, as understood: the kind, the filters, and the words left to search for.</summary>
public sealed record Question(QuestionKind Kind, QuestionFilters Filters, string SearchText)
{
    public bool HasSearchText => SearchText.Length > 0;
}

public sealed record QuestionFilters
{
    public MeasureStatus? Status { get; init; }
    public string? OwnerUnit { get; init; }
    public string? PlanId { get; init; }
    public DateRange? Range { get; init; }

    public bool IsEmpty => Status is null && OwnerUnit is null && PlanId is null && Range is null;
}

/// <summary>Inclusive calendar-day range; either end may be open.</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public bool Contains(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}
