namespace TeamsBot.Chat.Search;

/// <summary>Whether a vocabulary knows a word as written (the splitter asks about slices of a compound).</summary>
public delegate bool KnownWord(ReadOnlySpan<char> word);

/// <summary>
/// Splits a Norwegian compound ("risikovurderingsverktøy") into words a vocabulary knows ("risiko", "vurderings",
/// "verktøy"). Parts are at least <see cref="MinPart"/> letters; a linking -s- or -e- may sit between two parts (it
/// stays on the first part, where the stemmer takes an -s away). The last part may be inflected: it counts as known
/// when its stem is. One part may be unknown when it is long enough ("vedlikeholds|trening"), as long as another part
/// is known. Among all splits the one with fewest unknown parts, then fewest parts, then the longest first part wins.
/// </summary>
public static class CompoundSplitter
{
    public const int MinPart = 4;
    private const int MinUnknownPart = 5;
    private const int MinWord = 8;

    /// <summary>The parts, or an empty list when the word is short or does not split.</summary>
    public static IReadOnlyList<string> Split(string word, KnownWord isKnown)
    {
        if (word.Length < MinWord) return [];
        foreach (var c in word)
            if (!char.IsLetter(c)) return [];
        var memo = new Dictionary<(int, bool), Candidate?>();
        var best = Best(word, 0, unknownAllowed: true, isKnown, memo);
        return best is { Parts.Count: >= 2, Known: >= 1 } ? best.Parts : [];
    }

    private sealed record Candidate(IReadOnlyList<string> Parts, int Unknown, int Known);

    private static readonly Candidate End = new([], 0, 0);

    private static Candidate? Best(string word, int start, bool unknownAllowed, KnownWord isKnown, Dictionary<(int, bool), Candidate?> memo)
    {
        if (start == word.Length) return End;
        if (memo.TryGetValue((start, unknownAllowed), out var cached)) return cached;

        Candidate? best = null;
        for (var end = word.Length; end - start >= MinPart; end--)
        {
            if (start == 0 && end == word.Length) continue;
            var piece = word.AsSpan(start, end - start);
            var known = isKnown(piece) || (end == word.Length && isKnown(NorwegianStemmer.Stem(piece.ToString())));
            if (!known && (!unknownAllowed || piece.Length < MinUnknownPart)) continue;

            // The part itself, or the part with a linking letter after it.
            for (var next = end; next <= end + 1; next++)
            {
                if (next > end && !(end < word.Length && word[end] is 's' or 'e' && word.Length - next >= MinPart)) break;
                var rest = Best(word, next, unknownAllowed && known, isKnown, memo);
                if (rest is null) continue;
                var candidate = new Candidate([word[start..next], .. rest.Parts], rest.Unknown + (known ? 0 : 1), rest.Known + (known ? 1 : 0));
                if (best is null || IsBetter(candidate, best)) best = candidate;
            }
        }
        memo[(start, unknownAllowed)] = best;
        return best;
    }

    private static bool IsBetter(Candidate a, Candidate b)
    {
        if (a.Unknown != b.Unknown) return a.Unknown < b.Unknown;
        if (a.Parts.Count != b.Parts.Count) return a.Parts.Count < b.Parts.Count;
        return a.Parts[0].Length > b.Parts[0].Length;
    }
}
