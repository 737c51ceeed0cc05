using TeamsBot.Localization;

namespace TeamsBot.Chat.Answers;

/// <summary>The words of the chat's own answer cards (lists, candidates, not found, summaries) and its measure.show replies, per language, side by side so the two stay in step.</summary>
public sealed record AnswerTexts
{
    // Lists
    public required Func<int, int, int, string> Showing { get; init; }
    public required string ShowMore { get; init; }
    public required string NoMeasures { get; init; }

    // Candidates and not found
    public required string DidYouMean { get; init; }
    public required Func<string, string> YouAsked { get; init; }
    public required Func<string, string> NothingMatched { get; init; }
    public required string NearestHeading { get; init; }
    public required string ExamplesHeading { get; init; }
    public required IReadOnlyList<string> ExampleQuestions { get; init; }
    public required string SuggestionsHeading { get; init; }

    // Summary
    public required Func<string, string> SummaryHeading { get; init; }
    public required Func<int, string> MeasureCount { get; init; }
    public required string PerArea { get; init; }
    public required string ShowOverdue { get; init; }
    public required string AllPlansHeading { get; init; }
    public required string OtherArea { get; init; }
    public required Func<string, string> OverdueQuestion { get; init; }
    public required Func<string, string> SummaryQuestion { get; init; }

    // Handler
    public required string MeasureNotFound { get; init; }
    public required string CardSent { get; init; }

    public static AnswerTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly AnswerTexts Bokmal = new()
    {
        Showing = (from, to, total) => $"Viser {from}–{to} av {total}",
        ShowMore = "Vis flere",
        NoMeasures = "Ingen tiltak å vise.",
        DidYouMean = "Mente du et av disse?",
        YouAsked = q => $"Du spurte: «{q}»",
        NothingMatched = q => $"Jeg fant ingen tiltak som passer til «{q}».",
        NearestHeading = "Kanskje du mente et av disse:",
        ExamplesHeading = "Du kan for eksempel spørre:",
        SuggestionsHeading = "Eller spør om noe planene inneholder:",
        ExampleQuestions = ["status for PLIVO", "hva er forsinket?", "tiltak PST eier", "frister neste 30 dager", "oppsummering 25. juni"],
        SummaryHeading = plan => $"Oppsummering: {plan}",
        MeasureCount = n => n == 1 ? "1 tiltak" : $"{n} tiltak",
        PerArea = "Per område",
        ShowOverdue = "Vis forsinkede",
        AllPlansHeading = "Oppsummering av alle planene",
        OtherArea = "Uten område",
        OverdueQuestion = planId => $"forsinkede {planId}",
        SummaryQuestion = planId => $"oppsummering {planId}",
        MeasureNotFound = "Fant ikke tiltaket – det kan være fjernet.",
        CardSent = "Tiltaket er vist i chatten.",
    };

    public static readonly AnswerTexts English = new()
    {
        Showing = (from, to, total) => $"Showing {from}–{to} of {total}",
        ShowMore = "Show more",
        NoMeasures = "No measures to show.",
        DidYouMean = "Did you mean one of these?",
        YouAsked = q => $"You asked: \"{q}\"",
        NothingMatched = q => $"I found no measures matching \"{q}\".",
        NearestHeading = "Perhaps you meant one of these:",
        ExamplesHeading = "You could ask, for example:",
        SuggestionsHeading = "Or ask about something in the plans:",
        ExampleQuestions = ["status of PLIVO", "what is overdue?", "measures owned by PST", "deadlines next 30 days", "summary 25 June"],
        SummaryHeading = plan => $"Summary: {plan}",
        MeasureCount = n => n == 1 ? "1 measure" : $"{n} measures",
        PerArea = "By area",
        ShowOverdue = "Show overdue",
        AllPlansHeading = "Summary of all plans",
        OtherArea = "No area",
        OverdueQuestion = planId => $"overdue {planId}",
        SummaryQuestion = planId => $"summary {planId}",
        MeasureNotFound = "I couldn't find that measure – it may have been removed.",
        CardSent = "The measure is shown in the chat.",
    };
}
