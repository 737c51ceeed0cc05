using System.Net;
using System.Text.Json.Nodes;
using TeamsBot.BotFramework.Schema;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests;

/// <summary>
/// Teams delivers an activity again, same id, when the answer took over 15 s: the bot must not run it twice. Through
/// POST /api/messages on loopback, on the app's fake clock (the redelivery window is 5 minutes by default).
/// </summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private LoopbackConnector _connector = null!;
    private BotTestApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _app = await BotTestApp.StartAsync();
        _app.Bot.OnMessage = (turn, ct) => turn.SendActivityAsync("svar", ct);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private JsonObject Invoke(string id)
    {
        var invoke = TeamsActivities.Execute(_connector.ServiceUrl, "setStatus", new JsonObject { ["measureId"] = "m-1" });
        invoke["id"] = id;
        return invoke;
    }

    [Fact]
    public async Task A_message_delivered_again_is_answered_200_without_a_second_turn_or_reply()
    {
        var message = TeamsActivities.Message(_connector.ServiceUrl, "hva er forsinket?", id: "1700000000100");
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(message)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(message)).StatusCode);

        Assert.Single(_app.Bot.Turns);
        Assert.Single(_connector.Requests);
        Assert.Contains(_app.Server.Logs.Entries, e => e.Message.Contains("1700000000100", StringComparison.Ordinal) && e.Message.Contains("delivered again", StringComparison.Ordinal));
        Assert.DoesNotContain("hva er forsinket", _app.Server.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_and_another_id_in_the_same_conversation_both_run()
    {
        await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: "1700000000200"));
        await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversationId: "a:another-chat", id: "1700000000200"));
        await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: "1700000000201"));

        Assert.Equal(3, _app.Bot.Turns.Count);
    }

    [Fact]
    public async Task After_the_window_the_same_id_is_taken_as_new_so_memory_stays_bounded()
    {
        var message = TeamsActivities.Message(_connector.ServiceUrl, id: "1700000000300");
        await _app.PostAsync(message);
        _app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await _app.PostAsync(message);

        Assert.Equal(2, _app.Bot.Turns.Count);
    }

    [Fact]
    public async Task An_invoke_delivered_again_while_the_first_runs_waits_and_gets_the_same_answer_and_the_action_runs_once()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        _app.Bot.OnCardAction = async (_, _, _) =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return AdaptiveCardInvokeResponse.Message("Lagret");
        };

        var first = _app.PostAsync(Invoke("1700000000400"));
        await WaitUntilAsync(() => Volatile.Read(ref runs) == 1);
        var again = _app.PostAsync(Invoke("1700000000400"));
        Assert.False(again.IsCompleted);
        release.SetResult();

        var answers = await Task.WhenAll(first, again);
        Assert.Equal(1, runs);
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("Lagret", JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["value"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_invoke_delivered_again_after_the_first_answered_gets_that_answer_without_running_again()
    {
        var runs = 0;
        _app.Bot.OnCardAction = (_, _, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult<AdaptiveCardInvokeResponse?>(AdaptiveCardInvokeResponse.Message("Lagret"));
        };
        var first = await _app.PostAsync(Invoke("1700000000500"));
        var again = await _app.PostAsync(Invoke("1700000000500"));

        Assert.Equal(1, runs);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invoke_whose_caller_went_away_before_the_answer_runs_again_when_delivered_again()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        _app.Bot.OnCardAction = async (_, _, ct) =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct); // until the caller hangs up
            }
            return AdaptiveCardInvokeResponse.Message("Lagret");
        };

        using (var hangUp = new CancellationTokenSource())
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Invoke("1700000000600").ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
            var abandoned = _app.Client.SendAsync(request, hangUp.Token);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        }

        var again = await _app.PostAsync(Invoke("1700000000600"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Lagret", JsonNode.Parse(await again.Content.ReadAsStringAsync())!["value"]!.GetValue<string>());
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task An_activity_refused_before_it_was_taken_does_not_block_the_same_id_later()
    {
        var broken = TeamsActivities.Message("file:///etc/passwd", id: "1700000000700");
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.PostAsync(broken)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, id: "1700000000700"))).StatusCode);
        Assert.Single(_app.Bot.Turns);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(10, timeout.Token);
    }
}
