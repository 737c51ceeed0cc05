namespace TeamsBot.Localization;

/// <summary>Everything the bot says in words, per language. Kept together so the two languages stay in step.</summary>
public sealed record BotTexts
{
    public required string WelcomePersonal { get; init; }
    public required string WelcomeTeam { get; init; }
    public required string Help { get; init; }
    public required string NotUnderstood { get; init; }
    public required string UnknownCardAction { get; init; }

    /// <summary>The answer to a file-consent card we cannot tell the file of: nothing was saved.</summary>
    public required string UnknownFile { get; init; }

    /// <summary>Storage could not be reached, and nothing was written.</summary>
    public required string StorageUnavailable { get; init; }

    /// <summary>After the welcome, when the install could not be recorded because storage could not be reached.</summary>
    public required string StorageUnavailableOnInstall { get; init; }
    public required string PlansHeading { get; init; }
    public required string NoPlans { get; init; }
    public required string MeasuresWord { get; init; }

    public static BotTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    /// <summary>
    /// Opens the (bokmål) welcome when the install event names no language, as Teams' often does and the Playground's
    /// always does: one sentence in each language, so an English user knows the answers will be in English.
    /// </summary>
    public const string LanguageNote =
        "Jeg svarer på bokmål, eller på engelsk når Teams-språket ditt er engelsk. _I answer in English when your Teams language is English._";

    public static readonly BotTexts Bokmal = new()
    {
        WelcomePersonal =
            "Hei! Jeg er TeamsBot. Jeg holder oversikt over tiltakene i Politidirektoratets oppfølgingsplaner, " +
            "og du kan spørre meg om dem her i chatten.\n\nPrøv **status for PLIVO**, **hva er forsinket?** eller **planer**, " +
            "eller skriv **hjelp** for å se alt jeg kan.",
        WelcomeTeam =
            "Hei, alle sammen! Jeg er TeamsBot, og jeg holder oversikt over tiltakene i Politidirektoratets oppfølgingsplaner. " +
            "Nevn meg (@TeamsBot) i en melding her i kanalen når dere vil spørre om tiltakene, for eksempel «@TeamsBot planer». " +
            "Vil dere ha den ukentlige nasjonale briefen i en kanal, skriv «@TeamsBot abonner på ukentlig brief» der. " +
            "«@TeamsBot hjelp» viser alt jeg kan.",
        Help =
            "Dette kan jeg hjelpe med:\n\n" +
            "- **status for PLIVO** – status for ett tiltak (deler av navnet holder)\n" +
            "- **hva er forsinket?** – tiltak der fristen er passert\n" +
            "- **frister neste 30 dager** – kommende frister (også «frister i september»)\n" +
            "- **pågående tiltak**, **tiltak PST eier** – lister etter status eller eier\n" +
            "- **hva er endret siste uke?** – endringer i en periode\n" +
            "- **hvem eier risikovurderingsverktøyet?** – eierne av et tiltak\n" +
            "- **hvor mange er iverksatt i 22. juli-planen?** – et antall, med listen bak (alle filtre kan kombineres: **forsinkede tiltak innen kommunikasjon**)\n" +
            "- **oppsummering 25. juni** – antall tiltak per status i en plan\n" +
            "- etter et svar: **og fristen?**, **bare de pågående**, **vis flere**\n" +
            "- **planer** – planene jeg kjenner\n" +
            "- **oppdater PLIVO** – endre status, merknad og frist i et skjema\n" +
            "- **historikk PLIVO** – endringene i et tiltak\n" +
            "- koordinatorer: «be om status for 25. juni innen 15. desember» starter en statusrunde; **hvem mangler?**, **status for runden**, «avslutt runden»\n" +
            "- **ingen påminnelser** – ingen fristpåminnelser (7 dager før og når fristen er passert); **slå på påminnelser** for å få dem igjen\n" +
            "- i en kanal: **abonner på ukentlig brief** (gjerne «mandag 09:00»), **vis abonnement**, **stopp brief**, **brief nå**\n" +
            "- **hjelp** – denne oversikten\n\n" +
            "I en kanal må du nevne meg (@TeamsBot) først. Bruker du Teams på engelsk, svarer jeg på engelsk.",
        NotUnderstood = "Det forsto jeg dessverre ikke. Skriv **hjelp** for å se hva du kan spørre meg om.",
        UnknownCardAction = "Den knappen kjenner jeg ikke igjen – kortet kan være fra en eldre versjon. Skriv **hjelp** for å se hva jeg kan.",
        UnknownFile = "Jeg kjenner ikke igjen den filen – kortet kan være fra en eldre versjon. Ingenting ble lagret.",
        StorageUnavailable = "Jeg får ikke kontakt med lagringen akkurat nå. Ingenting er lagret – prøv igjen om litt.",
        StorageUnavailableOnInstall = "Akkurat nå får jeg ikke kontakt med lagringen, så jeg kan ikke svare på alt før den er tilbake. Prøv igjen om litt.",
        PlansHeading = "Oppfølgingsplanene jeg kjenner:",
        NoPlans = "Jeg har ingen planer lagret ennå. En koordinator kan importere dem (se README).",
        MeasuresWord = "tiltak",
    };

    public static readonly BotTexts English = new()
    {
        WelcomePersonal =
            "Hi! I'm TeamsBot. I keep track of the measures in the Norwegian Police Directorate's follow-up plans, " +
            "and you can ask me about them here in the chat.\n\nTry **status of PLIVO**, **what is overdue?** or **plans**, " +
            "or type **help** to see everything I can do.",
        WelcomeTeam =
            "Hi, everyone! I'm TeamsBot, and I keep track of the measures in the Norwegian Police Directorate's follow-up plans. " +
            "Mention me (@TeamsBot) in a message in this channel to ask about them, for example \"@TeamsBot plans\". " +
            "For the weekly national brief in a channel, write \"@TeamsBot subscribe to weekly brief\" there. " +
            "\"@TeamsBot help\" shows everything I can do.",
        Help =
            "Here is what I can help with:\n\n" +
            "- **status of PLIVO** – the status of one measure (part of its name is enough)\n" +
            "- **what is overdue?** – measures past their deadline\n" +
            "- **deadlines in the next 30 days** – coming deadlines (also \"deadlines in September\")\n" +
            "- **ongoing measures**, **measures owned by PST** – lists by status or owner\n" +
            "- **what changed last week?** – changes in a period\n" +
            "- **who owns the risk assessment tool?** – the owners of a measure\n" +
            "- **how many are implemented in the July 22 plan?** – a number, with the list behind it (filters combine: **overdue measures in communication**)\n" +
            "- **summary 25. juni** – measures per status in a plan\n" +
            "- after an answer: **and when is it due?**, **only Kripos**, **more**\n" +
            "- **plans** – the follow-up plans I know, with the number of measures per status\n" +
            "- **update PLIVO** – change status, remark and deadline in a form\n" +
            "- **history PLIVO** – the changes to a measure\n" +
            "- coordinators: \"request status for 25 June by 15 December\" starts a status round; **who is missing?**, **round status**, \"close the round\"\n" +
            "- **no reminders** – no deadline reminders (7 days before and when a deadline has passed); **reminders on** to get them again\n" +
            "- in a channel: **subscribe to weekly brief** (e.g. \"Monday 09:00\"), **show subscription**, **stop brief**, **brief now**\n" +
            "- **help** – this overview\n\n" +
            "In a channel, mention me (@TeamsBot) first. With Teams set to Norwegian, I answer in Norwegian.",
        NotUnderstood = "Sorry, I didn't understand that. Type **help** to see what you can ask me.",
        UnknownCardAction = "I don't recognise that button – the card may be from an older version. Type **help** to see what I can do.",
        UnknownFile = "I don't recognise that file – the card may be from an older version. Nothing was saved.",
        StorageUnavailable = "I can't reach the storage right now. Nothing was saved – please try again in a moment.",
        StorageUnavailableOnInstall = "I can't reach the storage right now, so I can't answer everything until it is back. Please try again in a moment.",
        PlansHeading = "The follow-up plans I know:",
        NoPlans = "I have no plans stored yet. A coordinator can import them (see the README).",
        MeasuresWord = "measures",
    };
}
