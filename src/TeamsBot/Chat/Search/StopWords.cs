using System.Collections.Frozen;

namespace TeamsBot.Chat.Search;

/// <summary>Words that carry no topic in a question or a measure text, in bokmål (also written without æ/ø/å) and English.</summary>
public static class StopWords
{
    public static FrozenSet<string> All { get; } = new[]
    {
        // bokmål
        "og", "i", "på", "paa", "for", "av", "til", "med", "som", "er", "var", "være", "vaere", "blir", "ble", "bli", "har",
        "hadde", "hva", "hvem", "hvor", "hvordan", "hvorfor", "hvilke", "hvilken", "hvilket", "når", "naar", "det", "den",
        "de", "dem", "dette", "disse", "denne", "en", "et", "ei", "at", "å", "aa", "om", "fra", "ved", "eller", "men", "så",
        "saa", "jeg", "du", "vi", "dere", "meg", "deg", "oss", "seg", "sin", "sitt", "sine", "min", "mitt", "mine", "din",
        "ditt", "dine", "vår", "vaar", "vårt", "vaart", "våre", "vaare", "deres", "hans", "hennes", "ikke", "også", "ogsaa",
        "mellom", "over", "under", "etter", "før", "foer", "inn", "ut", "opp", "ned", "skal", "kan", "vil", "må", "maa",
        "bør", "boer", "kunne", "skulle", "ville", "noe", "noen", "alle", "alt", "hver", "hvert", "mot", "uten", "her", "der",
        "nå", "naa", "da", "enn", "samt", "herunder", "bl", "mfl", "evt", "iht", "ca", "osv", "vis", "finn", "gi", "si",
        "fortell", "gjelder", "angående", "angaaende", "ang", "handler", "står", "staar",
        // English
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "into", "about",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "what", "which", "who",
        "whom", "whose", "where", "when", "how", "why", "this", "that", "these", "those", "there", "their", "them", "they",
        "it", "its", "me", "my", "we", "our", "us", "you", "your", "i", "he", "she", "his", "her", "than", "then", "so",
        "not", "no", "any", "all", "some", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
        "show", "tell", "find", "give", "list", "please", "regarding", "concerning", "between", "s",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => All.Contains(word);
}
