using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsBot.Digest;

public enum DigestCommandKind { Subscribe, Show, Stop, Now }

/// <summary>A recognised brief command. For Subscribe: the schedule (null = invalid time/day given) and filter words.</summary>
public sealed record DigestCommand(
    DigestCommandKind Kind,
    DigestSchedule? Schedule = null,
    IReadOnlyList<string>? PlanWords = null,
    IReadOnlyList<string>? AreaWords = null);

/// <summary>
/// Recognises the brief's channel commands, in bokmål and English: «abonner på ukentlig brief [mandag 09:00] [plan X]
/// [område Y]», «vis abonnement», «stopp brief», «brief nå». Anything else is left to the other commands.
/// </summary>
public static partial class DigestCommandParser
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mandag"] = DayOfWeek.Monday, ["tirsdag"] = DayOfWeek.Tuesday, ["onsdag"] = DayOfWeek.Wednesday,
        ["torsdag"] = DayOfWeek.Thursday, ["fredag"] = DayOfWeek.Friday, ["lørdag"] = DayOfWeek.Saturday, ["søndag"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["mandager"] = DayOfWeek.Monday, ["tirsdager"] = DayOfWeek.Tuesday, ["onsdager"] = DayOfWeek.Wednesday,
        ["torsdager"] = DayOfWeek.Thursday, ["fredager"] = DayOfWeek.Friday, ["mondays"] = DayOfWeek.Monday,
        ["tuesdays"] = DayOfWeek.Tuesday, ["wednesdays"] = DayOfWeek.Wednesday, ["thursdays"] = DayOfWeek.Thursday, ["fridays"] = DayOfWeek.Friday,
    };

    public static DigestCommand? Parse(string text)
    {
        var normalized = Whitespace().Replace(text.Trim().TrimEnd('.', '!', '?'), " ").ToLowerInvariant();
        switch (normalized)
        {
            case "vis abonnement" or "vis abonnementet" or "vis brief-abonnement" or "show subscription" or "show the subscription":
                return new DigestCommand(DigestCommandKind.Show);
            case "stopp brief" or "stopp briefen" or "stopp ukentlig brief" or "stopp abonnement" or "stopp abonnementet" or "avslutt abonnement"
                or "stop brief" or "stop the brief" or "stop weekly brief" or "unsubscribe" or "unsubscribe from weekly brief":
                return new DigestCommand(DigestCommandKind.Stop);
            case "brief nå" or "brief na" or "send brief nå" or "brief now" or "send brief now":
                return new DigestCommand(DigestCommandKind.Now);
        }

        var subscribe = SubscribePrefix().Match(normalized);
        return subscribe.Success ? ParseSubscribe(normalized[subscribe.Length..]) : null;
    }

    private static DigestCommand ParseSubscribe(string rest)
    {
        var day = DigestSchedule.Default.Day;
        var time = DigestSchedule.Default.Time;
        var plans = new List<string>();
        var areas = new List<string>();
        var valid = true;
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim(',');
            if (word is "" or "kl" or "kl." or "klokka" or "klokken" or "at" or "hver" or "every" or "på" or "on" or "og" or "and") continue;
            if (Days.TryGetValue(word, out var d)) day = d;
            else if (TimeOfDay().Match(word) is { Success: true } m)
            {
                var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
                var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                if (hour > 23 || minute > 59) valid = false;
                else time = new TimeOnly(hour, minute);
            }
            else if (word is "plan" or "planen" && i + 1 < words.Length) plans.Add(words[++i].Trim(','));
            else if (word is "område" or "området" or "area" && i + 1 < words.Length) areas.Add(words[++i].Trim(','));
            else valid = false;
        }
        return new DigestCommand(DigestCommandKind.Subscribe, valid ? new DigestSchedule(day, time) : null, plans, areas);
    }

    [GeneratedRegex(@"^(abonner( på)?( den)?( ukentlige?)?( brief(en)?)?|subscribe( to)?( the)?( weekly)?( brief)?)\b")]
    private static partial Regex SubscribePrefix();

    [GeneratedRegex(@"^(?<h>\d{1,2})([:.](?<m>\d{2}))?$")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
