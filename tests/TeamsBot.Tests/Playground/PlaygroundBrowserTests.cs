using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Playground;

/// <summary>The Playground's own web UI in headless Chromium, typing to <see cref="EchoBot"/>.</summary>
/// <remarks>
/// In the Azurite collection though it needs no storage: the collection runs its classes one at a time, so this
/// Chromium never starts beside the end-to-end test's Chromium (two at once on 2 cores lost a keystroke under load).
/// </remarks>
[Collection(AzuriteCollection.Name)]
public sealed class PlaygroundBrowserTests
{
    [Fact]
    public async Task Typing_in_the_web_ui_shows_the_bots_reply()
    {
        await using var bot = await EchoBot.StartAsync();
        await using var playground = await PlaygroundFixture.StartAsync(bot.Endpoint);
        var screenshot = Path.Combine(Path.GetTempPath(), $"playground-chat-{Guid.NewGuid():N}.png");
        try
        {
            var output = await PlaygroundBrowser.ChatAsync(playground.BaseAddress, "hei fra nettleseren", "echo: hei fra nettleseren", screenshot);

            Assert.Contains("the bot replied", output, StringComparison.Ordinal);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot should be a real PNG of the page.");
            // What the page sent reached the bot, and the reply also came through the driver's stream.
            var message = await bot.WaitForActivityAsync(a => (string?)a["type"] == "message");
            Assert.Equal("hei fra nettleseren", (string?)message["text"]);
            var chat = (await playground.Client.GetTestConfigAsync()).PersonalChat.Id;
            Assert.Equal("echo: hei fra nettleseren", Assert.Single(await playground.Client.WaitForBotMessagesAsync(chat)).Text);
        }
        finally
        {
            File.Delete(screenshot);
        }
    }

    [Fact]
    public async Task A_missing_reply_fails_with_the_reason()
    {
        await using var bot = await EchoBot.StartAsync();
        await using var playground = await PlaygroundFixture.StartAsync(bot.Endpoint);
        var screenshot = Path.Combine(Path.GetTempPath(), $"playground-chat-{Guid.NewGuid():N}.png");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                PlaygroundBrowser.ChatAsync(playground.BaseAddress, "hei", "an answer the bot never gives", screenshot, timeout: TimeSpan.FromSeconds(20)));

            Assert.Contains("no bot reply containing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(screenshot);
        }
    }
}
