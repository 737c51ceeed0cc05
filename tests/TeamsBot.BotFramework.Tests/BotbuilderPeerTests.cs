using System.Net;
using System.Net.Http.Json;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests;

/// <summary>The peer benchmark's botbuilder bot (bench/peer) still starts and answers, so the benchmark cannot rot silently.</summary>
public sealed class BotbuilderPeerTests
{
    [Fact]
    public async Task The_botbuilder_peer_answers_a_message_with_its_fixed_text_at_the_activitys_serviceUrl_without_a_token()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var peer = await BotbuilderPeerProcess.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reply = connector.WaitForReplyAsync("a:peer-1", "m-1", wait.Token);

        using var response = await http.PostAsJsonAsync(peer.MessagesUrl, TeamsActivities.Message(connector.ServiceUrl, "hjelp", "a:peer-1", id: "m-1"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}; the peer said: {peer.RecentErrors}");
        var request = await reply;
        Assert.Equal(ConnectorOperation.ReplyToActivity, request.Operation);
        Assert.StartsWith("Hei! Jeg er en enkel bot", (string?)request.Body?["text"]);
        Assert.Null(request.Authorization);
    }
}
