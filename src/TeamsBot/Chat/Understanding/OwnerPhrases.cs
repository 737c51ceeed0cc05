using System.Text.RegularExpressions;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// The owner units as people name them in a question: every alias in <see cref="OwnerUnits"/> plus the short and
/// English forms of speech («departementet», "the Ministry", "the Correctional Service's directorate") that plan prose
/// never uses (so they stay out of the importer's matching).
/// </summary>
public static class OwnerPhrases
{
    private static readonly Dictionary<string, string[]> Spoken = new(StringComparer.Ordinal)
    {
        ["JD"] = ["departementet", "justisdepartementet", "the ministry", "ministry", "justice ministry", "ministry of justice and public security"],
        ["KDI"] =
        [
            "correctional service s directorate", "the correctional service s directorate", "directorate of the correctional service",
            "directorate of the norwegian correctional service", "correctional services directorate", "directorate of correctional services",
            "correctional service directorate",
        ],
        ["PHS"] = ["politihøgskulen", "politihogskolen", "police college", "police academy"],
        ["PST"] = ["security service", "the security service"],
        ["Oslo pd"] = ["oslo police", "oslo-politiet", "oslopolitiet", "oslo police district", "politiet i oslo"],
        ["Politidistriktene"] = ["politidistrikta", "distrikta", "the districts", "districts", "police district"],
        ["POD"] = ["politidirektoratet", "the directorate", "directorate"],
        ["Helsedirektoratet"] = ["health directorate", "directorate of health"],
    };

    // Compiled once, longest first: building these per question overflowed the regex cache and cost milliseconds a question.
    private static readonly IReadOnlyList<(string Unit, Regex Pattern)> Patterns = OwnerUnits.All
        .SelectMany(unit => unit.Aliases.Concat(Spoken.GetValueOrDefault(unit.Name, [])).Select(alias => (unit.Name, Alias: ChatText.Normalize(alias))))
        .DistinctBy(x => x.Alias)
        .OrderByDescending(x => x.Alias.Length)
        .Select(x => (x.Name, new Regex($@"(?<![\p{{L}}\p{{N}}])(?:the\s+)?{Regex.Escape(x.Alias)}s?(?:\s+s)?(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant)))
        .ToList();

    /// <summary>The first unit (longest name first) named in <paramref name="text"/> (normalized), with its words removed.</summary>
    public static string? Extract(ref string text)
    {
        foreach (var (unit, pattern) in Patterns)
        {
            var match = pattern.Match(text);
            if (!match.Success) continue;
            text = text.Remove(match.Index, match.Length).Insert(match.Index, " ");
            return unit;
        }
        return null;
    }
}
