using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>The words on cards that show measures (the measure card, its rows in lists, its history, status counts), per language, side by side so the two stay in step.</summary>
public sealed record MeasureTexts
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

    // A measure as a row of a list
    public required string Open { get; init; }

    // Status counts
    public required Func<int, string> OverdueCount { get; init; }
    public required string NoneOverdue { get; init; }
    public required string OverdueShort { get; init; }

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

    public static MeasureTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly MeasureTexts Bokmal = new()
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
        Open = "Åpne",
        OverdueCount = n => n == 1 ? "1 tiltak har passert fristen" : $"{n} tiltak har passert fristen",
        NoneOverdue = "Ingen tiltak har passert fristen.",
        OverdueShort = "over fristen",
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
    };

    public static readonly MeasureTexts English = new()
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
        Open = "Open",
        OverdueCount = n => n == 1 ? "1 measure is past its deadline" : $"{n} measures are past their deadline",
        NoneOverdue = "No measures are past their deadline.",
        OverdueShort = "overdue",
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
    };
}
