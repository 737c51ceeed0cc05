using System.Globalization;
using System.Text;

namespace TeamsBot.Chat;

/// <summary>Maps what a user typed (mentions already removed) to what they want. Deterministic: a word list, no guessing.</summary>
public static class ChatIntentParser
{
    private static readonly IReadOnlyDictionary<string, ChatIntent> Phrases = new Dictionary<string, ChatIntent>(StringComparer.Ordinal)
    {
        ["hjelp"] = ChatIntent.Help,
        ["help"] = ChatIntent.Help,
        ["hva kan du"] = ChatIntent.Help,
        ["what can you do"] = ChatIntent.Help,
        ["planer"] = ChatIntent.Plans,
        ["planene"] = ChatIntent.Plans,
        ["vis planer"] = ChatIntent.Plans,
        ["plans"] = ChatIntent.Plans,
        ["show plans"] = ChatIntent.Plans,
        ["list plans"] = ChatIntent.Plans,
        ["oversikt"] = ChatIntent.Plans,
        ["overview"] = ChatIntent.Plans,
    };

    public static ChatIntent Parse(string? text) =>
        Phrases.GetValueOrDefault(Normalize(text), ChatIntent.Unknown);

    /// <summary>Lower case, punctuation and extra spaces removed; letters (æ, ø, å included) and digits kept.</summary>
    public static string Normalize(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            else if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        return builder.ToString().Trim();
    }
}
