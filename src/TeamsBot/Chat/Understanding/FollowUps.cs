using System.Text.RegularExpressions;

namespace TeamsBot.Chat.Understanding;

public enum FollowUpKind
{
    /// <summary>«vis flere», "more": the next page of the last list.</summary>
    More,
    /// <summary>«bare de pågående», "only Kripos": the last list's query, narrowed.</summary>
    Refine,
    /// <summary>«hva er fristen for den?», «og merknaden?», "and when is it due?": about the measure just shown.</summary>
    AboutShown,
}

/// <summary>What a follow-up asks about the measure just shown.</summary>
public enum ShownField
{
    Card,
    Deadline,
    Remark,
    Owners,
}

/// <summary>Recognises a message that only makes sense after the last answer (bokmål, nynorsk, English).</summary>
public static partial class FollowUps
{
    [GeneratedRegex(@"^(vis flere|vis fleire|flere|fleire|vis mer|mer|neste|neste side|more|show more|next|next page|see more|vis resten)$")]
    private static partial Regex MoreWords();

    [GeneratedRegex(@"^(bare|kun|berre|only|just)\b")]
    private static partial Regex RefineWords();

    [GeneratedRegex(@"^(og|and|hva med|kva med|what about|how about)\b|\b(den|det|dette|denne|det tiltaket|dette tiltaket|it|its|that|this|that one|this one|that measure|this measure)\b")]
    private static partial Regex PointingWords();

    [GeneratedRegex(@"\b(frist|fristen|deadline|due|when)\b")]
    private static partial Regex DeadlineWords();

    [GeneratedRegex(@"\b(merknad|merknaden|merknadene|kommentar|kommentaren|remark|remarks|comment|comments|note|notes)\b")]
    private static partial Regex RemarkWords();

    [GeneratedRegex(@"\b(eier|eiere|eierne|eig|ansvarlig|ansvarleg|ansvaret|hvem|kven|owner|owners|who|responsible)\b")]
    private static partial Regex OwnerWords();

    [GeneratedRegex(@"\b(status|statusen|står|stand|standing)\b")]
    private static partial Regex StatusWords();

    private const int MaxWords = 8;

    public static FollowUpKind? Recognize(string text)
    {
        var normalized = ChatText.Normalize(text);
        if (normalized.Length == 0) return null;
        if (MoreWords().IsMatch(normalized)) return FollowUpKind.More;
        if (RefineWords().IsMatch(normalized)) return FollowUpKind.Refine;
        var words = normalized.Split(' ').Length;
        if (words <= MaxWords && PointingWords().IsMatch(normalized) && Field(normalized) is not null) return FollowUpKind.AboutShown;
        return null;
    }

    /// <summary>The field a follow-up about the shown measure asks for, or null when it names none.</summary>
    public static ShownField? Field(string normalized) =>
        DeadlineWords().IsMatch(normalized) ? ShownField.Deadline
        : RemarkWords().IsMatch(normalized) ? ShownField.Remark
        : OwnerWords().IsMatch(normalized) ? ShownField.Owners
        : StatusWords().IsMatch(normalized) ? ShownField.Card
        : null;

    /// <summary>«bare de pågående» → «de pågående»: the words that narrow.</summary>
    public static string WithoutRefineWord(string text) => RefineWords().Replace(ChatText.Normalize(text), "").Trim();
}
