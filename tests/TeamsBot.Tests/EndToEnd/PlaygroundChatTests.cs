using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.EndToEnd;

/// <summary>
/// Question families through Microsoft's Teams-like client (the Agents Playground) against the real bot: composed
/// filters with the understood line, a count, a follow-up in the same conversation, in English (the Playground's own
/// locale) and in bokmål (a message activity with a Norwegian locale, posted by the Playground).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlaygroundChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SeededBotWithPlayground _bot = null!;
    private PlaygroundClient Client => _bot.Client;

    public async Task InitializeAsync() => _bot = await SeededBotWithPlayground.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Shown(PlaygroundMessage message) =>
        message.Text + string.Concat(message.Attachments.Select(a => a.Content.GetRawText()));

    private async Task<string> AskAsync(string chat, string text, string expected)
    {
        await Client.SendMessageAsync(chat, text);
        return Shown(await Client.WaitForBotMessageAsync(chat, m => Shown(m).Contains(expected, StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
    }

    private async Task<string> AskInBokmalAsync(string chat, string text, string expected)
    {
        var activity = await Client.GetCustomActivityTemplateAsync(chat);
        activity["type"] = "message";
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["text"] = text;
        activity["locale"] = "nb-NO";
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O");
        await Client.SendCustomActivityAsync(activity);
        return Shown(await Client.WaitForBotMessageAsync(chat, m => Shown(m).Contains(expected, StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task In_English_filters_compose_counts_count_and_more_pages_the_last_list()
    {
        var chat = await Client.InstallPersonalAsync();
        await Client.WaitForBotMessageAsync(chat, m => m.Text?.Contains("TeamsBot") == true);

        var count = await AskAsync(chat, "how many ongoing measures are there in the 25 June plan?", "Number of measures");
        Assert.Contains("Status: In progress", count);
        Assert.Contains("Plan: 25. juni-evalueringen", count);

        await AskAsync(chat, "ongoing measures", "Showing 1–8 of 21");
        var more = await AskAsync(chat, "more", "Showing 9–16 of 21");
        Assert.Contains("Measures · Status: In progress", more);
    }

    [Fact]
    public async Task In_bokmal_a_refinement_narrows_the_last_list_and_says_so()
    {
        var chat = await Client.InstallPersonalAsync();
        await Client.WaitForBotMessageAsync(chat, m => m.Text?.Contains("TeamsBot") == true);

        await AskInBokmalAsync(chat, "pågående tiltak", "Viser 1–8 av 21");
        var refined = await AskInBokmalAsync(chat, "bare de som PST eier", "Ansvarlig: PST");
        Assert.Contains("Status: Pågående", refined);
    }
}
