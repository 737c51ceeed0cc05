using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Updates;

/// <summary>The words of the status-update form, its answers and its chat commands, per language, side by side.</summary>
public sealed record UpdateTexts
{
    // The form
    public required Func<string, string> FormHeading { get; init; }
    public required string StatusLabel { get; init; }
    public required string RemarkLabel { get; init; }
    public required string RemarkPlaceholder { get; init; }
    public required string DeadlineLabel { get; init; }
    public required string CommentLabel { get; init; }
    public required string CommentPlaceholder { get; init; }
    public required string Save { get; init; }
    public required string Cancel { get; init; }
    public required string StatusRequired { get; init; }
    public required string RemarkTooLongShort { get; init; }

    // Validation, shown on the form
    public required string FixBelow { get; init; }
    public required string MissingStatus { get; init; }
    public required Func<string, string> UnknownStatus { get; init; }
    public required Func<int, int, string> RemarkTooLong { get; init; }
    public required Func<int, int, string> CommentTooLong { get; init; }
    public required Func<string, string> UnparsableDate { get; init; }
    public required Func<string, string> DateBeforePlanStart { get; init; }
    public required Func<string, string, string> DeadlineOutOfRange { get; init; }
    public required Func<string, string> WrongType { get; init; }
    public required Func<string, int, string> ShownCut { get; init; }
    public required string CommentName { get; init; }
    public required string NothingChanged { get; init; }
    public required string CommentNeedsChange { get; init; }

    // Outcomes
    public required string Saved { get; init; }
    public required string AlreadySaved { get; init; }
    public required string FormIncomplete { get; init; }
    public required string FormDamaged { get; init; }
    public required string MeasureNotFound { get; init; }
    public required Func<string, string> NotAllowed { get; init; }
    public required string NotAllowedNoUnits { get; init; }
    public required string SaveFailed { get; init; }

    /// <summary>The write was sent but storage did not answer: it may or may not be saved, and the form's receipt makes sending it again safe.</summary>
    public required string SaveOutcomeUnknown { get; init; }

    // Conflict
    public required string ConflictHeading { get; init; }
    public required string ConflictIntro { get; init; }
    public required string ConflictUnknownChange { get; init; }
    public required Func<int, string> ConflictEarlier { get; init; }
    public required string ConflictYourInput { get; init; }
    public required string ApplyAnyway { get; init; }
    public required string DiscardMine { get; init; }
    public required Func<string, string, string> ChangedBy { get; init; }
    public required Func<string, string> RemarkChanged { get; init; }

    // Chat commands
    public required Func<string, string> NoSuchMeasure { get; init; }
    public required string WhichMeasure { get; init; }
    public required string UpdateWhat { get; init; }
    public required string HistoryOfWhat { get; init; }
    public required string Choose { get; init; }

    public static UpdateTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    /// <summary>Why the user may not update <paramref name="measure"/>: naming its owners when the plan lists any.</summary>
    public string NotAllowedFor(Measure measure) =>
        measure.Owners.Count > 0 ? NotAllowed(string.Join(", ", measure.Owners)) : NotAllowedNoUnits;

    public static readonly UpdateTexts Bokmal = new()
    {
        FormHeading = title => $"Oppdater status: {title}",
        StatusLabel = "Status",
        RemarkLabel = "Merknad",
        RemarkPlaceholder = "Hva er gjort, hva gjenstår, hvem har ansvaret?",
        DeadlineLabel = "Frist",
        CommentLabel = "Kommentar til historikken (valgfri)",
        CommentPlaceholder = "Hvorfor endres dette?",
        Save = "Lagre",
        Cancel = "Avbryt",
        StatusRequired = "Velg en status.",
        RemarkTooLongShort = $"Merknaden kan ha høyst {UpdateLimits.RemarkMaxLength} tegn.",
        FixBelow = "Endringen er ikke lagret. Rett opp dette og prøv igjen:",
        MissingStatus = "Status mangler – velg en av statusene i listen.",
        UnknownStatus = value => $"«{value}» er ikke en status i denne planen – velg en av statusene i listen.",
        RemarkTooLong = (length, max) => $"Merknaden er {length} tegn lang; den kan ha høyst {max} tegn.",
        CommentTooLong = (length, max) => $"Kommentaren er {length} tegn lang; den kan ha høyst {max} tegn.",
        UnparsableDate = value => $"Jeg forstår ikke datoen «{value}». Velg en dato i kalenderen (åååå-mm-dd).",
        DateBeforePlanStart = start => $"Fristen kan ikke være før planen startet ({start}).",
        DeadlineOutOfRange = (earliest, latest) => $"Fristen må være en dato mellom {earliest} og {latest}.",
        WrongType = field => $"Feltet «{field}» kom i et format jeg ikke kan lese (ikke tekst). Fyll det inn på nytt.",
        ShownCut = (field, max) => $"{field}: skjemaet under viser bare de første {max} tegnene av det du skrev.",
        CommentName = "Kommentar",
        NothingChanged = "Du har ikke endret noe, så ingenting er lagret.",
        CommentNeedsChange = "En kommentar lagres bare sammen med en endring av status, merknad eller frist.",
        Saved = "Lagret.",
        AlreadySaved = "Dette skjemaet er allerede lagret – her er tiltaket slik det er nå.",
        FormIncomplete = "Skjemaet mangler opplysninger om hvilket tiltak det gjelder. Åpne tiltaket og trykk «Oppdater status» på nytt.",
        FormDamaged =
            "Skjemaet mangler opplysninger om hvilken versjon av tiltaket det ble åpnet fra, eller de er skadet. " +
            "Ingenting er endret. Åpne tiltaket og trykk «Oppdater status» på nytt.",
        MeasureNotFound = "Fant ikke tiltaket – det kan være fjernet fra planen.",
        NotAllowed = units =>
            $"Du kan ikke oppdatere dette tiltaket. Bare de som er ansvarlige for det ({units}) og koordinatorene for planen kan endre status. " +
            "Ta kontakt med en koordinator hvis du skal ha tilgang. Ingenting er endret.",
        NotAllowedNoUnits =
            "Du kan ikke oppdatere dette tiltaket. Bare koordinatorene for planen kan endre status på tiltak uten oppført ansvarlig. " +
            "Ta kontakt med en koordinator hvis du skal ha tilgang. Ingenting er endret.",
        SaveFailed = "Jeg klarte ikke å lagre endringen akkurat nå. Ingenting er endret – prøv igjen om litt.",
        SaveOutcomeUnknown =
            "Jeg mistet kontakten med lagringen mens jeg lagret, så jeg vet ikke om endringen ble lagret. " +
            "Send skjemaet på nytt om litt – det er trygt: det samme skjemaet lagres aldri to ganger.",
        ConflictHeading = "Noen andre har endret tiltaket",
        ConflictIntro = "Tiltaket er endret etter at du åpnet skjemaet, så endringen din er ikke lagret:",
        ConflictUnknownChange = "Tiltaket er endret, men jeg finner ikke hva som ble endret.",
        ConflictEarlier = count => $"… og {count} eldre endringer siden du åpnet skjemaet (se historikken).",
        ConflictYourInput = "Dine endringer står under. Se over dem og lagre dem likevel, eller forkast dem.",
        ApplyAnyway = "Bruk mine endringer likevel",
        DiscardMine = "Forkast mine endringer",
        ChangedBy = (who, when) => $"{who}, {when}:",
        RemarkChanged = field => $"{field} ble endret",
        NoSuchMeasure = query => $"Jeg fant ikke noe tiltak som heter «{query}». Skriv for eksempel «oppdater PLIVO» eller bruk tiltakets nummer (25-juni-22).",
        WhichMeasure = "Hvilket av disse tiltakene mener du?",
        UpdateWhat = "Hvilket tiltak vil du oppdatere? Skriv for eksempel «oppdater PLIVO».",
        HistoryOfWhat = "Hvilket tiltak vil du se historikken til? Skriv for eksempel «historikk PLIVO».",
        Choose = "Velg",
    };

    public static readonly UpdateTexts English = new()
    {
        FormHeading = title => $"Update status: {title}",
        StatusLabel = "Status",
        RemarkLabel = "Remark",
        RemarkPlaceholder = "What has been done, what remains, who is responsible?",
        DeadlineLabel = "Deadline",
        CommentLabel = "Comment for the history (optional)",
        CommentPlaceholder = "Why is this changing?",
        Save = "Save",
        Cancel = "Cancel",
        StatusRequired = "Choose a status.",
        RemarkTooLongShort = $"The remark can be at most {UpdateLimits.RemarkMaxLength} characters.",
        FixBelow = "Nothing was saved. Please fix the following and try again:",
        MissingStatus = "The status is missing – choose one of the statuses in the list.",
        UnknownStatus = value => $"\"{value}\" is not a status in this plan – choose one of the statuses in the list.",
        RemarkTooLong = (length, max) => $"The remark is {length} characters long; it can be at most {max}.",
        CommentTooLong = (length, max) => $"The comment is {length} characters long; it can be at most {max}.",
        UnparsableDate = value => $"I can't read the date \"{value}\". Pick a date in the calendar (yyyy-mm-dd).",
        DateBeforePlanStart = start => $"The deadline can't be before the plan started ({start}).",
        DeadlineOutOfRange = (earliest, latest) => $"The deadline must be a date between {earliest} and {latest}.",
        WrongType = field => $"The field \"{field}\" arrived in a format I can't read (not text). Please fill it in again.",
        ShownCut = (field, max) => $"{field}: the form below shows only the first {max} characters of what you wrote.",
        CommentName = "Comment",
        NothingChanged = "You haven't changed anything, so nothing was saved.",
        CommentNeedsChange = "A comment is only saved together with a change of status, remark or deadline.",
        Saved = "Saved.",
        AlreadySaved = "This form has already been saved – here is the measure as it is now.",
        FormIncomplete = "The form doesn't say which measure it is for. Open the measure and press \"Update status\" again.",
        FormDamaged =
            "The form's record of the version it was opened from is missing or damaged. " +
            "Nothing was changed. Open the measure and press \"Update status\" again.",
        MeasureNotFound = "I couldn't find the measure – it may have been removed from the plan.",
        NotAllowed = units =>
            $"You can't update this measure. Only those responsible for it ({units}) and the plan's coordinators can change its status. " +
            "Contact a coordinator if you should have access. Nothing was changed.",
        NotAllowedNoUnits =
            "You can't update this measure. Only the plan's coordinators can change the status of a measure with no listed owner. " +
            "Contact a coordinator if you should have access. Nothing was changed.",
        SaveFailed = "I couldn't save the change just now. Nothing was changed – please try again in a moment.",
        SaveOutcomeUnknown =
            "I lost contact with the storage while saving, so I don't know whether the change was saved. " +
            "Send the form again in a moment – that is safe: the same form is never saved twice.",
        ConflictHeading = "Someone else has changed this measure",
        ConflictIntro = "The measure was changed after you opened the form, so your change was not saved:",
        ConflictUnknownChange = "The measure has changed, but I can't find what was changed.",
        ConflictEarlier = count => $"… and {count} earlier changes since you opened the form (see the history).",
        ConflictYourInput = "Your changes are below. Review them and save them anyway, or discard them.",
        ApplyAnyway = "Apply my changes anyway",
        DiscardMine = "Discard my changes",
        ChangedBy = (who, when) => $"{who}, {when}:",
        RemarkChanged = field => $"{field} was changed",
        NoSuchMeasure = query => $"I found no measure called \"{query}\". Try, for example, \"update PLIVO\" or the measure's number (25-juni-22).",
        WhichMeasure = "Which of these measures do you mean?",
        UpdateWhat = "Which measure do you want to update? Try, for example, \"update PLIVO\".",
        HistoryOfWhat = "Which measure's history do you want to see? Try, for example, \"history PLIVO\".",
        Choose = "Choose",
    };
}
