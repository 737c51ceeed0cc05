using TeamsBot.Localization;

namespace TeamsBot.Chat;

/// <summary>The chat's own sentences around the answer cards (the cards carry their own texts), per language.</summary>
public sealed record ChatTexts
{
    public required string Overdue { get; init; }
    public required string NoneOverdue { get; init; }
    public required Func<string, string> DueBetween { get; init; }
    public required Func<string, string> NoneDueBetween { get; init; }
    public required Func<string, string> ChangedBetween { get; init; }
    public required Func<string, string> NoneChangedBetween { get; init; }
    public required string Measures { get; init; }
    public required string NoneMatch { get; init; }
    public required Func<string, string, string> OwnedBy { get; init; }
    public required Func<string, string> NoOwnerKnown { get; init; }
    public required string And { get; init; }
    public required string Since { get; init; }
    public required string Until { get; init; }

    public static ChatTexts For(UserLanguage language) => language == UserLanguage.English ? English : Bokmal;

    public static readonly ChatTexts Bokmal = new()
    {
        Overdue = "Tiltak der fristen er passert",
        NoneOverdue = "Ingen tiltak har passert fristen uten å være iverksatt.",
        DueBetween = period => $"Frister {period}",
        NoneDueBetween = period => $"Ingen tiltak som ikke er iverksatt har frist {period}.",
        ChangedBetween = period => $"Endret {period}",
        NoneChangedBetween = period => $"Ingen tiltak er endret {period}.",
        Measures = "Tiltak",
        NoneMatch = "Ingen tiltak passer med det du spurte om.",
        OwnedBy = (title, owners) => $"**{title}** eies av {owners}.",
        NoOwnerKnown = title => $"Planen oppgir ingen eier for **{title}**.",
        And = "og",
        Since = "siden",
        Until = "til og med",
    };

    public static readonly ChatTexts English = new()
    {
        Overdue = "Measures past their deadline",
        NoneOverdue = "No measure is past its deadline without being implemented.",
        DueBetween = period => $"Deadlines {period}",
        NoneDueBetween = period => $"No measure that is not implemented has a deadline {period}.",
        ChangedBetween = period => $"Changed {period}",
        NoneChangedBetween = period => $"No measures changed {period}.",
        Measures = "Measures",
        NoneMatch = "No measures match what you asked for.",
        OwnedBy = (title, owners) => $"**{title}** is owned by {owners}.",
        NoOwnerKnown = title => $"The plan names no owner for **{title}**.",
        And = "and",
        Since = "since",
        Until = "until",
    };
}
