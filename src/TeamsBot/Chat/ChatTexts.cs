using TeamsBot.Chat.Understanding;
using TeamsBot.Localization;

namespace TeamsBot.Chat;

/// <summary>The chat's own sentences around the answer cards (the cards carry their own texts), per language.</summary>
public sealed record ChatTexts
{
    public required string NoneOverdue { get; init; }
    public required Func<string, string> NoneDueBetween { get; init; }
    public required Func<string, string> NoneChangedBetween { get; init; }
    public required string NoneMatch { get; init; }
    public required Func<string, string, string> OwnedBy { get; init; }
    public required Func<string, string> NoOwnerKnown { get; init; }
    public required string And { get; init; }
    public required string Since { get; init; }
    public required string Until { get; init; }

    // The understood line: the intent…
    public required string ListIntent { get; init; }
    public required string OverdueIntent { get; init; }
    public required Func<string, string> DueIntent { get; init; }
    public required Func<string, string> ChangedIntent { get; init; }
    public required string CountIntent { get; init; }
    public required Func<string, string> CountOf { get; init; }
    // …and each filter.
    public required Func<string, string> PlanFilter { get; init; }
    public required Func<string, string> AreaFilter { get; init; }
    public required Func<string, string> StatusFilter { get; init; }
    public required Func<string, string> OwnerFilter { get; init; }
    public required Func<string, string> DeadlineFilter { get; init; }
    public required Func<string, string> TopicFilter { get; init; }
    public required Func<string, string> NotUsed { get; init; }

    // Empty answers: what was filtered, and the nearest useful answer.
    public required string NoneWithFilters { get; init; }
    public required Func<int, string> OverdueInAll { get; init; }
    public required Func<int, string, string> DueInAll { get; init; }
    public required Func<int, string, string> ChangedInAll { get; init; }
    public required Func<int, string> MeasuresInAll { get; init; }
    public required string NoChangesCurrentStatus { get; init; }
    public required Func<int, string> Number { get; init; }

    public required Func<string, string, string> DeadlineOf { get; init; }
    public required Func<string, string> NoDeadlineKnown { get; init; }
    public required Func<string, string, string> RemarkOf { get; init; }
    public required Func<string, string> NoRemarkKnown { get; init; }

    public required Func<int, string> YearOutOfRange { get; init; }
    public required Func<SmallTalkKind, string> SmallTalk { get; init; }

    public static ChatTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly ChatTexts Bokmal = new()
    {
        NoneOverdue = "Ingen tiltak har passert fristen uten å være iverksatt.",
        NoneDueBetween = period => $"Ingen tiltak som ikke er iverksatt har frist {period}.",
        NoneChangedBetween = period => $"Ingen tiltak er endret {period}.",
        NoneMatch = "Ingen tiltak passer med det du spurte om.",
        OwnedBy = (title, owners) => $"**{title}** eies av {owners}.",
        NoOwnerKnown = title => $"Planen oppgir ingen eier for **{title}**.",
        And = "og",
        Since = "siden",
        Until = "til og med",
        ListIntent = "Tiltak",
        OverdueIntent = "Forsinkede tiltak",
        DueIntent = period => $"Frister {period}",
        ChangedIntent = period => $"Endret {period}",
        CountIntent = "Antall tiltak",
        CountOf = intent => $"Antall: {intent}",
        PlanFilter = plan => $"Plan: {plan}",
        AreaFilter = area => $"Område: {area}",
        StatusFilter = status => $"Status: {status}",
        OwnerFilter = owner => $"Ansvarlig: {owner}",
        DeadlineFilter = period => $"Frist: {period}",
        TopicFilter = words => $"Tema: «{words}»",
        NotUsed = words => $"Jeg brukte ikke: «{words}»",
        NoneWithFilters = "Ingen tiltak passer med alle disse filtrene.",
        OverdueInAll = n => $"{n} tiltak er forsinket i alt – skriv «hva er forsinket?» for å se dem.",
        DueInAll = (n, period) => $"{n} tiltak har frist {period} i alt – skriv «frister» for å se dem.",
        ChangedInAll = (n, period) => $"{n} tiltak er endret {period} i alt.",
        MeasuresInAll = n => $"Planene har {n} tiltak i alt – skriv «planer» for en oversikt.",
        NoChangesCurrentStatus = "ingen endringer – slik står de nå",
        Number = n => n == 1 ? "1 tiltak" : $"{n} tiltak",
        DeadlineOf = (title, date) => $"Fristen for **{title}** er {date}.",
        NoDeadlineKnown = title => $"Planen oppgir ingen frist for **{title}**.",
        RemarkOf = (title, remark) => $"Merknaden for **{title}**:\n\n{remark}",
        NoRemarkKnown = title => $"**{title}** har ingen merknad.",
        YearOutOfRange = year => $"Året {year} kan jeg ikke svare for: spør om datoer mellom {DatePhrases.FirstYear} og {DatePhrases.LastYear}.",
        SmallTalk = kind => kind switch
        {
            SmallTalkKind.Greeting => "Hei! Spør meg om tiltakene i oppfølgingsplanene, for eksempel «hva er forsinket?» eller «status for PLIVO».",
            SmallTalkKind.Thanks => "Bare hyggelig!",
            SmallTalkKind.WhoAreYou => "Jeg er TeamsBot: jeg holder oversikt over tiltakene i Politidirektoratets oppfølgingsplaner. Skriv «hjelp» for å se hva du kan spørre om.",
            _ => "👍",
        },
    };

    public static readonly ChatTexts English = new()
    {
        NoneOverdue = "No measure is past its deadline without being implemented.",
        NoneDueBetween = period => $"No measure that is not implemented has a deadline {period}.",
        NoneChangedBetween = period => $"No measures changed {period}.",
        NoneMatch = "No measures match what you asked for.",
        OwnedBy = (title, owners) => $"**{title}** is owned by {owners}.",
        NoOwnerKnown = title => $"The plan names no owner for **{title}**.",
        And = "and",
        Since = "since",
        Until = "until",
        ListIntent = "Measures",
        OverdueIntent = "Overdue measures",
        DueIntent = period => $"Deadlines {period}",
        ChangedIntent = period => $"Changed {period}",
        CountIntent = "Number of measures",
        CountOf = intent => $"Number: {intent}",
        PlanFilter = plan => $"Plan: {plan}",
        AreaFilter = area => $"Area: {area}",
        StatusFilter = status => $"Status: {status}",
        OwnerFilter = owner => $"Owner: {owner}",
        DeadlineFilter = period => $"Deadline: {period}",
        TopicFilter = words => $"Topic: \"{words}\"",
        NotUsed = words => $"I did not use: \"{words}\"",
        NoneWithFilters = "No measure matches all of these filters.",
        OverdueInAll = n => $"{n} measures are overdue in all – type \"what is overdue?\" to see them.",
        DueInAll = (n, period) => $"{n} measures have a deadline {period} in all – type \"deadlines\" to see them.",
        ChangedInAll = (n, period) => $"{n} measures changed {period} in all.",
        MeasuresInAll = n => $"The plans have {n} measures in all – type \"plans\" for an overview.",
        NoChangesCurrentStatus = "no changes – this is where they stand",
        Number = n => n == 1 ? "1 measure" : $"{n} measures",
        DeadlineOf = (title, date) => $"The deadline for **{title}** is {date}.",
        NoDeadlineKnown = title => $"The plan gives no deadline for **{title}**.",
        RemarkOf = (title, remark) => $"The remark on **{title}**:\n\n{remark}",
        NoRemarkKnown = title => $"**{title}** has no remark.",
        YearOutOfRange = year => $"I can't answer for the year {year}: ask about dates between {DatePhrases.FirstYear} and {DatePhrases.LastYear}.",
        SmallTalk = kind => kind switch
        {
            SmallTalkKind.Greeting => "Hi! Ask me about the measures in the follow-up plans, for example \"what is overdue?\" or \"status of PLIVO\".",
            SmallTalkKind.Thanks => "You're welcome!",
            SmallTalkKind.WhoAreYou => "I'm TeamsBot: I keep track of the measures in the Norwegian Police Directorate's follow-up plans. Type \"help\" to see what you can ask.",
            _ => "👍",
        },
    };
}
