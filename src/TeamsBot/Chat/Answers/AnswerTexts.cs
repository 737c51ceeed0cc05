using TeamsBot.Localization;

namespace TeamsBot.Chat.Answers;

/// <summary>The words on the chat's answer cards, per language, kept side by side so the two stay in step.</summary>
public sealed record AnswerTexts
{
    public required UserLanguage Language { get; init; }

    // Measure card
    public required string Plan { get; init; }
    public required string Area { get; init; }
    public required string Owners { get; init; }
    public required string Deadline { get; init; }
    public required string DeadlineAsWritten { get; init; }
    public required string Remark { get; init; }
    public required string NoRemark { get; init; }
    public required string DeadlinePassed { get; init; }
    public required string PassedShort { get; init; }
    public required string UpdateStatus { get; init; }
    public required string History { get; init; }
    public required Func<string, string, string> LastUpdatedBy { get; init; }
    public required Func<string, string> LastUpdatedByImport { get; init; }
    public required Func<string, string> LastUpdated { get; init; }
    public required string Measure { get; init; }

    // Lists
    public required Func<int, int, int, string> Showing { get; init; }
    public required string ShowMore { get; init; }
    public required string NoDeadline { get; init; }
    public required string NoMeasures { get; init; }
    public required string Open { get; init; }

    // Candidates and not found
    public required string DidYouMean { get; init; }
    public required Func<string, string> YouAsked { get; init; }
    public required Func<string, string> NothingMatched { get; init; }
    public required string NearestHeading { get; init; }
    public required string ExamplesHeading { get; init; }
    public required IReadOnlyList<string> ExampleQuestions { get; init; }

    // Summary
    public required Func<string, string> SummaryHeading { get; init; }
    public required Func<int, string> MeasureCount { get; init; }
    public required string PerStatus { get; init; }
    public required string PerArea { get; init; }
    public required Func<int, string> OverdueCount { get; init; }
    public required string NoneOverdue { get; init; }
    public required string ShowOverdue { get; init; }
    public required string AllPlansHeading { get; init; }
    public required string OverdueShort { get; init; }
    public required string OtherArea { get; init; }
    public required Func<string, string> OverdueQuestion { get; init; }
    public required Func<string, string> SummaryQuestion { get; init; }

    // History
    public required Func<string, string> HistoryHeading { get; init; }
    public required string NoHistory { get; init; }
    public required Func<int, string> OlderChanges { get; init; }
    public required Func<string, string> SourceLabel { get; init; }
    public required Func<string, string> FieldLabel { get; init; }
    public required string Empty { get; init; }
    public required string CommentLabel { get; init; }
    public required Func<string, string> Via { get; init; }
    public required string ShowMeasure { get; init; }

    // Handler
    public required string MeasureNotFound { get; init; }
    public required string CardSent { get; init; }

    public static AnswerTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly AnswerTexts Bokmal = new()
    {
        Language = UserLanguage.Bokmal,
        Plan = "Plan",
        Area = "Område",
        Owners = "Ansvarlig",
        Deadline = "Frist",
        DeadlineAsWritten = "i planen",
        Remark = "Merknad",
        NoRemark = "Ingen merknad er skrevet ennå.",
        DeadlinePassed = "Fristen er passert",
        PassedShort = "passert",
        UpdateStatus = "Oppdater status",
        History = "Historikk",
        LastUpdatedBy = (when, who) => $"Sist oppdatert {when} av {who}",
        LastUpdatedByImport = when => $"Sist oppdatert {when} fra planfilen",
        LastUpdated = when => $"Sist oppdatert {when}",
        Measure = "Tiltak",
        Showing = (from, to, total) => $"Viser {from}–{to} av {total}",
        ShowMore = "Vis flere",
        NoDeadline = "ingen frist",
        NoMeasures = "Ingen tiltak å vise.",
        Open = "Åpne",
        DidYouMean = "Mente du et av disse?",
        YouAsked = q => $"Du spurte: «{q}»",
        NothingMatched = q => $"Jeg fant ingen tiltak som passer til «{q}».",
        NearestHeading = "Kanskje du mente et av disse:",
        ExamplesHeading = "Du kan for eksempel spørre:",
        ExampleQuestions = ["status for PLIVO", "hva er forsinket?", "tiltak PST eier", "frister neste 30 dager", "oppsummering 25. juni"],
        SummaryHeading = plan => $"Oppsummering: {plan}",
        MeasureCount = n => n == 1 ? "1 tiltak" : $"{n} tiltak",
        PerStatus = "Status",
        PerArea = "Per område",
        OverdueCount = n => n == 1 ? "1 tiltak har passert fristen" : $"{n} tiltak har passert fristen",
        NoneOverdue = "Ingen tiltak har passert fristen.",
        ShowOverdue = "Vis forsinkede",
        AllPlansHeading = "Oppsummering av alle planene",
        OverdueShort = "over fristen",
        OtherArea = "Uten område",
        OverdueQuestion = planId => $"forsinkede {planId}",
        SummaryQuestion = planId => $"oppsummering {planId}",
        HistoryHeading = title => $"Historikk: {title}",
        NoHistory = "Ingen endringer er registrert for dette tiltaket.",
        OlderChanges = n => n == 1 ? "… og 1 eldre endring" : $"… og {n} eldre endringer",
        SourceLabel = source => source switch
        {
            "import" => "import av planfil",
            "card" => "skjema i Teams",
            "chat" => "chat",
            "digest" => "ukebrev",
            _ => source,
        },
        FieldLabel = field => field switch
        {
            "status" => "Status",
            "title" => "Tittel",
            "remark" => "Merknad",
            "owners" => "Ansvarlig",
            "deadline" => "Frist",
            "deadlineText" => "Frist (tekst)",
            "area" => "Område",
            "aliases" => "Kallenavn",
            "order" => "Rekkefølge",
            _ => field,
        },
        Empty = "(tom)",
        CommentLabel = "Kommentar",
        Via = source => $"via {source}",
        ShowMeasure = "Vis tiltaket",
        MeasureNotFound = "Fant ikke tiltaket – det kan være fjernet.",
        CardSent = "Tiltaket er vist i chatten.",
    };

    public static readonly AnswerTexts English = new()
    {
        Language = UserLanguage.English,
        Plan = "Plan",
        Area = "Area",
        Owners = "Owners",
        Deadline = "Deadline",
        DeadlineAsWritten = "in the plan",
        Remark = "Remark",
        NoRemark = "No remark has been written yet.",
        DeadlinePassed = "Deadline passed",
        PassedShort = "passed",
        UpdateStatus = "Update status",
        History = "History",
        LastUpdatedBy = (when, who) => $"Last updated {when} by {who}",
        LastUpdatedByImport = when => $"Last updated {when} from the plan file",
        LastUpdated = when => $"Last updated {when}",
        Measure = "Measure",
        Showing = (from, to, total) => $"Showing {from}–{to} of {total}",
        ShowMore = "Show more",
        NoDeadline = "no deadline",
        NoMeasures = "No measures to show.",
        Open = "Open",
        DidYouMean = "Did you mean one of these?",
        YouAsked = q => $"You asked: \"{q}\"",
        NothingMatched = q => $"I found no measures matching \"{q}\".",
        NearestHeading = "Perhaps you meant one of these:",
        ExamplesHeading = "You could ask, for example:",
        ExampleQuestions = ["status of PLIVO", "what is overdue?", "measures owned by PST", "deadlines next 30 days", "summary 25 June"],
        SummaryHeading = plan => $"Summary: {plan}",
        MeasureCount = n => n == 1 ? "1 measure" : $"{n} measures",
        PerStatus = "Status",
        PerArea = "By area",
        OverdueCount = n => n == 1 ? "1 measure is past its deadline" : $"{n} measures are past their deadline",
        NoneOverdue = "No measures are past their deadline.",
        ShowOverdue = "Show overdue",
        AllPlansHeading = "Summary of all plans",
        OverdueShort = "overdue",
        OtherArea = "No area",
        OverdueQuestion = planId => $"overdue {planId}",
        SummaryQuestion = planId => $"summary {planId}",
        HistoryHeading = title => $"History: {title}",
        NoHistory = "No changes have been recorded for this measure.",
        OlderChanges = n => n == 1 ? "… and 1 older change" : $"… and {n} older changes",
        SourceLabel = source => source switch
        {
            "import" => "plan file import",
            "card" => "form in Teams",
            "chat" => "chat",
            "digest" => "weekly brief",
            _ => source,
        },
        FieldLabel = field => field switch
        {
            "status" => "Status",
            "title" => "Title",
            "remark" => "Remark",
            "owners" => "Owners",
            "deadline" => "Deadline",
            "deadlineText" => "Deadline (text)",
            "area" => "Area",
            "aliases" => "Aliases",
            "order" => "Order",
            _ => field,
        },
        Empty = "(empty)",
        CommentLabel = "Comment",
        Via = source => $"via {source}",
        ShowMeasure = "Show measure",
        MeasureNotFound = "I couldn't find that measure – it may have been removed.",
        CardSent = "The measure is shown in the chat.",
    };
}
