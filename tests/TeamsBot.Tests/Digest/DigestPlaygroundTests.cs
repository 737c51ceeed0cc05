using TeamsBot.Digest;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Digest;

/// <summary>End to end in Microsoft's Agents Playground: a channel subscribes by @mention and receives the brief at its time, once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestPlaygroundTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_Playground_channel_subscribes_and_receives_the_brief_once_at_its_time()
    {
        // Sunday 22 November 2026, 12:00 UTC (week 47); the brief is due Monday 23 November 08:00 Oslo = 07:00 UTC.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var app = await DigestHarness.StartAsync(azurite, clock, scheduler: true);
        await app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        await using var playground = await PlaygroundFixture.StartAsync(new Uri(app.BaseAddress, "api/messages"));
        var client = playground.Client;
        var channel = await client.InstallInTeamAsync("team-id", "channel-announcements-id");

        // The Playground's client is set to en-US, so the bot answers (and briefs) in English.
        var sent = await client.SendMessageAsync(channel, "subscribe to weekly brief", mentionBot: true);
        var confirmation = await client.WaitForBotMessageAsync(channel, m => m.Text?.Contains("weekly brief every Monday", StringComparison.Ordinal) == true);
        Assert.Equal("This channel will now get the weekly brief every Monday at 08:00 (Norwegian time).", confirmation.Text);
        var subscription = Assert.Single(await ToListAsync(app.Get<DigestSubscriptionStore>().ListAsync(CancellationToken.None)));
        Assert.Equal("channel-announcements-id", subscription.ChannelId);

        // Not yet: 07:59 Oslo. Then 08:00:30 Oslo: the hosted scheduler (polling every 100 ms) posts a new thread.
        clock.Set(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
        await Task.Delay(400);
        clock.Set(new DateTimeOffset(2026, 11, 23, 7, 0, 30, TimeSpan.Zero));
        var brief = await client.WaitForBotMessageAsync(channel, m => m.Attachments.Count > 0);
        var card = brief.Attachments[0].Content;
        Assert.Equal("Week 48, 23–29 November 2026", card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Contains("\"measure.show\"", card.GetRawText());

        await Task.Delay(1000); // ten more polls
        var run = await app.Get<DigestRunStore>().GetAsync(subscription.Key, new IsoWeek(2026, 48), CancellationToken.None);
        Assert.Equal(DigestRunStore.StatusPosted, run!.Status);
        Assert.Single(client.Stream.BotMessages, m => m.Attachments.Count > 0);
        Assert.NotEqual(sent.BotConversationId, brief.PostConversationId ?? brief.ConversationId);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
