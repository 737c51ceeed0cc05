using Microsoft.Extensions.Time.Testing;
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
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
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

        // Not yet: 07:59 Oslo. Then 08:00:30 Oslo: the hosted scheduler (polling every 100 ms of the clock, which the
        // test keeps moving) posts a new thread.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
        Assert.Empty(await app.Get<DigestScheduler>().RunDueAsync(CancellationToken.None));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 7, 0, 30, TimeSpan.Zero));
        var brief = await clock.AdvanceWhileAsync(client.WaitForBotMessageAsync(channel, m => m.Attachments.Count > 0), TimeSpan.FromMilliseconds(100));
        var card = brief.Attachments[0].Content;
        Assert.Equal("Week 48, 23–29 November 2026", card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Contains("\"measure.show\"", card.GetRawText());

        // Ten more polls, hosted and by hand (one may still find the week claimed, but none posts); stopping the host
        // then waits for any hosted poll still under way.
        for (var poll = 0; poll < 10; poll++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            Assert.DoesNotContain(DigestRunOutcome.Posted, await app.Get<DigestScheduler>().RunDueAsync(CancellationToken.None));
        }
        await app.App.StopAsync();
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
