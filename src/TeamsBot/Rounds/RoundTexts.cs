using TeamsBot.Localization;

namespace TeamsBot.Rounds;

/// <summary>What status rounds say, per language (kept together so the two stay in step). Plan and user text is escaped by the cards.</summary>
public sealed record RoundTexts
{
    public required Func<string, string> DeadlinePassed { get; init; }
    public required string CoordinatorsOnly { get; init; }
    public required Func<string, string> DeadlineTooFar { get; init; }
    public required Func<int, int, string> NoteTooLong { get; init; }
    public required string StartFormTitle { get; init; }
    public required string ChoosePlanAndDeadline { get; init; }
    public required string ChoosePlan { get; init; }
    public required string ChooseDeadline { get; init; }
    public required string PlanLabel { get; init; }
    public required string PlanRequired { get; init; }
    public required string DeadlineLabel { get; init; }
    public required string DeadlineRequired { get; init; }
    public required string NoteLabel { get; init; }
    public required string NotePlaceholder { get; init; }
    public required string NoteTooLongShort { get; init; }
    public required string StartButton { get; init; }
    public required Func<string, string> FormUnknownPlan { get; init; }
    public required string FormNoPlan { get; init; }
    public required string FormNoDeadline { get; init; }
    public required string FormBadDeadline { get; init; }
    public required string FormDamaged { get; init; }
    public required Func<string, string, string> AlreadyOpen { get; init; }
    public required Func<string, string> NothingToAsk { get; init; }
    public required Func<string, string> StartedTitle { get; init; }
    public required Func<string, string> DeadlineLine { get; init; }
    public required Func<int, int, int, string> OwnersLine { get; init; }
    public required string UnreachableHeading { get; init; }
    /// <summary>Examples, not &lt;placeholders&gt;: Teams and the Playground drop anything that looks like an HTML tag.</summary>
    public required Func<string, string> NoPeople { get; init; }
    public required string NoChat { get; init; }
    public required string UnownedHeading { get; init; }
    public required string SentSoon { get; init; }
    public required Func<string, string> RequestTitle { get; init; }
    public required Func<string, string, string> RequestIntro { get; init; }
    public required Func<string, string, string> ReminderIntro { get; init; }
    public required string NoteFromCoordinator { get; init; }
    public required string Confirm { get; init; }
    public required string Update { get; init; }
    public required string Answered { get; init; }
    public required string AllAnswered { get; init; }
    public required string NotInRound { get; init; }
    public required string NotYours { get; init; }
    public required string Stale { get; init; }
    public required string RoundClosed { get; init; }
    public required string SaveFailed { get; init; }
    public required Func<string, string> NoOpenRound { get; init; }
    public required Func<string, string> WhichRound { get; init; }
    public required Func<string, string, string> MissingHeading { get; init; }
    public required string NobodyMissing { get; init; }
    public required Func<string, int, int, int, string> StatusLine { get; init; }
    public required Func<string, string> SummaryTitle { get; init; }
    public required Func<int, int, string> ResponseRate { get; init; }
    public required string OwnersHeading { get; init; }
    public required Func<int, int, string> OwnerAnswered { get; init; }
    public required string StatusHeading { get; init; }
    public required string ExportFollows { get; init; }
    public required string FileOffer { get; init; }
    public required Func<string, string> FileDescription { get; init; }
    public required Func<string, string> FileSaved { get; init; }
    public required string FileDeclined { get; init; }
    public required string FileNotSaved { get; init; }
    public required string ExportSentAsTable { get; init; }
    public required string FileRoundUnknown { get; init; }
    public required string FileRoundOpen { get; init; }
    public required string FileCoordinatorsOnly { get; init; }
    public required Func<string, string> Closed { get; init; }
    public required Func<string, string> PeopleFor { get; init; }
    public required Func<string, string> NobodyFor { get; init; }
    public required Func<string, string, string> UnknownUnit { get; init; }
    public required Func<string, string, string> Added { get; init; }
    public required Func<string, string> PersonNotFound { get; init; }
    public required string MappingCoordinatorsOnly { get; init; }

    public static RoundTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly RoundTexts Bokmal = new()
    {
        DeadlinePassed = date => $"Fristen {date} er allerede passert. Velg en dato etter i dag.",
        CoordinatorsOnly = "Bare koordinatorer for planen kan starte eller avslutte en statusrunde.",
        DeadlineTooFar = date => $"Fristen {date} er mer enn ett år fram i tid. Velg en nærmere dato.",
        NoteTooLong = (max, length) => $"Meldingen til eierne er for lang: høyst {max} tegn, og den har {length}. Kort den ned og prøv igjen.",
        StartFormTitle = "Start en statusrunde",
        ChoosePlanAndDeadline = "Velg plan og frist, så starter jeg runden.",
        ChoosePlan = "Velg hvilken plan runden gjelder.",
        ChooseDeadline = "Velg fristen for runden.",
        PlanLabel = "Plan",
        PlanRequired = "Velg en plan.",
        DeadlineLabel = "Frist for svar",
        DeadlineRequired = "Velg en frist etter i dag.",
        NoteLabel = "Melding til eierne (valgfritt)",
        NotePlaceholder = "For eksempel: Husk å nevne budsjettet",
        NoteTooLongShort = "Meldingen er for lang.",
        StartButton = "Start runden",
        FormUnknownPlan = known => $"Planen som er valgt, finnes ikke. Velg en av disse: {known}.",
        FormNoPlan = "Velg en plan i feltet «Plan».",
        FormNoDeadline = "Velg en dato i feltet «Frist for svar».",
        FormBadDeadline = "Feltet «Frist for svar» må være en dato (åååå-mm-dd).",
        FormDamaged = "Skjemaet kom fram skadet, så ingen runde ble startet. Skriv «be om status» for å få et nytt.",
        AlreadyOpen = (plan, date) => $"Det går allerede en statusrunde for {plan} med frist {date}. Avslutt den først («avslutt runden»).",
        NothingToAsk = plan => $"Alle tiltak i {plan} er iverksatt, så det er ingen status å be om.",
        StartedTitle = plan => $"Statusrunde startet: {plan}",
        DeadlineLine = date => $"Frist: {date}",
        OwnersLine = (owners, reachable, measures) => $"{measures} tiltak hos {owners} eiere. {reachable} av dem kan jeg nå.",
        UnreachableHeading = "Kan ikke nås",
        NoPeople = unit => $"ingen person er knyttet til enheten (skriv for eksempel «legg til kari.nordmann@politiet.no for {unit}»)",
        NoChat = "har ikke boten i personlig chat, og jeg kan ikke installere den (Graph er av)",
        UnownedHeading = "Tiltak uten eierenhet",
        SentSoon = "Forespørslene sendes nå i personlig chat. Skriv «hvem mangler?» for å følge med.",
        RequestTitle = plan => $"Statusforespørsel: {plan}",
        RequestIntro = (unit, date) => $"Plankoordinatoren ber {unit} om status på disse tiltakene innen {date}. Bekreft dem som er uendret, og oppdater resten.",
        ReminderIntro = (unit, date) => $"Påminnelse: fristen er {date}, og {unit} har ennå ikke svart på alle tiltakene under.",
        NoteFromCoordinator = "Melding fra koordinatoren",
        Confirm = "Uendret – bekreft",
        Update = "Oppdater",
        Answered = "✓ Besvart",
        AllAnswered = "Takk! Alle tiltakene er besvart.",
        NotInRound = "Det tiltaket er ikke med i denne statusrunden.",
        NotYours = "Du er ikke oppført som ansvarlig for dette tiltaket i runden, så du kan ikke bekrefte det.",
        Stale = "Tiltaket er endret siden kortet ble laget. Åpne det på nytt og se over endringen før du bekrefter.",
        RoundClosed = "Statusrunden er avsluttet; svaret ble ikke registrert.",
        SaveFailed = "Lagringen feilet, og ingenting ble endret. Prøv igjen om litt.",
        NoOpenRound = plan => $"Det går ingen statusrunde{plan}.",
        WhichRound = known => $"Det går statusrunder for flere planer: {known}. Nevn planen, for eksempel «hvem mangler for 25. juni?».",
        MissingHeading = (plan, date) => $"Mangler svar – {plan} (frist {date})",
        NobodyMissing = "Alle eiere har svart.",
        StatusLine = (plan, answered, owners, measures) => $"Statusrunden for {plan}: {answered} av {owners} eiere har svart ({measures} tiltak mangler svar).",
        SummaryTitle = plan => $"Statusrunden er avsluttet: {plan}",
        ResponseRate = (answered, owners) => $"{answered} av {owners} eiere svarte.",
        OwnersHeading = "Eiere",
        OwnerAnswered = (answered, total) => $"{answered} av {total} tiltak besvart",
        StatusHeading = "Status i planen nå",
        ExportFollows = "Planen i tabellformat følger i neste melding.",
        FileOffer = "Her er planen som fil, i samme tabellformat som kildedokumentet. Godtar du, lagres den i OneDrive; takker du nei, får du tabellen her i chatten.",
        FileDescription = plan => $"«{plan}» etter statusrunden: område → tiltak / status / merknad (Markdown).",
        FileSaved = name => $"Planen er lagret i OneDrive som {name}.",
        FileDeclined = "Greit, da lagrer jeg ikke filen. Her er tabellen i stedet:",
        FileNotSaved = "Filen kunne ikke lagres i OneDrive, så her er tabellen i stedet:",
        ExportSentAsTable = "Planen ble sendt som tabell i chatten i stedet for som fil.",
        FileRoundUnknown = "Jeg finner ikke statusrunden denne filen hører til, så ingenting ble lagret.",
        FileRoundOpen = "Statusrunden er ikke avsluttet ennå, så det er ingen eksport å lagre.",
        FileCoordinatorsOnly = "Bare koordinatorer for planen kan hente eksporten fra statusrunden, så ingenting ble lagret.",
        Closed = plan => $"Statusrunden for {plan} er avsluttet.",
        PeopleFor = unit => $"Disse svarer for {unit}:",
        NobodyFor = unit => $"Ingen er knyttet til {unit} ennå. Skriv «legg til» med e-postadressen eller navnet, for eksempel «legg til kari.nordmann@politiet.no for {unit}».",
        UnknownUnit = (name, known) => $"Jeg kjenner ingen eierenhet som heter «{name}». Enheter: {known}.",
        Added = (person, unit) => $"{person} svarer nå for {unit}.",
        PersonNotFound = name => $"Jeg finner ingen person «{name}» (med Graph på: e-postadresse; ellers navnet på noen i rolletabellen).",
        MappingCoordinatorsOnly = "Bare plankoordinatorer kan endre hvem som svarer for en enhet.",
    };

    public static readonly RoundTexts English = new()
    {
        DeadlinePassed = date => $"The deadline {date} has already passed. Choose a date after today.",
        CoordinatorsOnly = "Only the plan's coordinators can start or close a status round.",
        DeadlineTooFar = date => $"The deadline {date} is more than a year away. Choose an earlier date.",
        NoteTooLong = (max, length) => $"The message to the owners is too long: at most {max} characters, and it has {length}. Shorten it and try again.",
        StartFormTitle = "Start a status round",
        ChoosePlanAndDeadline = "Choose the plan and the deadline, and I will start the round.",
        ChoosePlan = "Choose the plan the round is for.",
        ChooseDeadline = "Choose the round's deadline.",
        PlanLabel = "Plan",
        PlanRequired = "Choose a plan.",
        DeadlineLabel = "Deadline for answers",
        DeadlineRequired = "Choose a deadline after today.",
        NoteLabel = "Message to the owners (optional)",
        NotePlaceholder = "For example: Remember to mention the budget",
        NoteTooLongShort = "The message is too long.",
        StartButton = "Start the round",
        FormUnknownPlan = known => $"The chosen plan does not exist. Choose one of these: {known}.",
        FormNoPlan = "Choose a plan in the \"Plan\" field.",
        FormNoDeadline = "Choose a date in the \"Deadline for answers\" field.",
        FormBadDeadline = "The \"Deadline for answers\" field must be a date (yyyy-mm-dd).",
        FormDamaged = "The form arrived damaged, so no round was started. Type \"request status\" to get a new one.",
        AlreadyOpen = (plan, date) => $"A status round for {plan} is already open, due {date}. Close it first (\"close the round\").",
        NothingToAsk = plan => $"Every measure of {plan} is implemented, so there is no status to ask for.",
        StartedTitle = plan => $"Status round started: {plan}",
        DeadlineLine = date => $"Deadline: {date}",
        OwnersLine = (owners, reachable, measures) => $"{measures} measures with {owners} owners. I can reach {reachable} of them.",
        UnreachableHeading = "Cannot be reached",
        NoPeople = unit => $"no person is mapped to the unit (type e.g. \"add kari.nordmann@politiet.no for {unit}\")",
        NoChat = "has not got the bot in personal chat, and I cannot install it (Graph is off)",
        UnownedHeading = "Measures without an owner unit",
        SentSoon = "The requests are being sent in personal chat. Type \"who is missing?\" to follow up.",
        RequestTitle = plan => $"Status request: {plan}",
        RequestIntro = (unit, date) => $"The plan coordinator asks {unit} for the status of these measures by {date}. Confirm those that are unchanged and update the rest.",
        ReminderIntro = (unit, date) => $"Reminder: the deadline is {date}, and {unit} has not yet answered for all the measures below.",
        NoteFromCoordinator = "Message from the coordinator",
        Confirm = "Unchanged – confirm",
        Update = "Update",
        Answered = "✓ Answered",
        AllAnswered = "Thank you! Every measure is answered.",
        NotInRound = "That measure is not part of this status round.",
        NotYours = "You are not listed as answering for this measure in the round, so you cannot confirm it.",
        Stale = "The measure has changed since this card was drawn. Open it again and look at the change before confirming.",
        RoundClosed = "The status round is closed; the answer was not recorded.",
        SaveFailed = "Saving failed and nothing was changed. Please try again shortly.",
        NoOpenRound = plan => $"There is no open status round{plan}.",
        WhichRound = known => $"Status rounds are open for several plans: {known}. Name the plan, for example \"who is missing for 25 June?\".",
        MissingHeading = (plan, date) => $"Missing answers – {plan} (due {date})",
        NobodyMissing = "Every owner has answered.",
        StatusLine = (plan, answered, owners, measures) => $"The status round for {plan}: {answered} of {owners} owners have answered ({measures} measures without an answer).",
        SummaryTitle = plan => $"The status round is closed: {plan}",
        ResponseRate = (answered, owners) => $"{answered} of {owners} owners answered.",
        OwnersHeading = "Owners",
        OwnerAnswered = (answered, total) => $"{answered} of {total} measures answered",
        StatusHeading = "The plan's status now",
        ExportFollows = "The plan in table format follows in the next message.",
        FileOffer = "Here is the plan as a file, in the source document's table format. If you accept, it is saved to your OneDrive; if you decline, you get the table here in the chat.",
        FileDescription = plan => $"\"{plan}\" after the status round: area → measure / status / remark (Markdown).",
        FileSaved = name => $"The plan is saved to your OneDrive as {name}.",
        FileDeclined = "All right, I won't save the file. Here is the table instead:",
        FileNotSaved = "The file could not be saved to your OneDrive, so here is the table instead:",
        ExportSentAsTable = "The plan was sent as a table in the chat instead of as a file.",
        FileRoundUnknown = "I can't find the status round this file belongs to, so nothing was saved.",
        FileRoundOpen = "The status round is not closed yet, so there is no export to save.",
        FileCoordinatorsOnly = "Only the plan's coordinators can get the status round's export, so nothing was saved.",
        Closed = plan => $"The status round for {plan} is closed.",
        PeopleFor = unit => $"These people answer for {unit}:",
        NobodyFor = unit => $"Nobody is mapped to {unit} yet. Type \"add\" with their e-mail address or name, e.g. \"add kari.nordmann@politiet.no for {unit}\".",
        UnknownUnit = (name, known) => $"I know no owner unit called \"{name}\". Units: {known}.",
        Added = (person, unit) => $"{person} now answers for {unit}.",
        PersonNotFound = name => $"I can't find a person \"{name}\" (with Graph on: a mail address; otherwise the name of someone in the Roles table).",
        MappingCoordinatorsOnly = "Only plan coordinators can change who answers for a unit.",
    };
}
