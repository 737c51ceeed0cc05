namespace TeamsBot.Localization;

/// <summary>Everything the bot says in words, per language. Kept together so the two languages stay in step.</summary>
public sealed record BotTexts
{
    public required string WelcomePersonal { get; init; }
    public required string WelcomeTeam { get; init; }
    public required string Help { get; init; }
    public required string NotUnderstood { get; init; }
    public required string UnknownCardAction { get; init; }
    public required string PlansHeading { get; init; }
    public required string NoPlans { get; init; }
    public required string MeasuresWord { get; init; }

    public static BotTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly BotTexts Bokmal = new()
    {
        WelcomePersonal =
            "Hei! Jeg er TeamsBot. Jeg holder oversikt over tiltakene i Politidirektoratets oppfølgingsplaner, " +
            "og du kan spørre meg om dem her i chatten.\n\nSkriv **planer** for å se planene og hvor langt tiltakene har kommet, " +
            "eller **hjelp** for å se alt jeg kan.",
        WelcomeTeam =
            "Hei, alle sammen! Jeg er TeamsBot, og jeg holder oversikt over tiltakene i Politidirektoratets oppfølgingsplaner. " +
            "Nevn meg (@TeamsBot) i en melding her i kanalen når dere vil spørre om tiltakene, for eksempel «@TeamsBot planer». " +
            "«@TeamsBot hjelp» viser alt jeg kan.",
        Help =
            "Dette kan jeg hjelpe med:\n\n" +
            "- **planer** – oppfølgingsplanene jeg kjenner, med antall tiltak per status\n" +
            "- **hjelp** – denne oversikten\n\n" +
            "I en kanal må du nevne meg (@TeamsBot) først. Bruker du Teams på engelsk, svarer jeg på engelsk.",
        NotUnderstood = "Det forsto jeg dessverre ikke. Skriv **hjelp** for å se hva du kan spørre meg om.",
        UnknownCardAction = "Den knappen kjenner jeg ikke igjen – kortet kan være fra en eldre versjon. Skriv **hjelp** for å se hva jeg kan.",
        PlansHeading = "Oppfølgingsplanene jeg kjenner:",
        NoPlans = "Jeg har ingen planer lagret ennå. En koordinator kan importere dem (se README).",
        MeasuresWord = "tiltak",
    };

    public static readonly BotTexts English = new()
    {
        WelcomePersonal =
            "Hi! I'm TeamsBot. I keep track of the measures in the Norwegian Police Directorate's follow-up plans, " +
            "and you can ask me about them here in the chat.\n\nType **plans** to see the plans and how far their measures have come, " +
            "or **help** to see everything I can do.",
        WelcomeTeam =
            "Hi, everyone! I'm TeamsBot, and I keep track of the measures in the Norwegian Police Directorate's follow-up plans. " +
            "Mention me (@TeamsBot) in a message in this channel to ask about them, for example \"@TeamsBot plans\". " +
            "\"@TeamsBot help\" shows everything I can do.",
        Help =
            "Here is what I can help with:\n\n" +
            "- **plans** – the follow-up plans I know, with the number of measures per status\n" +
            "- **help** – this overview\n\n" +
            "In a channel, mention me (@TeamsBot) first. With Teams set to Norwegian, I answer in Norwegian.",
        NotUnderstood = "Sorry, I didn't understand that. Type **help** to see what you can ask me.",
        UnknownCardAction = "I don't recognise that button – the card may be from an older version. Type **help** to see what I can do.",
        PlansHeading = "The follow-up plans I know:",
        NoPlans = "I have no plans stored yet. A coordinator can import them (see the README).",
        MeasuresWord = "measures",
    };
}
