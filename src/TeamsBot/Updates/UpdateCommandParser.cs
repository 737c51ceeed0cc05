using System.Text.RegularExpressions;

namespace TeamsBot.Updates;

public enum UpdateCommandKind { Update, History }

/// <summary>«oppdater X» / «update X» or «historikk X» / «history X»; <see cref="Query"/> is empty when no measure was named.</summary>
public sealed record UpdateCommand(UpdateCommandKind Kind, string Query);

/// <summary>Recognises the two chat commands by their first words; what follows names the measure.</summary>
public static partial class UpdateCommandParser
{
    public static UpdateCommand? Parse(string? text)
    {
        var match = Command().Match((text ?? "").Trim());
        if (!match.Success) return null;
        var kind = match.Groups["update"].Success ? UpdateCommandKind.Update : UpdateCommandKind.History;
        var query = match.Groups["query"].Value.Trim().TrimEnd('?', '!', '.').Trim().Trim('«', '»', '"', '\'').Trim();
        return new UpdateCommand(kind, query);
    }

    [GeneratedRegex(
        @"^(?:(?<update>oppdater|oppdatér|oppdatere|update)(?:\s+(?:status(?:en)?|the\s+status))?|(?:vis\s+|show\s+)?(?<history>historikk(?:en)?|history|endringslogg(?:en)?|change\s+log))" +
        @"(?:\s*[:\-–]\s*|\s+(?:(?:for|på|til|av|of|on|for\s+the)\s+)?|$)(?<query>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Command();
}
