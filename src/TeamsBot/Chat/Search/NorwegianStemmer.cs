namespace TeamsBot.Chat.Search;

/// <summary>
/// The Snowball stemming algorithm for Norwegian (bokmål), written from its published description at snowballstem.org:
/// R1, step 1 (main suffixes, the -ers and -s rules, -erte/-ert → -er), step 2 (-dt/-vt lose the t), step 3 (other
/// suffixes). Input is one lower-case word.
/// </summary>
public static class NorwegianStemmer
{
    private const string Vowels = "aeêioòóôuyæåø";

    // Letters after which a final -s is an ending and may go ("k" and "r" have their own conditions below).
    private const string SEndings = "bcdfghjlmnoptvyz";

    // Longest first, so that the first suffix found is the longest one (the description's "longest among").
    private static readonly string[] Step1Suffixes = SortLongestFirst(
        "a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar", "er", "heter", "as", "es", "edes",
        "endes", "enes", "hetenes", "ens", "hetens", "ets", "et", "het", "ast", "ers", "s", "erte", "ert");

    // Before -ers: the first group keeps the word as it is; the second group are exceptions to the first (their last
    // letters are in it) after which -ers goes; any other ending: -ers goes.
    private static readonly string[] ErsKeep = SortLongestFirst("amm", "ast", "ind", "kap", "kk", "lt", "nk", "omm", "pp", "v", "øst");
    private static readonly string[] ErsDelete = SortLongestFirst("giv", "hav", "skap");

    private static readonly string[] Step3Suffixes = SortLongestFirst(
        "leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov");

    public static string Stem(string word)
    {
        if (word.Length < 3) return word;
        var r1 = RegionR1(word);
        var stem = MainSuffix(word, r1);
        stem = ConsonantPair(stem, r1);
        return OtherSuffix(stem, r1);
    }

    /// <summary>R1 starts after the first non-vowel that follows a vowel, but never before the fourth letter.</summary>
    internal static int RegionR1(string word)
    {
        var r1 = word.Length;
        for (var i = 1; i < word.Length; i++)
        {
            if (IsVowel(word[i - 1]) && !IsVowel(word[i]))
            {
                r1 = i + 1;
                break;
            }
        }
        return Math.Max(r1, 3);
    }

    private static string MainSuffix(string word, int r1)
    {
        var suffix = LongestIn(word, Step1Suffixes, r1);
        if (suffix is null) return word;
        var before = word[..^suffix.Length];
        switch (suffix)
        {
            case "ers":
                if (EndsWithAny(before, ErsDelete)) return before;
                return EndsWithAny(before, ErsKeep) ? word : before;
            case "s":
                return IsValidSEnding(before) ? before : word;
            case "erte" or "ert":
                return before + "er";
            default:
                return before;
        }
    }

    private static bool IsValidSEnding(string before)
    {
        if (before.Length == 0) return false;
        var last = before[^1];
        if (SEndings.Contains(last)) return true;
        var previous = before.Length >= 2 ? before[^2] : '\0';
        return last switch
        {
            'k' => previous != '\0' && !IsVowel(previous),
            'r' => previous != '\0' && previous != 'e',
            _ => false,
        };
    }

    private static string ConsonantPair(string word, int r1) =>
        (word.EndsWith("dt", StringComparison.Ordinal) || word.EndsWith("vt", StringComparison.Ordinal)) && word.Length - 2 >= r1
            ? word[..^1]
            : word;

    private static string OtherSuffix(string word, int r1)
    {
        var suffix = LongestIn(word, Step3Suffixes, r1);
        return suffix is null ? word : word[..^suffix.Length];
    }

    /// <summary>The longest of <paramref name="suffixes"/> that ends the word and lies wholly in R1.</summary>
    private static string? LongestIn(string word, string[] suffixes, int r1)
    {
        foreach (var suffix in suffixes)
            if (word.Length - suffix.Length >= r1 && word.EndsWith(suffix, StringComparison.Ordinal))
                return suffix;
        return null;
    }

    private static bool EndsWithAny(string text, string[] endings)
    {
        foreach (var ending in endings)
            if (text.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c);

    private static string[] SortLongestFirst(params string[] suffixes) =>
        [.. suffixes.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
}
