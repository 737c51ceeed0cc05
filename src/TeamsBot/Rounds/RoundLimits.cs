namespace TeamsBot.Rounds;

/// <summary>The bounds of a round's start (the start card says them too, and the starter checks again) and its default deadline.</summary>
public static class RoundLimits
{
    public const int NoteMaxLength = 500;

    /// <summary>A deadline further ahead than this is a typo (2062 for 2026), not a status round.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>
    /// The deadline the start card offers when none was typed: two weeks ahead, moved on to a working day. Two weeks
    /// is the time owners are usually given, both default reminders (3 and 1 days before) fall inside it, and a
    /// deadline on a weekend or holiday would close the round before anyone is back at work.
    /// </summary>
    public static DateOnly DefaultDeadline(DateOnly today, WorkingCalendar calendar)
    {
        var deadline = today.AddDays(14);
        while (!calendar.IsWorkingDay(deadline)) deadline = deadline.AddDays(1);
        return deadline;
    }
}
