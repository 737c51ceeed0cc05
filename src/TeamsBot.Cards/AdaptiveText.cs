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

    private static bool NeedsEscape(char c, bool lineStart) =>
        c is '\\' or '*' or '_' or '`' or '[' or ']' or '~' or '<' or '&'
        || (lineStart && c is '#' or '>' or '-' or '+' or '=');

    [GeneratedRegex(@"\G[0-9]{1,9}[.)]")]
    private static partial Regex ListNumber();
}
