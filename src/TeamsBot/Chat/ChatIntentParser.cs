using TeamsBot.Chat.Understanding;

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
        Phrases.GetValueOrDefault(ChatText.Normalize(text), ChatIntent.Unknown);
}
