using TeamsBot.Conversations;
using TeamsBot.Localization;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.EndToEnd;

/// <summary>
/// The real bot (real Kestrel, real Azurite, seed plans imported) driven by Microsoft's Teams-like client, the
/// Microsoft 365 Agents Playground, exactly as a person using ./run.sh would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlaygroundEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SeededBotWithPlayground _bot = null!;
    private PlaygroundClient Client => _bot.Client;

    public async Task InitializeAsync() => _bot = await SeededBotWithPlayground.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Personal_install_is_welcomed_and_a_question_is_answered()
    {
        var chat = await Client.InstallPersonalAsync();
        var welcome = await Client.WaitForBotMessageAsync(chat, m => m.Text?.Contains("TeamsBot") == true);
        // The Playground's install conversationUpdate carries no locale, so the welcome is in the organisation's
        // language after one line in both; its messages carry en-US, so the answers below are in English.
        Assert.StartsWith(BotTexts.LanguageNote, welcome.Text);
        Assert.Contains("Hei! Jeg er TeamsBot", welcome.Text);

        await Client.SendMessageAsync(chat, "help");
        var help = await Client.WaitForBotMessageAsync(chat, m => m.Text?.StartsWith("Here is what I can help with", StringComparison.Ordinal) == true);
        Assert.Contains("**plans**", help.Text);

        await Client.SendMessageAsync(chat, "plans");
        var plans = await Client.WaitForBotMessageAsync(chat, m => m.Text?.Contains("The follow-up plans I know") == true);
        Assert.Contains("30 measures", plans.Text);
    }

    [Fact]
    public async Task Team_install_registers_the_channel_and_a_mention_is_answered_there()
    {
        var config = await Client.GetTestConfigAsync();
        var team = config.Team("team-id");
        var conversation = await Client.InstallInTeamAsync(team.Id);
        await Client.WaitForBotMessageAsync(conversation, m => m.Text?.Contains("TeamsBot") == true);

        var record = await _bot.App.Get<ConversationRegistry>().GetAsync(config.TenantId, conversation, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(("channel", team.Id, true), (record.ConversationType, record.TeamId, record.Active));

        await Client.SendMessageAsync(team.GeneralChannel.Id, "help", mentionBot: true);
        var answer = await Client.WaitForBotMessageAsync(team.GeneralChannel.Id, m => m.Text?.StartsWith("Here is what I can help with", StringComparison.Ordinal) == true);
        Assert.NotNull(answer);
    }

    [Fact]
    public async Task A_person_typing_in_the_Playground_page_gets_the_answer_on_screen()
    {
        var screenshot = Path.Combine(RepoPaths.Root, "TestResults", "e2e", "playground-help.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var output = await PlaygroundBrowser.ChatAsync(_bot.Playground.BaseAddress, "help", "Here is what I can help with", screenshot);

        Assert.Contains("the bot replied", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"The screenshot {screenshot} should show the page.");
    }
}
