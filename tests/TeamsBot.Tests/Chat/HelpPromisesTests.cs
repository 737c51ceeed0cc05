using System.Text.RegularExpressions;
using TeamsBot.Localization;

namespace TeamsBot.Tests.Chat;

/// <summary>Every phrase the help text offers must be understood: the help never promises what the bot can't do.</summary>
public sealed partial class HelpPromisesTests(ChatAppFixture chat) : IClassFixture<ChatAppFixture>
{
    public static TheoryData<string, string> Phrases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (texts, locale) in new[] { (BotTexts.Bokmal, "nb-NO"), (BotTexts.English, "en-US") })
            foreach (Match match in Bold().Matches(texts.Help))
                data.Add(match.Groups[1].Value, locale);
        return data;
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public async Task Each_phrase_in_the_help_gets_a_real_answer(string phrase, string locale)
    {
        var reply = Reply.Of(await chat.AskAsync(phrase, locale));

        var notUnderstood = BotTexts.For(UserLanguages.FromLocale(locale)).NotUnderstood;
        Assert.NotEqual(notUnderstood, reply.Text);
        Assert.False(string.IsNullOrWhiteSpace(reply.All));
    }

    [Fact]
    public void The_help_offers_every_capability()
    {
        Assert.True(Phrases().Count >= 2 * 12);
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
