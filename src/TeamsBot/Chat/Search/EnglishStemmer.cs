namespace TeamsBot.Chat.Search;

/// <summary>
/// A light English stemmer: plural -s/-es/-ies, -ing, -ed and a final -e, so that "drills"/"drill",
/// "training"/"trained"/"train" and "share"/"sharing" meet. Deliberately no derivational suffixes.
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3) return word;
        var stem = Plural(word);
        stem = Inflection(stem);
        if (stem.Length > 4 && stem[^1] == 'e') stem = stem[..^1];
        return stem;
    }

    private static string Plural(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) ||
            word.EndsWith("xes", StringComparison.Ordinal)) return word[..^2];
        if (word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) &&
            !word.EndsWith("is", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    private static string Inflection(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed"])
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var rest = word[..^suffix.Length];
            if (rest.Length < 3 || !rest.Any(IsVowel)) return word;
            // "running" → "run", but "drilling" → "drill" and "missed" → "miss".
            if (rest.Length >= 2 && rest[^1] == rest[^2] && !IsVowel(rest[^1]) && rest[^1] is not ('l' or 's' or 'z'))
                rest = rest[..^1];
            return rest;
        }
        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
