using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Tests.Playground;

/// <summary>
/// A minimal stand-in bot for driving the Playground: records every activity it receives; answers a message by replying
/// "echo: {text}" (plus an Adaptive Card with an Action.Execute when the text contains "card") through the connector at
/// the activity's serviceUrl; answers an adaptiveCard/action invoke with a card echoing the action.
/// </summary>
internal sealed class EchoBot : IAsyncDisposable
{
    public const string CardVerb = "go";

    private readonly WebApplication _app;
    private readonly HttpClient _connector = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<JsonObject> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EchoBot(WebApplication app) => _app = app;

    public Uri Endpoint => new(new Uri(_app.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First()), "/api/messages");

    public static async Task<EchoBot> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var bot = new EchoBot(app);
        app.MapPost("/api/messages", (Func<HttpContext, Task<IResult>>)bot.HandleAsync);
        await app.StartAsync();
        return bot;
    }

    /// <summary>Waits until the bot has received an activity matching <paramref name="predicate"/>; returns it.</summary>
    public async Task<JsonObject> WaitForActivityAsync(Func<JsonObject, bool> predicate, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _received.FirstOrDefault(predicate);
                if (found is not null) return found;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The echo bot did not receive the expected activity. Received:" + Environment.NewLine +
                                           string.Join(Environment.NewLine, Received.Select(a => a.ToJsonString())));
            }
        }
    }

    public IReadOnlyList<JsonObject> Received
    {
        get { lock (_gate) return [.. _received]; }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var activity = await context.Request.ReadFromJsonAsync<JsonObject>(context.RequestAborted)
                       ?? throw new InvalidOperationException("No activity.");
        lock (_gate)
        {
            _received.Add(activity);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }

        var type = (string?)activity["type"];
        if (type == "invoke" && (string?)activity["name"] == "adaptiveCard/action")
        {
            var verb = (string?)activity["value"]?["action"]?["verb"];
            var data = activity["value"]?["action"]?["data"]?.ToJsonString() ?? "null";
            return Results.Json(new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = "application/vnd.microsoft.card.adaptive",
                ["value"] = Card($"done: {verb} {data}", withAction: false),
            });
        }
        if (type == "message")
        {
            var text = (string?)activity["text"] ?? activity["value"]?.ToJsonString() ?? "";
            await ReplyAsync(activity, "echo: " + text, text.Contains("card", StringComparison.OrdinalIgnoreCase), context.RequestAborted);
        }
        return Results.Ok();
    }

    private async Task ReplyAsync(JsonObject activity, string text, bool withCard, CancellationToken cancellationToken)
    {
        var serviceUrl = ((string?)activity["serviceUrl"] ?? throw new InvalidOperationException("No serviceUrl.")).TrimEnd('/') + "/";
        var conversationId = (string?)activity["conversation"]?["id"] ?? throw new InvalidOperationException("No conversation.");
        var activityId = (string?)activity["id"] ?? "";
        var reply = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = activity["recipient"]?.DeepClone(),
            ["recipient"] = activity["from"]?.DeepClone(),
            ["conversation"] = activity["conversation"]?.DeepClone(),
            ["replyToId"] = activityId,
        };
        if (withCard)
        {
            reply["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["content"] = Card("A card", withAction: true),
            });
        }
        var url = new Uri(new Uri(serviceUrl),
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");
        using var response = await _connector.PostAsJsonAsync(url, reply, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static JsonObject Card(string text, bool withAction)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
        };
        if (withAction)
        {
            card["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Go",
                ["verb"] = CardVerb,
                ["data"] = new JsonObject { ["n"] = 1 },
            });
        }
        return card;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        _connector.Dispose();
    }
}
