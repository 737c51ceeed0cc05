using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TeamsBot.Conversations;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Updates;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Reliability;

/// <summary>An Azurite of this class alone, on disk, so a test can stop it (an outage) and start it again with the same data.</summary>
public sealed class OutageAzurite : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = AzuriteFixture.OnDisk();

    /// <summary>Runs <paramref name="duringOutage"/> with the storage stopped, and starts it again whatever happens.</summary>
    public async Task DuringOutageAsync(Func<Task> duringOutage)
    {
        await Azurite.StopAsync();
        try
        {
            await duringOutage();
        }
        finally
        {
            await Azurite.RestartAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="duringHang"/> while the storage's port accepts connections and never answers (a storage
    /// that hangs, not one that refuses), and starts the real storage again afterwards. The listener counts connections.
    /// </summary>
    public async Task WhileHangingAsync(Func<HangingPort, Task> duringHang)
    {
        await Azurite.StopAsync();
        try
        {
            using var hanging = new HangingPort(Azurite.Port);
            await duringHang(hanging);
        }
        finally
        {
            await Azurite.RestartAsync();
        }
    }

    public Task InitializeAsync() => Azurite.StartAsync();

    public Task DisposeAsync() => Azurite.DisposeAsync().AsTask();
}

/// <summary>A loopback port that takes connections and never says a word, counting them.</summary>
public sealed class HangingPort : IDisposable
{
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _held = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();

    public HangingPort(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Accepted { get { lock (_gate) return _held.Count; } }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_gate) _held.Add(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_gate) foreach (var client in _held) client.Dispose();
        _stop.Dispose();
    }
}

/// <summary>
/// Issue 13.2, "storage down = silence": with the storage stopped, every path a user can take through /api/messages
/// gets a clear word in their language (nothing stored, or for a form whether it may have been, and that sending it
/// again is safe), well within Teams' 15 s; /healthz says degraded with the reason; and once the storage is back the
/// same app answers again without a restart. Each test starts its own app, so no role or history cache from another
/// test hides the outage.
/// </summary>
public sealed class StorageOutageTests(OutageAzurite storage) : IClassFixture<OutageAzurite>
{
    private const string Plan = "25-juni";
    private const string Plivo = "25-juni-22";

    // The SDK's bounded retries (docs/reliability.md) answer a refused connection in about a second; Teams gives 15 s.
    private static readonly TimeSpan WellWithinTeamsTimeout = TimeSpan.FromSeconds(12);

    [Theory]
    [InlineData("historikk 25-juni-22", "nb-NO")]
    [InlineData("history 25-juni-22", "en-US")]
    [InlineData("hva er endret siste uke?", "nb-NO")]
    [InlineData("oppdater 25-juni-22", "nb-NO")]
    [InlineData("update 25-juni-22", "en-US")]
    public async Task A_chat_command_that_needs_storage_says_it_cannot_reach_it_and_answers_again_once_storage_is_back(string question, string locale)
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite);
        var language = UserLanguages.FromLocale(locale);

        await storage.DuringOutageAsync(async () =>
        {
            var watch = Stopwatch.StartNew();
            var reply = Assert.Single(await harness.SayAsync(question, locale: locale));
            Assert.True(BotTexts.For(language).StorageUnavailable == (string?)reply["text"], reply.ToJsonString());
            Assert.True(watch.Elapsed < WellWithinTeamsTimeout, $"The answer took {watch.Elapsed.TotalSeconds:0.0} s.");
        });

        var again = Assert.Single(await harness.SayAsync(question, locale: locale));
        Assert.NotEqual(BotTexts.For(language).StorageUnavailable, (string?)again["text"]);
        Assert.True(again["text"] is not null || UpdateHarness.CardsOf(again).Any(), again.ToJsonString());
    }

    [Theory]
    [InlineData(CardVerbs.EditMeasure)]
    [InlineData(CardVerbs.MeasureHistory)]
    public async Task A_card_button_pressed_while_storage_is_down_gets_an_error_saying_nothing_was_stored_and_works_once_it_is_back(string verb)
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite);
        var data = new JsonObject { ["planId"] = Plan, ["measureId"] = Plivo };

        await storage.DuringOutageAsync(async () =>
        {
            var answer = await harness.ExecuteAsync(verb, data.DeepClone().AsObject());
            Assert.Equal(500, (int?)answer["statusCode"]);
            Assert.Equal(BotTexts.Bokmal.StorageUnavailable, (string?)answer["value"]!["message"]);
        });

        var card = await harness.ExecuteAsync(verb, data.DeepClone().AsObject());
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["type"]);
    }

    [Fact]
    public async Task An_Action_Submit_button_pressed_while_storage_is_down_is_answered_with_a_message_saying_nothing_was_stored()
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite);
        var value = new JsonObject { ["verb"] = CardVerbs.MeasureHistory, ["planId"] = Plan, ["measureId"] = Plivo };

        await storage.DuringOutageAsync(async () =>
        {
            await harness.SubmitAsync(value.DeepClone().AsObject(), "measure-card-1", locale: "en-US");
            var messages = await harness.Connector.WaitForMessagesAsync(1);
            Assert.Equal(BotTexts.English.StorageUnavailable, (string?)messages[^1]["text"]);
        });
    }

    [Fact]
    public async Task A_form_saved_while_storage_is_down_says_the_outcome_is_unknown_and_sending_it_again_saves_it_exactly_once()
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite);
        var form = await harness.OpenFormAsync(Plan, Plivo); // while storage is up: the roles are now cached, so the submit gets as far as the write
        var before = await harness.MeasureAsync(Plan, Plivo);
        var historyBefore = (await harness.HistoryAsync(Plan, Plivo)).Count;

        await storage.DuringOutageAsync(async () =>
        {
            var answer = await harness.SaveAsync(form, remark: "Lagret etter utfallet");
            Assert.Equal(500, (int?)answer["statusCode"]);
            Assert.Equal(UpdateTexts.Bokmal.SaveOutcomeUnknown, (string?)answer["value"]!["message"]);
        });

        // Nothing half-written: the measure and its history are as they were.
        Assert.Equal(before.Version, (await harness.MeasureAsync(Plan, Plivo)).Version);
        Assert.Equal(historyBefore, (await harness.HistoryAsync(Plan, Plivo)).Count);

        var saved = await harness.SaveAsync(form, remark: "Lagret etter utfallet");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)saved["type"]);
        var resent = await harness.SaveAsync(form, remark: "Lagret etter utfallet");
        Assert.Contains(UpdateTexts.Bokmal.AlreadySaved, UpdateHarness.Text(resent["value"]!.AsObject()), StringComparison.Ordinal);
        Assert.Equal("Lagret etter utfallet", (await harness.MeasureAsync(Plan, Plivo)).Remark);
        Assert.Equal(historyBefore + 1, (await harness.HistoryAsync(Plan, Plivo)).Count);
    }

    [Fact]
    public async Task A_form_sent_by_Action_Submit_while_storage_is_down_gets_a_message_that_the_outcome_is_unknown_and_is_saved_when_sent_again()
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite);
        var form = await harness.OpenFormAsync(Plan, Plivo, locale: "en-US");
        var value = UpdateHarness.Fill(form, remark: "Saved after the outage");
        value["verb"] = CardVerbs.UpdateMeasure;

        await storage.DuringOutageAsync(async () =>
        {
            await harness.SubmitAsync(value.DeepClone().AsObject(), "form-card-outage", locale: "en-US");
            var messages = await harness.Connector.WaitForMessagesAsync(1);
            Assert.Equal(UpdateTexts.English.SaveOutcomeUnknown, (string?)messages[^1]["text"]);
        });

        await harness.SubmitAsync(value.DeepClone().AsObject(), "form-card-outage", locale: "en-US");
        await harness.WaitForPutAsync("form-card-outage");
        Assert.Equal("Saved after the outage", (await harness.MeasureAsync(Plan, Plivo)).Remark);
    }

    [Fact]
    public async Task An_install_while_storage_is_down_still_gets_the_welcome_with_a_word_about_the_storage_and_is_recorded_once_it_is_back()
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite);
        const string conversation = "a:installed-during-outage";

        await storage.DuringOutageAsync(async () =>
        {
            var response = await harness.Http.PostAsync(TeamsActivities.PersonalInstall(harness.Connector.ServiceUrl, conversation));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var welcome = await harness.Connector.WaitForMessagesAsync(1);
            Assert.Equal($"{BotTexts.Bokmal.WelcomePersonal}\n\n{BotTexts.Bokmal.StorageUnavailableOnInstall}", (string?)welcome[^1]["text"]);
        });

        await harness.Http.PostAsync(TeamsActivities.PersonalInstall(harness.Connector.ServiceUrl, conversation));
        var messages = await harness.Connector.WaitForMessagesAsync(2);
        Assert.Equal(BotTexts.Bokmal.WelcomePersonal, (string?)messages[^1]["text"]);
        Assert.NotNull(await harness.App.Get<ConversationRegistry>().GetAsync(TeamsActivities.TenantId, conversation, CancellationToken.None));
    }

    [Fact]
    public async Task Healthz_reports_degraded_with_the_reason_while_storage_is_down_and_recovers_by_itself_while_liveness_and_readiness_stay_up()
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite);
        Assert.Equal("ok", await harness.Http.GetStringAsync("/healthz"));

        await storage.DuringOutageAsync(async () =>
        {
            var degraded = await UntilAsync(harness.Http, "/healthz", HttpStatusCode.ServiceUnavailable);
            var report = JsonNode.Parse(degraded)!;
            Assert.Equal("degraded", (string?)report["status"]);
            Assert.StartsWith("storage unreachable since 20", (string?)report["reason"], StringComparison.Ordinal);
            Assert.Equal("ok", await harness.Http.GetStringAsync("/healthz/live"));
            Assert.Equal("ok", await harness.Http.GetStringAsync("/healthz/ready"));
        });

        Assert.Equal("ok", await UntilAsync(harness.Http, "/healthz", HttpStatusCode.OK));
        Assert.NotEmpty(UpdateHarness.CardsOf(Assert.Single(await harness.SayAsync("historikk 25-juni-22"))));
    }

    [Fact]
    public async Task A_storage_that_stops_answering_does_not_end_the_index_refresh_and_the_index_catches_up_once_it_answers_again()
    {
        await using var harness = await UpdateHarness.StartAsync(storage.Azurite, new Dictionary<string, string?>
        {
            ["Index:RefreshInterval"] = "00:00:00.200",
            ["Storage:NetworkTimeout"] = "00:00:00.300",
            ["Storage:MaxRetries"] = "0",
        });
        var loader = harness.App.Get<MeasureIndexLoader>();

        // The SDK's timeout surfaces as an OperationCanceledException; the refresh must take it as a failed round.
        await storage.WhileHangingAsync(hanging => Until(() => hanging.Accepted >= 3, "three refreshes to meet the hanging storage"));
        Assert.False(loader.ExecuteTask!.IsCompleted, "The index refresh stopped.");

        var measure = await harness.MeasureAsync(Plan, Plivo);
        var changed = measure with { Remark = "Endret på en annen instans" };
        await harness.Store.UpdateAsync(changed,
            new HistoryEntry(Plan, Plivo, DateTimeOffset.UtcNow, "Annen instans", "test", MeasureMerge.Diff(measure, changed), null), CancellationToken.None);
        await Until(() => harness.Index.Current.Find(Plan, Plivo)?.Remark == changed.Remark, "the index to read the change");
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (!condition()) await Task.Delay(50, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Waited 60 s for {what}.");
        }
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="status"/> (the probe's result is cached for a few seconds); returns the body.</summary>
    private static async Task<string> UntilAsync(HttpClient http, string path, HttpStatusCode status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await http.GetAsync(path, timeout.Token);
            if (response.StatusCode == status) return await response.Content.ReadAsStringAsync(timeout.Token);
            await Task.Delay(100, timeout.Token);
        }
    }
}
