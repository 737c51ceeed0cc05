using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.Access;
using TeamsBot.Measures;
using TeamsBot.Nudges;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Rounds;

namespace TeamsBot.Tests.Nudges;

/// <summary>Due-date nudges end to end: Azurite, /api/messages, the loopback connector, time moved with a fake clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NudgeTests(AzuriteFixture azurite)
{
    private static readonly DateOnly InSevenDays = new(2026, 12, 14);
    /// <summary>Tuesday 15 December 2026, 11:00 in Oslo: the day after <see cref="InSevenDays"/>.</summary>
    private static readonly DateTimeOffset DayAfterDeadline = new(2026, 12, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_owner_gets_one_due_in_seven_days_note_even_when_two_instances_poll_together()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var clock = new FakeTimeProvider(RoundHarness.Monday);
        var prefix = AzuriteFixture.NewTableName("n")[..10];
        await using var a = await NudgeHarness.StartAsync(azurite, connector, clock, prefix, "instance-a");
        await using var b = await NudgeHarness.StartAsync(azurite, connector, clock, prefix, "instance-b", seed: false);
        var measure = a.OpenMeasuresOf("PST")[0];
        var due = await a.ChangeAsync(measure, m => m with { Deadline = InSevenDays });
        b.App.Get<MeasureIndex>().Apply([due]);

        for (var poll = 0; poll < 3; poll++)
            await clock.AdvanceWhileAsync(Task.WhenAll(a.Nudges().RunDueAsync(CancellationToken.None), b.Nudges().RunDueAsync(CancellationToken.None)),
                TimeSpan.FromMilliseconds(20));

        var note = Assert.Single(a.NudgesAbout(RoundHarness.OlaChat, measure));
        Assert.Contains("har frist 14. desember 2026", note);
        Assert.Contains("«ingen påminnelser»", note);
    }

    [Fact]
    public async Task A_measure_past_its_deadline_and_not_implemented_gets_one_overdue_note_and_a_moved_deadline_nudges_again()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await NudgeHarness.StartAsync(azurite, connector);
        var measure = await bot.ChangeAsync(bot.OpenMeasuresOf("PST")[0], m => m with { Deadline = InSevenDays });
        await bot.PollNudgesAsync();

        bot.Clock.SetUtcNow(DayAfterDeadline);
        await bot.PollNudgesAsync();
        await bot.PollNudgesAsync();
        var notes = bot.NudgesAbout(RoundHarness.OlaChat, measure);
        Assert.Equal(2, notes.Count);
        Assert.Contains("var 14. desember 2026, og det er ikke iverksatt", notes[1]);

        await bot.ChangeAsync(measure, m => m with { Deadline = new DateOnly(2026, 12, 18) });
        await bot.PollNudgesAsync();
        await bot.PollNudgesAsync();
        notes = bot.NudgesAbout(RoundHarness.OlaChat, measure);
        Assert.Equal(3, notes.Count);
        Assert.Contains("har frist 18. desember 2026", notes[2]);
    }

    [Fact]
    public async Task An_implemented_measure_gets_no_note_before_or_after_its_deadline()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await NudgeHarness.StartAsync(azurite, connector);
        var open = await bot.ChangeAsync(bot.OpenMeasuresOf("PST")[0], m => m with { Deadline = InSevenDays });
        var done = await bot.ChangeAsync(bot.OpenMeasuresOf("PST")[1], m => m with { Deadline = InSevenDays, Status = MeasureStatus.Implemented });

        await bot.PollNudgesAsync();
        bot.Clock.SetUtcNow(DayAfterDeadline);
        await bot.PollNudgesAsync();

        Assert.Equal(2, bot.NudgesAbout(RoundHarness.OlaChat, open).Count);
        Assert.Empty(bot.NudgesAbout(RoundHarness.OlaChat, done));
    }

    [Fact]
    public async Task Nothing_is_sent_outside_Oslo_working_time_and_the_note_goes_at_the_next_working_start()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        // Saturday 12 December 2026, 11:00 in Oslo.
        await using var bot = await NudgeHarness.StartAsync(azurite, connector, new FakeTimeProvider(new DateTimeOffset(2026, 12, 12, 10, 0, 0, TimeSpan.Zero)));
        var measure = await bot.ChangeAsync(bot.OpenMeasuresOf("PST")[0], m => m with { Deadline = InSevenDays });

        Assert.Empty(await bot.PollNudgesAsync());
        Assert.Empty(bot.NudgesAbout(RoundHarness.OlaChat, measure));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 7, 0, 0, TimeSpan.Zero));
        await bot.PollNudgesAsync();
        Assert.Single(bot.NudgesAbout(RoundHarness.OlaChat, measure));
    }

    [Fact]
    public async Task No_reminders_turns_off_both_notes_and_says_so()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await NudgeHarness.StartAsync(azurite, connector);
        var measure = await bot.ChangeAsync(bot.OpenMeasuresOf("PST")[0], m => m with { Deadline = InSevenDays });

        var reply = (string)(await bot.SayAsync("ingen påminnelser", TestUser.Ola, RoundHarness.OlaChat))[0]["text"]!;
        Assert.Contains("du får ikke flere fristpåminnelser", reply);
        Assert.Contains("«slå på påminnelser»", reply);

        await bot.PollNudgesAsync();
        bot.Clock.SetUtcNow(DayAfterDeadline);
        await bot.PollNudgesAsync();
        Assert.Empty(bot.NudgesAbout(RoundHarness.OlaChat, measure));
    }

    [Fact]
    public async Task Reminders_on_turns_them_back_on_in_English_too()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await NudgeHarness.StartAsync(azurite, connector);
        var measure = await bot.ChangeAsync(bot.OpenMeasuresOf("PST")[0], m => m with { Deadline = InSevenDays });
        var off = (string)(await bot.SayAsync("no reminders", TestUser.Ola, RoundHarness.OlaChat, locale: "en-US"))[0]["text"]!;
        Assert.Contains("you will get no more deadline reminders", off);
        await bot.PollNudgesAsync();
        Assert.Empty(bot.NudgesAbout(RoundHarness.OlaChat, measure));

        var on = (string)(await bot.SayAsync("reminders on", TestUser.Ola, RoundHarness.OlaChat, locale: "en-US"))[0]["text"]!;
        Assert.Contains("Deadline reminders are on: you get a message 7 days before", on);
        await bot.PollNudgesAsync();
        Assert.Single(bot.NudgesAbout(RoundHarness.OlaChat, measure));
    }

    [Fact]
    public async Task An_owner_without_a_personal_chat_is_not_nudged_and_the_poll_says_how_many_it_could_not_reach()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var bot = await RoundHarness.StartAsync(azurite, connector, settings: new Dictionary<string, string?>
        {
            ["Nudges:SchedulerEnabled"] = "false",
            ["Nudges:TenantId"] = TeamsActivities.TenantId,
        }, configure: builder => builder.Logging.AddProvider(logs));
        await bot.App.Get<RoleStore>().UpsertAsync(new RoleRecord("aad-without-chat", new HashSet<string>([RoleRecord.Owner], StringComparer.Ordinal),
            [], ["PST"], null, "Eva Uten Chat"), CancellationToken.None);
        var measure = await bot.ChangeAsync(bot.OpenMeasuresOf("PST")[0], m => m with { Deadline = InSevenDays });

        await bot.PollNudgesAsync();

        Assert.Single(bot.NudgesAbout(RoundHarness.OlaChat, measure));
        var warning = Assert.Single(logs.Entries, e => e.Category == typeof(NudgeScheduler).FullName && e.Level == LogLevel.Warning);
        Assert.Contains("1 owner(s) due a nudge have no personal chat", warning.Message);
        Assert.DoesNotContain("Eva", warning.Message);
    }
}
