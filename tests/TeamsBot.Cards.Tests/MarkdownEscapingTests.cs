namespace TeamsBot.Cards.Tests;

public class MarkdownEscapingTests
{
    [Theory]
    [InlineData("**bold**", @"\*\*bold\*\*")]
    [InlineData("_italic_", @"\_italic\_")]
    [InlineData("[title](https://evil.example)", @"\[title\](https://evil.example)")]
    [InlineData("![img](x.png)", @"!\[img\](x.png)")]
    [InlineData("- bullet", @"\- bullet")]
    [InlineData("+ bullet", @"\+ bullet")]
    [InlineData("* bullet", @"\* bullet")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("  3. indented", @"  3\. indented")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("{{DATE(2017-02-14T06:08:00Z, SHORT)}}", @"{\{DATE(2017-02-14T06:08:00Z, SHORT)}}")]
    [InlineData("`code` ~~strike~~", @"\`code\` \~\~strike\~\~")]
    [InlineData("a & b <x>", @"a \& b \<x>")]
    [InlineData(@"C:\temp", @"C:\\temp")]
    [InlineData("line\n- two\r\n3. three", "line\n\\- two\r\n3\\. three")]
    public void Markdown_syntax_is_backslash_escaped(string text, string expected) =>
        Assert.Equal(expected, AdaptiveText.EscapeMarkdown(text));

    [Theory]
    [InlineData("Frist 1. september 2023")]
    [InlineData("PST - politiet")]
    [InlineData("Pågående 🚓 \"sitat\" 'apostrof' (parentes) 50% #1")]
    [InlineData("")]
    public void Plain_text_is_left_alone(string text) =>
        Assert.Equal(text, AdaptiveText.EscapeMarkdown(text));
}
