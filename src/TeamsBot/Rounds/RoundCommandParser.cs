using System.Text.RegularExpressions;
using TeamsBot.Chat.Understanding;

namespace TeamsBot.Rounds;

public enum RoundCommandKind { Start, Missing, Status, Close, ShowOwners, AddOwner }

/// <summary>
/// A round command as typed. <see cref="Rest"/> is the normalized text after the command words (plan and deadline
/// words); <see cref="Note"/> the coordinator's message after a colon; <see cref="Person"/>/<see cref="Unit"/> the
/// mapping's words as typed.
/// </summary>
public sealed record RoundCommand(RoundCommandKind Kind, string Rest, string? Note = null, string? Person = null, string? Unit = null);

/// <summary>Reads the round commands in bokmål and English, with their natural variants.</summary>
public static partial class RoundCommandParser
{
    [GeneratedRegex(@"^(?:kan du\s+|vennligst\s+)?(?:be\s+om|ber\s+om|innhent|hent\s+inn|start(?:e)?(?:\s+en)?(?:\s+ny)?)\s+(?:status(?:rapport(?:er)?|oppdatering(?:er)?|runde|en)?|rapport(?:er|ering)?|statusrunde)\b(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StartBokmal();

    [GeneratedRegex(@"^(?:please\s+)?(?:request|ask\s+for|collect|start)\s+(?:a\s+|the\s+|new\s+|a\s+new\s+)?(?:status(?:\s+updates?|\s+reports?|\s+round)?|reports?|reporting\s+round)\b(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StartEnglish();

    [GeneratedRegex(@"^(?:hvem|hva|hvilke)\s+(?:mangler|gjenstår|har\s+ikke\s+(?:svart|levert|rapportert))\b(?<rest>.*)$|^(?:who|what)\s+(?:is\s+|s\s+|are\s+)?(?:still\s+)?(?:missing|outstanding)\b(?<rest>.*)$|^who\s+(?:has|have)\s*(?:n\s+t|not)\s+(?:yet\s+)?(?:answered|replied|reported)\b(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Missing();

    [GeneratedRegex(@"^(?:status|stand)\s+(?:for|på|i)\s+(?:status)?runden\b(?<rest>.*)$|^rundestatus\b(?<rest>.*)$|^(?:round\s+status|status\s+of\s+the\s+round|how\s+is\s+the\s+round\s+going)\b(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Status();

    [GeneratedRegex(@"^(?:avslutt|lukk|steng)\s+(?:status)?runden\b(?<rest>.*)$|^(?:close|end|finish)\s+(?:the\s+)?(?:status\s+)?round\b(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Close();

    [GeneratedRegex(@"^\s*(?:hvem\s+(?:svarer|rapporterer)\s+for|who\s+(?:answers|reports|responds)\s+for)\s+(?<unit>[^?!]+?)[\s?!.]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ShowOwners();

    [GeneratedRegex(@"^\s*(?:legg\s+til|add)\s+(?<person>.+?)\s+(?:som\s+eier\s+for|as\s+(?:an\s+)?owner\s+for|for)\s+(?<unit>[^?!]+?)[\s?!.]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AddOwner();

    public static RoundCommand? Parse(string text)
    {
        if (AddOwner().Match(text) is { Success: true } add)
            return new RoundCommand(RoundCommandKind.AddOwner, "", Person: add.Groups["person"].Value.Trim(), Unit: add.Groups["unit"].Value.Trim());

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var command = ChatText.Normalize(colon > 0 ? text[..colon] : text);
        if (StartBokmal().Match(command) is { Success: true } nb) return new RoundCommand(RoundCommandKind.Start, nb.Groups["rest"].Value.Trim(), Note(text, colon));
        if (StartEnglish().Match(command) is { Success: true } en) return new RoundCommand(RoundCommandKind.Start, en.Groups["rest"].Value.Trim(), Note(text, colon));

        var normalized = ChatText.Normalize(text);
        if (Missing().Match(normalized) is { Success: true } missing) return new RoundCommand(RoundCommandKind.Missing, Rest(missing));
        if (Status().Match(normalized) is { Success: true } status) return new RoundCommand(RoundCommandKind.Status, Rest(status));
        if (Close().Match(normalized) is { Success: true } close) return new RoundCommand(RoundCommandKind.Close, Rest(close));
        if (ShowOwners().Match(text) is { Success: true } show)
            return new RoundCommand(RoundCommandKind.ShowOwners, "", Unit: show.Groups["unit"].Value.Trim());
        return null;
    }

    private static string Rest(Match match) => match.Groups["rest"].Value.Trim();

    private static string? Note(string text, int colon) => colon > 0 && text[(colon + 1)..].Trim() is { Length: > 0 } note ? note : null;
}
