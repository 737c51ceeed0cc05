namespace TeamsBot.Chat.Search;

/// <summary>
/// One word of a text after normalization. A hyphenated word ("mangfolds-koordinatorer") is <see cref="Text"/> joined
/// ("mangfoldskoordinatorer") with its <see cref="Parts"/> ("mangfolds", "koordinatorer"); other words have no parts.
/// </summary>
public sealed record AnalyzedToken(string Text, IReadOnlyList<string> Parts)
{
    public AnalyzedToken(string text) : this(text, []) { }
}
