using System.Collections.Frozen;

namespace TeamsBot.Chat.Understanding;

public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Acknowledgement,
    WhoAreYou,
}

/// <summary>
/// Greetings, thanks, «ok», emoji and "who are you" as whole messages (bokmål, nynorsk, English): they get a short
/// reply, never a search for measures.
/// </summary>
public static class SmallTalk
{
    private static readonly FrozenDictionary<string, SmallTalkKind> Phrases = Build(
        (SmallTalkKind.Greeting,
        [
            "hei", "hei hei", "heisann", "hallo", "halla", "hallais", "morn", "mornings", "god morgen", "god dag", "god ettermiddag",
            "god kveld", "hei bot", "hei teamsbot", "hei du", "heia", "hi", "hello", "hey", "hiya", "hey there", "hi there",
            "hello there", "good morning", "good afternoon", "good evening", "yo", "heisan", "hoi", "hallå", "god morgon",
        ]),
        (SmallTalkKind.Thanks,
        [
            "takk", "tusen takk", "takk skal du ha", "takk for hjelpen", "takker", "mange takk", "takk takk", "tusen hjertelig takk",
            "thanks", "thank you", "thank you very much", "thanks a lot", "thx", "ty", "cheers", "many thanks", "takk for det",
            "ok takk", "okei takk", "ok thanks", "ok thank you", "flott takk", "great thanks", "supert takk", "takk du",
        ]),
        (SmallTalkKind.Acknowledgement,
        [
            "ok", "okei", "okay", "okey", "oki", "k", "greit", "fint", "flott", "supert", "topp", "kult", "bra", "perfekt",
            "skjønner", "skjønt", "forstått", "den er grei", "great", "cool", "nice", "good", "fine", "got it", "alright",
            "all right", "perfect", "super", "ja", "nei", "yes", "no", "jepp", "japp", "nope", "yep", "sure", "fair enough",
        ]),
        (SmallTalkKind.WhoAreYou,
        [
            "hvem er du", "kven er du", "hva er du", "kva er du", "who are you", "what are you", "are you a bot",
            "er du en bot", "er du ein bot", "hva heter du", "kva heiter du", "what is your name", "what s your name",
        ]));

    /// <summary>The kind of small talk <paramref name="text"/> is as a whole, or null for anything else.</summary>
    public static SmallTalkKind? Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = ChatText.Normalize(text);
        // Only emoji, punctuation or symbols (👍, 🙂, :)): an acknowledgement.
        if (normalized.Length == 0) return SmallTalkKind.Acknowledgement;
        return Phrases.TryGetValue(normalized, out var kind) ? kind : null;
    }

    private static FrozenDictionary<string, SmallTalkKind> Build(params (SmallTalkKind Kind, string[] Phrases)[] groups) =>
        groups.SelectMany(g => g.Phrases.Select(p => (Phrase: ChatText.Normalize(p), g.Kind)))
            .DistinctBy(p => p.Phrase)
            .ToFrozenDictionary(p => p.Phrase, p => p.Kind, StringComparer.Ordinal);
}
