using TeamsBot.Localization;

namespace TeamsBot.Nudges;

/// <summary>What due-date nudges say, per language (kept together so the two stay in step).</summary>
public sealed record NudgeTexts
{
    /// <summary>(measure, plan, deadline)</summary>
    public required Func<string, string, string, string> DueSoon { get; init; }
    /// <summary>(measure, plan, deadline)</summary>
    public required Func<string, string, string, string> Overdue { get; init; }
    public required string HowToStop { get; init; }
    public required string TurnedOff { get; init; }
    public required Func<int, string> TurnedOn { get; init; }

    public static NudgeTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly NudgeTexts Bokmal = new()
    {
        DueSoon = (measure, plan, date) => $"Påminnelse: tiltaket «{measure}» i {plan} har frist {date}.",
        Overdue = (measure, plan, date) => $"Fristen for tiltaket «{measure}» i {plan} var {date}, og det er ikke iverksatt.",
        HowToStop = "Skriv «ingen påminnelser» om du ikke vil ha slike meldinger.",
        TurnedOff = "Greit, du får ikke flere fristpåminnelser (verken før fristen eller når den er passert). Skriv «slå på påminnelser» for å få dem igjen.",
        TurnedOn = days => $"Fristpåminnelser er slått på: du får en melding {days} dager før fristen for tiltakene dine, og en når fristen er passert.",
    };

    public static readonly NudgeTexts English = new()
    {
        DueSoon = (measure, plan, date) => $"Reminder: the measure \"{measure}\" in {plan} is due {date}.",
        Overdue = (measure, plan, date) => $"The deadline for the measure \"{measure}\" in {plan} was {date}, and it is not implemented.",
        HowToStop = "Type \"no reminders\" if you would rather not get these messages.",
        TurnedOff = "OK, you will get no more deadline reminders (neither before a deadline nor after it has passed). Type \"reminders on\" to get them again.",
        TurnedOn = days => $"Deadline reminders are on: you get a message {days} days before a deadline of your measures, and one when it has passed.",
    };
}
