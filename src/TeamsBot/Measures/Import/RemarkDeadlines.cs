using System.Text.RegularExpressions;

namespace TeamsBot.Measures.Import;

/// <summary>
/// Finds the deadline in a remark. Remarks also record what happened ("oversendt JD i mars 2022", "godkjent
/// 29.11.2022"), so a date counts only when it looks forward:
/// <list type="bullet">
/// <item>strong: right after "innen"/"senest"/"frist er"/"by"/"no later than", or later in a sentence that says
/// "frist"/"deadline" — the first strong date wins;</item>
/// <item>otherwise the first date in a sentence with a forward word ("skal", "ferdigstilles", "forventes", "will",
/// "planned"), unless its own clause has a past word ("ble", "har", "was") or it is a start ("fra", "from").</item>
/// </list>
/// </summary>
internal static partial class RemarkDeadlines
{
    private sealed record Mention(int Index, int Length, DateOnly? Date, string Text);

    public static (DateOnly? Deadline, string? Text) Find(string remark, RemarkDeadlineVocabulary words, DateOnly? reference)
    {
        Mention? strong = null, weak = null;
        foreach (var sentence in Sentences(remark))
        {
            var forwardSentence = words.ForwardWord.IsMatch(sentence);
            foreach (var mention in Mentions(sentence, words, reference))
            {
                var before = sentence[..mention.Index];
                if (words.StartCueBefore.IsMatch(before)) continue;
                if (words.StrongCueBefore.IsMatch(before) || words.DeadlineWord.IsMatch(before))
                    strong ??= mention;
                else if (forwardSentence && !words.PastWord.IsMatch(Clause(before)))
                    weak ??= mention;
            }
            if (strong is not null) break;
        }
        var chosen = strong ?? weak;
        return (chosen?.Date, chosen?.Text);
    }

    private static IEnumerable<string> Sentences(string remark) =>
        remark.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(paragraph => SentenceEnd().Split(paragraph));

    // The dates of a sentence, left to right; where patterns overlap the longest match wins
    // ("1. september 2023" is not also "september 2023").
    private static IEnumerable<Mention> Mentions(string sentence, RemarkDeadlineVocabulary words, DateOnly? reference)
    {
        var hits = words.Dates
            .SelectMany(pattern => pattern.Regex.Matches(sentence).Select(match => (pattern, match)))
            .OrderBy(hit => hit.match.Index)
            .ThenByDescending(hit => hit.match.Length);
        var end = 0;
        foreach (var (pattern, match) in hits)
        {
            if (match.Index < end) continue;
            var text = match.Value;
            if (pattern.NeedsLeadIn)
            {
                var leadIn = words.YearLeadIn.Match(sentence[..match.Index]);
                if (!leadIn.Success) continue;
                if (leadIn.Groups["phrase"].Success) text = $"{leadIn.Groups["phrase"].Value} {text}";
            }
            end = match.Index + match.Length;
            yield return new Mention(match.Index, match.Length, pattern.LastDay(match, reference), Spaces().Replace(text, " "));
        }
    }

    private static string Clause(string before) => before[(before.LastIndexOfAny([',', ';', ':']) + 1)..];

    // A full stop ends a sentence only before a capital letter, so "1. september" and "evt. tiltak" stay whole.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
