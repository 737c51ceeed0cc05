using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.Access;
using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Digest;

/// <summary>The brief's channel commands through the real /api/messages endpoint (Azurite, loopback connector).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DigestHarness.Week47Monday);
    private TestApp _app = null!;
    private LoopbackConnector _connector = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _app = await DigestHarness.StartAsync(azurite, _clock);
        await _app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        _http = new HttpClient { BaseAddress = _app.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private DigestSubscriptionStore Store => _app.Get<DigestSubscriptionStore>();

    private async Task<JsonObject> Send(JsonObject activity)
    {
        var before = _connector.Sends.Count;
        var response = await _http.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sends = await _connector.WaitForSendsAsync(before + 1);
        return sends[before].Body!;
    }

    private async Task<string> Say(string command, string locale = "nb-NO", string channelId = TeamsActivities.ChannelId) =>
        (await Send(TeamsActivities.ChannelMention(_connector.ServiceUrl, command, channelId, locale: locale, from: DigestHarness.Coordinator)))["text"]!.GetValue<string>();

    [Fact]
    public async Task Subscribe_defaults_to_Monday_0800_and_stores_the_channel_from_the_message()
    {
        var reply = await Say("abonner på ukentlig brief");

        Assert.Equal("Denne kanalen får nå ukentlig brief hver mandag kl. 08:00 (norsk tid).", reply);
        var s = await Store.GetAsync(TeamsActivities.TenantId, TeamsActivities.ChannelId, CancellationToken.None);
        Assert.NotNull(s);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(8, 0)), (s.Schedule.Day, s.Schedule.Time));
        Assert.Equal((_connector.ServiceUrl, TeamsActivities.TeamId, DigestHarness.Week47Monday, false),
            (s.ServiceUrl, s.TeamId, s.CreatedAt, s.Paused));
        Assert.Equal(DigestHarness.Coordinator.AadObjectId, s.CreatedBy);
        Assert.True(s.Filter.IsEmpty);
    }

    [Fact]
    public async Task Subscribe_with_day_time_and_plan_filter_then_show_then_stop()
    {
        var reply = await Say("abonner på ukentlig brief tirsdag kl. 9.30 plan 25-juni");
        Assert.StartsWith("Denne kanalen får nå ukentlig brief hver tirsdag kl. 09:30 (norsk tid). Briefen gjelder «25. juni", reply);

        var s = await Store.GetAsync(TeamsActivities.TenantId, TeamsActivities.ChannelId, CancellationToken.None);
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(9, 30)), (s!.Schedule.Day, s.Schedule.Time));
        Assert.Equal(["25-juni"], s.Filter.PlanIds);

        var shown = await Say("vis abonnement");
        Assert.StartsWith("Denne kanalen får ukentlig brief hver tirsdag kl. 09:30", shown);

        Assert.Equal("Ukentlig brief er stoppet for denne kanalen.", await Say("stopp brief"));
        Assert.Null(await Store.GetAsync(TeamsActivities.TenantId, TeamsActivities.ChannelId, CancellationToken.None));
        Assert.StartsWith("Denne kanalen abonnerer ikke", await Say("vis abonnement"));
        Assert.StartsWith("Denne kanalen abonnerte ikke", await Say("stopp brief"));
    }

    [Fact]
    public async Task Stop_brief_where_nothing_is_subscribed_says_so_twice_and_leaves_other_channels_subscribed()
    {
        Assert.Equal("Denne kanalen får nå ukentlig brief hver mandag kl. 08:00 (norsk tid).",
            await Say("abonner på ukentlig brief", channelId: "19:other@thread.tacv2"));

        Assert.StartsWith("Denne kanalen abonnerte ikke", await Say("stopp brief"));
        Assert.StartsWith("Denne kanalen abonnerte ikke", await Say("stopp brief"));

        Assert.Null(await Store.GetAsync(TeamsActivities.TenantId, TeamsActivities.ChannelId, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(TeamsActivities.TenantId, "19:other@thread.tacv2", CancellationToken.None));
    }

    [Fact]
    public async Task English_phrasings_answer_in_English()
    {
        Assert.Equal("This channel will now get the weekly brief every Friday at 14:00 (Norwegian time).",
            await Say("subscribe to weekly brief Friday 14:00", "en-GB"));
        Assert.StartsWith("This channel gets the weekly brief every Friday at 14:00", await Say("show subscription", "en-US"));
        Assert.Equal("The weekly brief is stopped for this channel.", await Say("stop brief", "en-GB"));
    }

    [Fact]
    public async Task Unknown_plan_and_bad_time_are_explained_and_nothing_is_stored()
    {
        Assert.StartsWith("Jeg finner ingen plan eller område som heter «nosuchplan». Dette kjenner jeg: 22-juli, 25-juni",
            await Say("abonner på ukentlig brief plan nosuchplan"));
        Assert.StartsWith("Det tidspunktet forsto jeg ikke", await Say("abonner på ukentlig brief mandag 25:00"));
        Assert.Null(await Store.GetAsync(TeamsActivities.TenantId, TeamsActivities.ChannelId, CancellationToken.None));
    }

    [Fact]
    public async Task In_a_personal_chat_the_commands_explain_that_the_brief_is_for_channels()
    {
        var reply = (await Send(TeamsActivities.Message(_connector.ServiceUrl, "abonner på ukentlig brief")))["text"]!.GetValue<string>();
        Assert.StartsWith("Ukentlig brief legges ut i kanaler", reply);

        var english = (await Send(TeamsActivities.Message(_connector.ServiceUrl, "brief now", locale: "en-GB")))["text"]!.GetValue<string>();
        Assert.StartsWith("The weekly brief is posted in channels", english);
    }

    [Fact]
    public async Task Brief_now_posts_the_card_at_once_in_the_channel()
    {
        await Say("abonner på ukentlig brief");
        var before = _connector.Sends.Count;
        await _http.PostAsync(TeamsActivities.ChannelMention(_connector.ServiceUrl, "brief nå"));
        var sends = await _connector.WaitForSendsAsync(before + 1);

        var (path, body) = (sends[before].Path, sends[before].Body);
        Assert.StartsWith("/v3/conversations/19:brief-kanal@thread.tacv2;messageid=", path);
        var card = body!["attachments"]![0]!["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("Uke 47, 16.–22. november 2026", card["body"]![1]!["text"]!.GetValue<string>());
        await CardValidator.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task The_posted_brief_charts_each_plans_status_counts_as_stored_with_the_counts_as_fallback_text()
    {
        await Say("abonner på ukentlig brief");
        var before = _connector.Sends.Count;
        await _http.PostAsync(TeamsActivities.ChannelMention(_connector.ServiceUrl, "brief nå"));
        var card = (await _connector.WaitForSendsAsync(before + 1))[before].Body!["attachments"]![0]!["content"]!;

        // Expected straight from the stored measures, not from the brief's own figures.
        var stored = _app.Get<MeasureIndex>().Current;
        var expected = stored.Plans.Values
            .Select(p => (p.Title, Counts: stored.Measures.Values.Where(m => m.PlanId == p.Id).GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count())))
            .Where(p => p.Counts.Count > 0)
            .ToDictionary(p => p.Title, p => p.Counts);
        var chart = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Chart.HorizontalBar.Stacked")!;
        var bars = chart["data"]!.AsArray();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), bars.Select(b => (string)b!["title"]!).Order(StringComparer.Ordinal));
        foreach (var bar in bars)
        {
            var counts = expected[(string)bar!["title"]!];
            Assert.Equal(
                counts.OrderByDescending(c => c.Key).Select(c => $"{StatusLabels.Heading(c.Key, UserLanguage.Bokmal)} {c.Value}"),
                bar["data"]!.AsArray().Select(p => $"{(string)p!["legend"]!} {(int)(double)p["value"]!}"));
        }
        var fallbackFacts = chart["fallback"]!["items"]!.AsArray().Where(e => (string?)e!["type"] == "FactSet")
            .Select(f => f!["facts"]!.AsArray().Sum(x => int.Parse((string)x!["value"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Values.Select(c => c.Values.Sum()).Order(), fallbackFacts.Order());
        await CardValidator.AssertValidAsync(card.ToJsonString());
    }
}

/// <summary>With roles stored, only coordinators may change the brief; anyone may look.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestCoordinatorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Only_coordinators_in_the_Roles_table_may_subscribe()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var app = await DigestHarness.StartAsync(azurite, new FakeTimeProvider(DigestHarness.Week47Monday));
        await app.Get<RoleStore>().UpsertAsync(new RoleRecord("22222222-2222-2222-2222-222222222222",
            new HashSet<string> { RoleRecord.Coordinator }, [RoleRecord.AllPlans], []), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        await http.PostAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "abonner på ukentlig brief"));
        var refused = (await connector.WaitForSendsAsync(1))[0].Body!["text"]!.GetValue<string>();
        Assert.StartsWith("Bare plankoordinatorer kan endre abonnementet", refused);

        await http.PostAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "abonner på ukentlig brief", from: TestUser.Ola));
        var accepted = (await connector.WaitForSendsAsync(2))[1].Body!["text"]!.GetValue<string>();
        Assert.StartsWith("Denne kanalen får nå ukentlig brief", accepted);

        await http.PostAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "vis abonnement"));
        Assert.StartsWith("Denne kanalen får ukentlig brief", (await connector.WaitForSendsAsync(3))[2].Body!["text"]!.GetValue<string>());
    }
}
