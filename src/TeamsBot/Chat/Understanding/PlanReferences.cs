using System.Text.RegularExpressions;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// How people name plans in chat: «25. juni», «22. juli-evalueringen», "July 22", «faglige råd». Derived from the plan
/// ids and titles, so a newly imported plan is recognised without code changes.
/// </summary>
public static partial class PlanReferences
{
    private static readonly IReadOnlyDictionary<string, string> EnglishMonths = new Dictionary<string, string>
    {
        ["januar"] = "january", ["februar"] = "february", ["mars"] = "march", ["april"] = "april", ["mai"] = "may",
        ["juni"] = "june", ["juli"] = "july", ["august"] = "august", ["september"] = "september", ["oktober"] = "october",
        ["november"] = "november", ["desember"] = "december",
    };

    [GeneratedRegex(@"^(?<day>\d{1,2})-(?<month>[a-zæøå]+)$")]
    private static partial Regex DayMonthId();

    /// <summary>Removes the longest plan name found in <paramref name="text"/> (lower case) and returns that plan's id.</summary>
    public static (string? PlanId, string Remaining) Extract(string text, IEnumerable<Plan> plans)
    {
        var best = plans
            .SelectMany(p => AliasesOf(p).Select(alias => (p.Id, alias)))
            .Select(x => (x.Id, x.alias, Match: Regex.Match(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(x.alias)}(?:-?evalueringen|-?planen|s)?(?![\p{{L}}\p{{N}}])")))
            .Where(x => x.Match.Success)
            .OrderByDescending(x => x.Match.Length)
            .FirstOrDefault();
        return best.Match is { Success: true } match
            ? (best.Id, text.Remove(match.Index, match.Length).Insert(match.Index, " "))
            : (null, text);
    }

    public static IEnumerable<string> AliasesOf(Plan plan)
    {
        var id = plan.Id.ToLowerInvariant();
        yield return id;
        yield return id.Replace('-', ' ');
        if (DayMonthId().Match(id) is { Success: true } dayMonth)
        {
            var day = dayMonth.Groups["day"].Value;
            var month = dayMonth.Groups["month"].Value;
            yield return $"{day}. {month}";
            yield return $"{day}.{month}";
            if (EnglishMonths.TryGetValue(month, out var english))
            {
                yield return $"{day} {english}";
                yield return $"{english} {day}";
            }
            yield break;
        }
        // Ids are ASCII ("faglige-rad-2025"); people write the title's words ("faglige råd"), often without the year.
        var words = plan.Title.ToLowerInvariant().Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
        var idWords = id.Split('-').Where(w => !w.All(char.IsDigit)).ToArray();
        var titleWords = words.Where(w => idWords.Any(i => Transliterate(w) == i)).ToArray();
        if (titleWords.Length >= 2) yield return string.Join(' ', titleWords);
        if (idWords.Length >= 2) yield return string.Join(' ', idWords);
    }

    private static string Transliterate(string word) =>
        word.Replace("å", "a").Replace("æ", "ae").Replace("ø", "o");
}
