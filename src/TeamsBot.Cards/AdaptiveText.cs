using System.Text;
using System.Text.RegularExpressions;

namespace TeamsBot.Cards;

/// <summary>Helpers for putting user-written text into markdown-processed fields (TextBlock.Text, Fact title/value).</summary>
public static partial class AdaptiveText
{
    /// <summary>
    /// Makes <paramref name="text"/> display literally in a TextBlock or Fact. Teams (and the adaptivecards JS
    /// renderer with markdown-it) process a CommonMark subset, where a backslash before ASCII punctuation shows that
    /// character literally. So this puts a backslash before:
    /// <list type="bullet">
    /// <item>\ * _ ` [ ] ~ &lt; &amp; anywhere (emphasis, code, links/images, strikethrough, autolinks, entities);</item>
    /// <item>a line's first non-blank # &gt; - + = (headings, quotes, bullets, setext underlines, rules);</item>
    /// <item>the . or ) after a line's leading digits (numbered lists: "1\. ");</item>
    /// <item>the second brace of "{{" so {{DATE(…)}} / {{TIME(…)}} are not date-formatted.</item>
    /// </list>
    /// Everything else (letters, æøå, emoji, quotes) is left as is. Text for a TextRun, an input value or a
    /// choice title is not markdown and must not be escaped.
    /// </summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                builder.Append(c);
                lineStart = true;
                continue;
            }

            if (lineStart && c is ' ' or '\t')
            {
                builder.Append(c);
                continue;
            }

            if (lineStart && char.IsAsciiDigit(c) && ListNumber().Match(text, i) is { Success: true } number)
            {
                // "12." or "12)" at the start of a line: escape the delimiter, the digits stay readable.
                builder.Append(text, i, number.Length - 1).Append('\\').Append(text[i + number.Length - 1]);
                i += number.Length - 1;
                lineStart = false;
                continue;
            }

            if (NeedsEscape(c, lineStart) || (c == '{' && i > 0 && text[i - 1] == '{'))
                builder.Append('\\');
            builder.Append(c);
            lineStart = false;
        }

        return builder.ToString();
    }

    /// <summary>The longest prefix of user text a reply quotes: enough to recognise the question, never a wall of it.</summary>
    public const int MaxQuoteLength = 80;

    /// <summary>
    /// User text as a reply may quote it, in a TextBlock or in a message's (Markdown) text: one line, at most
    /// <paramref name="maxLength"/> characters (then «…»), Markdown escaped (<see cref="EscapeMarkdown"/>) and "://"
    /// broken by an escape, so neither a link, an image, emphasis, HTML nor a bare URL can render. The one way a reply
    /// echoes what someone typed.
    /// </summary>
    public static string Quote(string userText, int maxLength = MaxQuoteLength)
    {
        ArgumentNullException.ThrowIfNull(userText);
        var oneLine = string.Join(' ', userText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length > maxLength)
        {
            var cut = maxLength;
            if (char.IsHighSurrogate(oneLine[cut - 1])) cut--;
            oneLine = oneLine[..cut].TrimEnd() + "…";
        }
        return EscapeMarkdown(oneLine).Replace("://", "\\://", StringComparison.Ordinal);
    }

    private static bool NeedsEscape(char c, bool lineStart) =>
        c is '\\' or '*' or '_' or '`' or '[' or ']' or '~' or '<' or '&'
        || (lineStart && c is '#' or '>' or '-' or '+' or '=');

    [GeneratedRegex(@"\G[0-9]{1,9}[.)]")]
    private static partial Regex ListNumber();
}
