using System.Text.RegularExpressions;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// How people name plans in chat: «25. juni», «22. juli-evalueringen», "July 22", «faglige råd». Derived from the plan
/// ids and titles, so a newly imported plan is recognised without code changes, and from <see cref="PlanAliases"/>
/// (the events the plans follow up).
/// </summary>
public static partial class PlanReferences
{
    private static readonly Dictionary<string, string> EnglishMonths = new()
    {
        ["januar"] = "january", ["februar"] = "february", ["mars"] = "march", ["april"] = "april", ["mai"] = "may",
        ["juni"] = "june", ["juli"] = "july", ["august"] = "august", ["september"] = "september", ["oktober"] = "october",
        ["november"] = "november", ["desember"] = "december",
    };

    [GeneratedRegex(@"^(?<day>\d{1,2})-(?<month>[a-zæøå]+)$")]
    private static partial Regex DayMonthId();

    private static readonly string[] Suffixes = ["-evalueringen", "evalueringen", "-planen", "planen", "s", ""];

    /// <summary>Removes the longest plan name found in <paramref name="text"/> (lower case) and returns that plan's id.</summary>
    public static (string? PlanId, string Remaining) Extract(string text, IEnumerable<Plan> plans)
    {
        (string Id, int Index, int Length) best = (null!, -1, 0);
        foreach (var plan in plans)
            foreach (var alias in AliasesOf(plan))
                if (Find(text, alias) is { } hit && hit.Length > best.Length) best = (plan.Id, hit.Index, hit.Length);
        return best.Index < 0
            ? (null, text)
            : (best.Id, text.Remove(best.Index, best.Length).Insert(best.Index, " "));
    }

    /// <summary>The alias as a whole word (optionally followed by «-evalueringen», «planen», a genitive s).</summary>
    private static (int Index, int Length)? Find(string text, string alias)
    {
        for (var at = text.IndexOf(alias, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alias, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && char.IsLetterOrDigit(text[at - 1])) continue;
            var end = at + alias.Length;
            foreach (var suffix in Suffixes)
            {
                if (!text.AsSpan(end).StartsWith(suffix, StringComparison.Ordinal)) continue;
                var stop = end + suffix.Length;
                if (stop < text.Length && char.IsLetterOrDigit(text[stop])) continue;
                return (at, stop - at);
            }
        }
        return null;
    }

    public static IEnumerable<string> AliasesOf(Plan plan)
    {
        var id = plan.Id.ToLowerInvariant();
        yield return id;
        foreach (var alias in PlanAliases.ByPlanId.GetValueOrDefault(plan.Id, [])) yield return alias;
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
