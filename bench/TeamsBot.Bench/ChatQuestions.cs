namespace TeamsBot.Bench;

/// <summary>
/// The question mix of the chat benchmark: lookups of seed-plan measures (bokmål, English, with typos), lookups in the
/// generated text, lists by status and owner, overdue, deadlines, changes and summaries, roughly as people would ask.
/// Each virtual user walks the list from its own offset, so concurrent users ask different questions.
/// </summary>
internal static class ChatQuestions
{
    public static readonly IReadOnlyList<(string Text, string Locale)> All =
    [
        ("status for PLIVO", "nb-NO"),
        ("risikovurderingsverktøy", "nb-NO"),
        ("risk assessment tool", "en-US"),
        ("pågående tiltak", "nb-NO"),
        ("hva er forsinket?", "nb-NO"),
        ("frister neste 30 dager", "nb-NO"),
        ("oppsummering 25. juni", "nb-NO"),
        ("hva er status på plivo-øvelser", "nb-NO"),
        ("what is delayed?", "en-US"),
        ("tiltak Kripos eier", "nb-NO"),
        ("hvem eier risikovurderingsverktøyet?", "nb-NO"),
        ("vold i nære relasjoner", "nb-NO"),
        ("frister i august", "nb-NO"),
        ("oppsummering 22. juli", "nb-NO"),
        ("status risikovurderingsverktoy", "nb-NO"),
        ("deadlines next 30 days", "en-US"),
        ("ikke påbegynte tiltak", "nb-NO"),
        ("samhandling med kommunene om forebygging", "nb-NO"),
        ("hva er endret siste uke?", "nb-NO"),
        ("status på beredskap og opplæring", "nb-NO"),
    ];

    public static (string Text, string Locale) For(string user, int seq) => Pick(All, user, seq);

    /// <summary>The mix without one question (--skip TEXT): what that question costs the others.</summary>
    public static Func<string, int, (string Text, string Locale)> Without(string? skip)
    {
        if (skip is null) return For;
        IReadOnlyList<(string Text, string Locale)> rest = [.. All.Where(q => q.Text != skip)];
        if (rest.Count == All.Count) throw new ArgumentException($"«{skip}» is not a question of the mix.");
        return (user, seq) => Pick(rest, user, seq);
    }

    private static (string Text, string Locale) Pick(IReadOnlyList<(string Text, string Locale)> questions, string user, int seq)
    {
        var offset = 0;
        foreach (var c in user) offset = unchecked(offset * 31 + c); // deterministic, unlike string.GetHashCode
        return questions[(int)((uint)(offset + seq) % (uint)questions.Count)];
    }
}
