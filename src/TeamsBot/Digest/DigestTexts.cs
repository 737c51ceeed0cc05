using TeamsBot.Localization;

namespace TeamsBot.Digest;

/// <summary>What the brief and its commands say, per language (kept together so the two stay in step).</summary>
public sealed record DigestTexts
{
    public required string CardTitle { get; init; }
    public required string StatusHeading { get; init; }
    public required Func<string, string> ChangesHeading { get; init; }
    public required string NoChanges { get; init; }
    public required string OverdueHeading { get; init; }
    public required Func<int, string> DueSoonHeading { get; init; }
    public required Func<int, string> StaleHeading { get; init; }
    public required string NoneInList { get; init; }
    public required Func<int, string> More { get; init; }
    public required string Open { get; init; }
    public required string Update { get; init; }
    public required string DeadlineWord { get; init; }
    public required string LastUpdatedWord { get; init; }
    public required string NewRemark { get; init; }
    public required string Edited { get; init; }
    public required string NoMeasures { get; init; }
    public required string Trimmed { get; init; }
    public required string[] DayNames { get; init; }
    public required Func<string, string, string> Schedule { get; init; }
    public required Func<string, string> Subscribed { get; init; }
    public required Func<string, string> Current { get; init; }
    public required Func<string, string> LastBrief { get; init; }
    public required string Paused { get; init; }
    public required string NotSubscribed { get; init; }
    public required string Stopped { get; init; }
    public required string WasNotSubscribed { get; init; }
    public required string ChannelOnly { get; init; }
    public required string CoordinatorsOnly { get; init; }
    public required string BadSchedule { get; init; }
    public required Func<string, string, string> UnknownFilter { get; init; }
    public required Func<string, string> FilterPlans { get; init; }
    public required Func<string, string> FilterAreas { get; init; }
    public required string BlockedNotice { get; init; }
    public required string RoundsHeading { get; init; }
    public required Func<string, int, int, string, string> RoundRate { get; init; }

    public static DigestTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly DigestTexts Bokmal = new()
    {
        CardTitle = "Ukentlig brief",
        StatusHeading = "Status per plan",
        ChangesHeading = since => $"Endringer siden forrige brief ({since})",
        NoChanges = "Ingen endringer er registrert.",
        OverdueHeading = "Forfalte tiltak",
        DueSoonHeading = days => $"Frister de neste {days} dagene",
        StaleHeading = weeks => $"Ikke oppdatert på over {weeks} uker",
        NoneInList = "Ingen.",
        More = n => $"… og {n} til",
        Open = "Vis tiltak",
        Update = "Oppdater",
        DeadlineWord = "frist",
        LastUpdatedWord = "sist oppdatert",
        NewRemark = "ny merknad",
        Edited = "endret",
        NoMeasures = "Ingen tiltak passer dette abonnementet.",
        Trimmed = "Briefen er forkortet for å passe i Teams. Spør meg i chatten for hele listen.",
        DayNames = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
        Schedule = (day, time) => $"hver {day} kl. {time} (norsk tid)",
        Subscribed = schedule => $"Denne kanalen får nå ukentlig brief {schedule}.",
        Current = schedule => $"Denne kanalen får ukentlig brief {schedule}.",
        LastBrief = date => $"Siste brief ble lagt ut {date}.",
        Paused = "Abonnementet står på pause fordi Teams avviste siste brief (boten er blokkert eller fjernet). Skriv «abonner på ukentlig brief» for å starte igjen.",
        NotSubscribed = "Denne kanalen abonnerer ikke på ukentlig brief. Skriv «@TeamsBot abonner på ukentlig brief» for å starte (standard er mandag kl. 08:00).",
        Stopped = "Ukentlig brief er stoppet for denne kanalen.",
        WasNotSubscribed = "Denne kanalen abonnerte ikke på ukentlig brief, så det var ingenting å stoppe.",
        ChannelOnly = "Ukentlig brief legges ut i kanaler. Legg meg til i et team, og nevn meg i kanalen som skal ha briefen, for eksempel «@TeamsBot abonner på ukentlig brief mandag 09:00».",
        CoordinatorsOnly = "Bare plankoordinatorer kan endre abonnementet på ukentlig brief. Ta kontakt med en koordinator i POD.",
        BadSchedule = "Det tidspunktet forsto jeg ikke. Skriv for eksempel «abonner på ukentlig brief mandag 09:00».",
        UnknownFilter = (name, known) => $"Jeg finner ingen plan eller område som heter «{name}». Dette kjenner jeg: {known}.",
        FilterPlans = plans => $" Briefen gjelder {plans}.",
        FilterAreas = areas => $" Områder: {areas}.",
        RoundsHeading = "Statusrunder",
        RoundRate = (plan, answered, owners, deadline) => $"{plan}: {answered} av {owners} eiere har svart (frist {deadline}).",
        BlockedNotice = "Jeg fikk ikke lagt ut ukentlig brief i en kanal du abonnerte for – Teams sier at jeg er blokkert eller fjernet der. Abonnementet står på pause til noen abonnerer på nytt i kanalen.",
    };

    public static readonly DigestTexts English = new()
    {
        CardTitle = "Weekly brief",
        StatusHeading = "Status by plan",
        ChangesHeading = since => $"Changes since the last brief ({since})",
        NoChanges = "No changes were recorded.",
        OverdueHeading = "Overdue measures",
        DueSoonHeading = days => $"Deadlines in the next {days} days",
        StaleHeading = weeks => $"No update for more than {weeks} weeks",
        NoneInList = "None.",
        More = n => $"… and {n} more",
        Open = "Open measure",
        Update = "Update",
        DeadlineWord = "due",
        LastUpdatedWord = "last updated",
        NewRemark = "new remark",
        Edited = "edited",
        NoMeasures = "No measures match this subscription.",
        Trimmed = "The brief was shortened to fit in Teams. Ask me in chat for the full list.",
        DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        Schedule = (day, time) => $"every {day} at {time} (Norwegian time)",
        Subscribed = schedule => $"This channel will now get the weekly brief {schedule}.",
        Current = schedule => $"This channel gets the weekly brief {schedule}.",
        LastBrief = date => $"The last brief was posted on {date}.",
        Paused = "The subscription is paused because Teams refused the last brief (the bot was blocked or removed). Type \"subscribe to weekly brief\" to start again.",
        NotSubscribed = "This channel does not get the weekly brief. Type \"@TeamsBot subscribe to weekly brief\" to start (the default is Monday at 08:00).",
        Stopped = "The weekly brief is stopped for this channel.",
        WasNotSubscribed = "This channel was not subscribed to the weekly brief, so there was nothing to stop.",
        ChannelOnly = "The weekly brief is posted in channels. Add me to a team and mention me in the channel that should get it, for example \"@TeamsBot subscribe to weekly brief Monday 09:00\".",
        CoordinatorsOnly = "Only plan coordinators can change the weekly brief subscription. Please ask a coordinator at POD.",
        BadSchedule = "I didn't understand that time. Try for example \"subscribe to weekly brief Monday 09:00\".",
        UnknownFilter = (name, known) => $"I can't find a plan or area called \"{name}\". These are the ones I know: {known}.",
        FilterPlans = plans => $" The brief covers {plans}.",
        FilterAreas = areas => $" Areas: {areas}.",
        RoundsHeading = "Status rounds",
        RoundRate = (plan, answered, owners, deadline) => $"{plan}: {answered} of {owners} owners have answered (due {deadline}).",
        BlockedNotice = "I couldn't post the weekly brief in a channel you subscribed – Teams says I'm blocked or removed there. The subscription is paused until someone subscribes again in that channel.",
    };
}
