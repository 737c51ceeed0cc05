using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TeamsBot.Localization;

namespace TeamsBot.Chat.Search;

/// <summary>
/// Normalization, tokenizing and stemming shared by the search index, the query side and the intent parser.
/// Stateless: one instance can serve every thread.
/// </summary>
public sealed class TextAnalyzer
{
    private static readonly Regex Mention = new(
        "<at\\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex Markup = new(
        "<[^<>]*>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>
    /// Lower case (invariant), NFC, Teams mentions and other markup removed, punctuation turned into spaces; letters
    /// (æ, ø, å included), digits and hyphens inside words kept; single spaces between words.
    /// </summary>
    public string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Contains('<')) text = Markup.Replace(Mention.Replace(text, " "), " ");
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        text = text.ToLowerInvariant();

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                builder.Append(c);
            }
            else if (IsHyphen(c) && builder.Length > 0 && IsWordChar(builder[^1]) && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                builder.Append('-');
            }
            else if (IsApostrophe(c) && builder.Length > 0 && char.IsLetter(builder[^1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "PST's" → "psts": the stemmers take the genitive s away.
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>The words of <paramref name="text"/> without stop words, hyphenated words joined with their parts.</summary>
    public IReadOnlyList<AnalyzedToken> Tokenize(string? text, bool keepStopWords = false)
    {
        var tokens = new List<AnalyzedToken>();
        foreach (var word in Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Contains('-'))
            {
                if (keepStopWords || !StopWords.Contains(word)) tokens.Add(new AnalyzedToken(word));
                continue;
            }
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            var joined = string.Concat(parts);
            if (keepStopWords || !StopWords.Contains(joined)) tokens.Add(new AnalyzedToken(joined, parts));
        }
        return tokens;
    }

    /// <summary>
    /// The matching terms of <paramref name="text"/>: stop words removed, each word stemmed in <paramref name="language"/>;
    /// a hyphenated word gives its joined form and then its parts.
    /// </summary>
    public IReadOnlyList<string> Terms(string? text, UserLanguage language = UserLanguage.Bokmal)
    {
        var terms = new List<string>();
        foreach (var token in Tokenize(text))
        {
            terms.Add(Stem(token.Text, language));
            foreach (var part in token.Parts) terms.Add(Stem(part, language));
        }
        return terms;
    }

    /// <summary>One normalized word stemmed in <paramref name="language"/>; words with digits stay as they are.</summary>
    public string Stem(string word, UserLanguage language = UserLanguage.Bokmal)
    {
        if (word.Length == 0 || word.Any(char.IsDigit)) return word;
        return language == UserLanguage.English ? EnglishStemmer.Stem(word) : NorwegianStemmer.Stem(word);
    }

    /// <summary>The Norwegian letters written the way a keyboard without them does: æ → ae, ø → oe, å → aa.</summary>
    public static string Transliterate(string term)
    {
        if (term.AsSpan().IndexOfAny("æøå") < 0) return term;
        return term.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);
    }

    /// <summary>The reverse of <see cref="Transliterate"/>, for a word typed on a keyboard without æ, ø and å.</summary>
    public static string Untransliterate(string word)
    {
        if (!word.Contains("ae", StringComparison.Ordinal) && !word.Contains("oe", StringComparison.Ordinal) &&
            !word.Contains("aa", StringComparison.Ordinal)) return word;
        return word.Replace("aa", "å", StringComparison.Ordinal).Replace("ae", "æ", StringComparison.Ordinal).Replace("oe", "ø", StringComparison.Ordinal);
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';
}
