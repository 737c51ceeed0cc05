using System.Text;
using TeamsBot.Cards;

namespace TeamsBot.Tests.Chat;

/// <summary>Odd or hostile text gets an answer (or a clear refusal), never a failed turn, a live link or a wall of echo.</summary>
public sealed class HostileTextTests(ChatAppFixture chat) : IClassFixture<ChatAppFixture>
{
    private const int MaxReplyBytes = 80 * 1024;

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public async Task A_huge_question_gets_a_reply_under_the_size_limit_that_quotes_only_a_short_prefix(int length)
    {
        var question = new StringBuilder("status for ");
        while (question.Length < length) question.Append("xyzzy plugh ");
        var reply = await chat.AskAsync(question.ToString(0, length));

        var json = reply.ToJsonString();
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, MaxReplyBytes);
        Assert.DoesNotContain(string.Concat(Enumerable.Repeat("xyzzy plugh ", 10)), json);
    }

    [Theory]
    [InlineData("[klikk her](https://evil.example/x) status")]
    [InlineData("![bilde](https://evil.example/x.png)")]
    [InlineData("oppdater [x](https://evil.example/x)")]
    [InlineData("**viktig** <b>fet</b> https://evil.example/x")]
    public async Task User_text_echoed_in_a_reply_can_never_render_as_a_link_image_or_bold(string question)
    {
        var reply = Reply.Of(await chat.AskAsync(question));

        Assert.DoesNotContain("](https://", reply.All);
        Assert.DoesNotContain("https://evil", reply.All);
        Assert.DoesNotContain("**viktig**", reply.All);
        Assert.DoesNotMatch(@"(?<!\\)<b>", reply.All);
    }

    [Fact]
    public void The_quote_cuts_to_a_short_prefix_on_one_line()
    {
        var quoted = AdaptiveText.Quote(new string('a', 500) + "\n\n# heading");

        Assert.Equal(AdaptiveText.MaxQuoteLength + 1, quoted.Length);
        Assert.EndsWith("…", quoted);
        Assert.DoesNotContain('\n', quoted);
    }

    [Theory]
    [InlineData("frister i år 3000", "nb-NO", "3000")]
    [InlineData("hva er endret siden år 1?", "nb-NO", "1")]
    [InlineData("frister neste 9999 uker", "nb-NO", "2123")]
    [InlineData("what changed in the last 9999 months?", "en-US", "1923")]
    [InlineData("deadlines before 31.12.9999", "en-US", "9999")]
    public async Task A_date_at_the_calendars_edge_gets_a_clear_refusal_naming_the_range(string question, string locale, string year)
    {
        var reply = Reply.Of(await chat.AskAsync(question, locale));

        Assert.Null(reply.Card);
        Assert.Contains(year, reply.Text);
        Assert.Contains("2000", reply.Text);
        Assert.Contains("2100", reply.Text);
    }
}
