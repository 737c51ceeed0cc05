using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Testing;

/// <summary>
/// Drives a running Agents Playground over its own test APIs, as its web client does, and watches what the bot sends
/// back on the conversation stream (connected when the client is created, so no reply is missed).
/// </summary>
/// <remarks>
/// Request shapes (checked against 0.2.28):
/// message <c>POST /_conversation/v1/conversations/{id}/messages {from:{id}, text, textFormat:"plain"|"markdown"|"xml",
/// mentions?:[{mentioned:{id}, text:"&lt;at&gt;Name&lt;/at&gt;"}]}</c>;
/// install <c>POST /_debug/conversation/{personalChatId | channelId}/installation {}</c>;
/// submit <c>POST /_conversation/v1/submit {conversation:{id}, from:{id}, replyToId, value:{…}}</c>;
/// invoke <c>POST /_conversation/v1/invoke {name:"adaptiveCard/action", conversation:{id}, from:{id}, replyToId, value}</c>
/// (answers <c>{type, value}</c> from the bot's invoke response body);
/// raw <c>POST /_internal/v1/customActivities {activity}</c>.
/// </remarks>
public sealed class PlaygroundClient : IAsyncDisposable
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private PlaygroundTestConfig? _config;

    private PlaygroundClient(HttpClient http, PlaygroundStream stream)
    {
        _http = http;
        Stream = stream;
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The conversation stream, connected since the client was created.</summary>
    public PlaygroundStream Stream { get; }

    /// <summary>Connects to a running Playground (its base address, e.g. <c>http://127.0.0.1:56150/</c>).</summary>
    public static async Task<PlaygroundClient> ConnectAsync(Uri baseAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var stream = await PlaygroundStream.ConnectAsync(baseAddress, cancellationToken).ConfigureAwait(false);
            return new PlaygroundClient(http, stream);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary><c>GET /_internal/v1/testConfig</c> (cached: the Playground's users, chats and teams do not change while it runs).</summary>
    public async Task<PlaygroundTestConfig> GetTestConfigAsync(CancellationToken cancellationToken = default)
    {
        if (_config is not null) return _config;
        using var response = await _http.GetAsync("_internal/v1/testConfig", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "GET _internal/v1/testConfig", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync<TestConfigResponse>(Json, cancellationToken).ConfigureAwait(false);
        return _config = body?.Config ?? throw new InvalidOperationException("testConfig answered without a config.");
    }

    /// <summary>
    /// Installs the bot in the current user's personal chat: the bot gets an <c>installationUpdate</c> (action add) and a
    /// <c>conversationUpdate</c> (membersAdded: user and bot). Returns the personal chat's conversation id.
    /// </summary>
    public async Task<string> InstallPersonalAsync(CancellationToken cancellationToken = default)
    {
        var config = await GetTestConfigAsync(cancellationToken).ConfigureAwait(false);
        await InstallAsync(config.PersonalChat.Id, cancellationToken).ConfigureAwait(false);
        return config.PersonalChat.Id;
    }

    /// <summary>
    /// Installs the bot in a team (from <paramref name="channelId"/>, default the General channel, whose id is the team id):
    /// the bot gets an <c>installationUpdate</c> and a <c>conversationUpdate</c> (membersAdded: bot, eventType teamMemberAdded)
    /// with <c>channelData.team</c>. Returns the channel's conversation id.
    /// </summary>
    public async Task<string> InstallInTeamAsync(string teamId = "team-id", string? channelId = null, CancellationToken cancellationToken = default)
    {
        var config = await GetTestConfigAsync(cancellationToken).ConfigureAwait(false);
        var team = config.Team(teamId);
        var channel = channelId is null
            ? team.GeneralChannel
            : team.Channels.FirstOrDefault(c => c.Id == channelId)
              ?? throw new ArgumentException($"Team '{teamId}' has no channel '{channelId}'.", nameof(channelId));
        await InstallAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        return channel.Id;
    }

    /// <summary>Installs the bot in a group chat (the bot gets installationUpdate and conversationUpdate). Returns its id.</summary>
    public async Task<string> InstallInGroupChatAsync(string? groupChatId = null, CancellationToken cancellationToken = default)
    {
        var config = await GetTestConfigAsync(cancellationToken).ConfigureAwait(false);
        var id = groupChatId ?? (config.GroupChats.Count > 0 ? config.GroupChats[0].Id : throw new InvalidOperationException("The Playground has no group chat."));
        await InstallAsync(id, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary><c>POST /_debug/conversation/{conversationId}/installation</c>. The Playground answers before it posts to the bot.</summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync(
            $"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject(), Json, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"install in '{conversationId}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a user message, as typed in the Playground. In a channel (or group chat) the Playground only delivers it to the
    /// bot when it @mentions the bot: <paramref name="mentionBot"/> prefixes <c>&lt;at&gt;{bot name}&lt;/at&gt; </c> and adds the
    /// mention (the bot gets a <c>mention</c> entity). A channel message starts a new post: the bot sees the conversation
    /// <see cref="PlaygroundSentMessage.BotConversationId"/>.
    /// </summary>
    /// <param name="fromUserId">
    /// Default: the current user. The Playground's message API attributes every message to the current user, whatever
    /// from.id says; for another user the message is sent as a raw activity instead (the Playground then does not track
    /// it: no post is created in a channel, and the returned ids are the raw activity's).
    /// </param>
    public async Task<PlaygroundSentMessage> SendMessageAsync(
        string conversationId, string text, string? fromUserId = null, bool mentionBot = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(text);
        var config = await GetTestConfigAsync(cancellationToken).ConfigureAwait(false);
        fromUserId ??= config.CurrentUser.Id;
        var botTag = $"<at>{config.Bot.Name}</at>";
        if (mentionBot && !text.Contains(botTag, StringComparison.Ordinal)) text = $"{botTag} {text}";

        if (fromUserId != config.CurrentUser.Id)
        {
            return await SendMessageAsOtherUserAsync(config, conversationId, text, config.User(fromUserId), mentionBot ? botTag : null, cancellationToken)
                .ConfigureAwait(false);
        }

        var body = new JsonObject
        {
            ["type"] = "text",
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = config.Bot.Id, ["name"] = config.Bot.Name },
                ["text"] = botTag,
            });
        }
        using var response = await _http.PostAsJsonAsync(
            $"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, Json, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"send a message to '{conversationId}'", cancellationToken).ConfigureAwait(false);
        var sent = await response.Content.ReadFromJsonAsync<CreateMessageResponse>(Json, cancellationToken).ConfigureAwait(false)
                   ?? throw new InvalidOperationException("The Playground answered the message without a body.");
        return new PlaygroundSentMessage(sent.MessageId, sent.PostConversationId, sent.Timestamp, conversationId);
    }

    private async Task<PlaygroundSentMessage> SendMessageAsOtherUserAsync(
        PlaygroundTestConfig config, string conversationId, string text, PlaygroundUser user, string? botTag, CancellationToken cancellationToken)
    {
        var activity = await GetCustomActivityTemplateAsync(conversationId, cancellationToken: cancellationToken).ConfigureAwait(false);
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
        var entities = new JsonArray();
        if (botTag is not null)
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = config.Bot.Id, ["name"] = config.Bot.Name },
                ["text"] = botTag,
            });
        }
        activity["entities"] = entities;
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = config.TenantId } };
        var team = config.Teams.FirstOrDefault(t => t.Channels.Any(c => c.Id == conversationId));
        if (team is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = team.Id };
            channelData["channel"] = new JsonObject { ["id"] = conversationId };
            channelData["teamsTeamId"] = team.Id;
            channelData["teamsChannelId"] = conversationId;
        }
        activity["channelData"] = channelData;
        await SendCustomActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        var id = activity["id"]?.GetValue<string>() ?? "";
        return new PlaygroundSentMessage(id, null, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), conversationId);
    }

    /// <summary>
    /// An Action.Submit from a card: <c>POST /_conversation/v1/submit</c>. The bot gets a <c>message</c> activity with
    /// <c>value</c> and <c>replyToId</c>. <paramref name="replyToId"/> must be a message the Playground knows (e.g. the card's
    /// <see cref="PlaygroundMessage.MessageId"/>).
    /// </summary>
    public async Task SubmitAsync(
        string conversationId, string replyToId, JsonObject value, string? fromUserId = null, CancellationToken cancellationToken = default)
    {
        var config = await GetTestConfigAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromUserId ?? config.CurrentUser.Id },
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/submit", body, Json, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"submit to '{conversationId}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An invoke, by default <c>adaptiveCard/action</c> (Action.Execute): <c>POST /_conversation/v1/invoke</c>. Returns the
    /// Playground's answer: for adaptiveCard/action <c>{type, value}</c> taken from the bot's invoke response body (the
    /// Playground drops <c>statusCode</c>). <paramref name="replyToId"/> must be a message the Playground knows.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(
        string conversationId, string replyToId, JsonNode value, string name = AdaptiveCardActionInvoke, string? fromUserId = null,
        CancellationToken cancellationToken = default)
    {
        var config = await GetTestConfigAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject
        {
            ["name"] = name,
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromUserId ?? config.CurrentUser.Id },
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", body, Json, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"invoke '{name}' in '{conversationId}'", cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text)) return default;
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Clicks an Action.Execute as the web client does: value <c>{action:{type:"Action.Execute", title, verb, data}}</c>.</summary>
    public Task<JsonElement> ExecuteActionAsync(
        string conversationId, string cardMessageId, string verb, JsonNode? data = null, string? title = null, string? fromUserId = null,
        CancellationToken cancellationToken = default)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb };
        if (title is not null) action["title"] = title;
        if (data is not null) action["data"] = data.DeepClone();
        return InvokeAsync(conversationId, cardMessageId, new JsonObject { ["action"] = action }, AdaptiveCardActionInvoke, fromUserId, cancellationToken);
    }

    /// <summary>
    /// <c>GET /_internal/v1/customActivities/template?conversationId=…&amp;type=…</c>: a complete activity for the conversation
    /// (serviceUrl, conversation, from, recipient set). Types: install, uninstall, userAdded, userRemoved, botAdded, botRemoved,
    /// channelCreated, channelRenamed, channelDeleted, teamRenamed, teamDeleted, sendEmail, mentionInWord; none gives a bare
    /// activity with <c>type "&lt;custom-activity-type&gt;"</c>.
    /// </summary>
    public async Task<JsonObject> GetCustomActivityTemplateAsync(string conversationId, string? type = null, CancellationToken cancellationToken = default)
    {
        var url = $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}";
        if (type is not null) url += $"&type={Uri.EscapeDataString(type)}";
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"get the '{type}' template for '{conversationId}'", cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken).ConfigureAwait(false))
               ?? throw new InvalidOperationException("The Playground answered the template request without a body.");
    }

    /// <summary>
    /// <c>POST /_internal/v1/customActivities</c>: the Playground posts the activity to the bot as is (fill serviceUrl,
    /// conversation, from, recipient yourself, or start from <see cref="GetCustomActivityTemplateAsync"/>). It answers
    /// before posting, and the bot's HTTP answer is not returned.
    /// </summary>
    public async Task SendCustomActivityAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await _http.PostAsJsonAsync("_internal/v1/customActivities", activity, Json, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "send a custom activity", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for <paramref name="count"/> new bot messages in the conversation (or a channel's posts). See <see cref="PlaygroundStream"/>.</summary>
    public Task<IReadOnlyList<PlaygroundMessage>> WaitForBotMessagesAsync(
        string conversationId, int count = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Stream.WaitForBotMessagesAsync(conversationId, count, null, timeout, cancellationToken);

    /// <summary>Waits for the next bot message in the conversation that matches <paramref name="predicate"/>.</summary>
    public async Task<PlaygroundMessage> WaitForBotMessageAsync(
        string conversationId, Func<PlaygroundMessage, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await Stream.WaitForBotMessagesAsync(conversationId, 1, predicate, timeout, cancellationToken).ConfigureAwait(false))[0];

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new HttpRequestException(
            $"The Playground refused to {what}: {(int)response.StatusCode} {response.ReasonPhrase} {body}", null, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private sealed record TestConfigResponse(PlaygroundTestConfig? Config);

    private sealed record CreateMessageResponse(string MessageId, string? PostConversationId, long Timestamp);
}
