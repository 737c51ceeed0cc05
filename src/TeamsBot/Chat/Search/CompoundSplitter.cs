namespace TeamsBot.Chat.Search;

/// <summary>
/// Splits a Norwegian compound ("risikovurderingsverktøy") into words a vocabulary knows ("risiko", "vurderings",
/// "verktøy"). Parts are at least <see cref="MinPart"/> letters; a linking -s- or -e- may sit between two parts (it
/// stays on the first part, where the stemmer takes an -s away). One part may be unknown when it is long enough
/// ("vedlikeholds|trening"), as long as another part is known. Among all splits the one with fewest unknown parts,
/// then fewest parts, then the longest first part wins.
/// </summary>
public static class CompoundSplitter
{
    public const int MinPart = 4;
    private const int MinUnknownPart = 5;
    private const int MinWord = 8;

    /// <summary>The parts, or an empty list when the word is short or does not split.</summary>
    public static IReadOnlyList<string> Split(string word, Func<string, bool> isKnown)
    {
        if (word.Length < MinWord || word.Any(c => !char.IsLetter(c))) return [];
        var memo = new Dictionary<(int, bool), Candidate?>();
        var best = Best(word, 0, unknownAllowed: true, isKnown, memo, isWhole: true);
        return best is { Parts.Count: >= 2, Known: >= 1 } ? best.Parts : [];
    }

    private sealed record Candidate(IReadOnlyList<string> Parts, int Unknown, int Known);

    private static Candidate? Best(
        string word, int start, bool unknownAllowed, Func<string, bool> isKnown, Dictionary<(int, bool), Candidate?> memo, bool isWhole)
    {
        if (start == word.Length) return new Candidate([], 0, 0);
        if (memo.TryGetValue((start, unknownAllowed), out var cached)) return cached;

        Candidate? best = null;
        for (var end = word.Length; end - start >= MinPart; end--)
        {
            if (isWhole && start == 0 && end == word.Length) continue;
            var piece = word[start..end];
            var known = isKnown(piece);
            if (!known && (!unknownAllowed || piece.Length < MinUnknownPart)) continue;

            // The part itself, or the part with a linking letter after it.
            foreach (var next in NextStarts(word, end))
            {
                var rest = Best(word, next, unknownAllowed && known, isKnown, memo, isWhole: false);
                if (rest is null) continue;
                var part = word[start..next];
                var candidate = new Candidate([part, .. rest.Parts], rest.Unknown + (known ? 0 : 1), rest.Known + (known ? 1 : 0));
                if (best is null || IsBetter(candidate, best)) best = candidate;
            }
        }
        memo[(start, unknownAllowed)] = best;
        return best;
    }

    private static IEnumerable<int> NextStarts(string word, int end)
    {
        yield return end;
        if (end < word.Length && word[end] is 's' or 'e' && word.Length - end - 1 >= MinPart) yield return end + 1;
    }

    private static bool IsBetter(Candidate a, Candidate b)
    {
        if (a.Unknown != b.Unknown) return a.Unknown < b.Unknown;
        if (a.Parts.Count != b.Parts.Count) return a.Parts.Count < b.Parts.Count;
        return a.Parts[0].Length > b.Parts[0].Length;
    }
}
