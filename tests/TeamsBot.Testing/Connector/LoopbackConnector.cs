using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsBot.Testing;

/// <summary>What the loopback connector does besides answering.</summary>
public sealed record LoopbackConnectorOptions
{
    /// <summary>Keep every request (headers, body). A benchmark turns this off; counts and waits still work.</summary>
    public bool KeepRequests { get; init; } = true;

    /// <summary>Strict mode: Teams' rate limits, answered with 429 and Retry-After (whole seconds). Off when null.</summary>
    public TeamsRateLimits? RateLimits { get; init; }
}

/// <summary>
/// A stand-in for the Bot Connector service (Azure, not runnable here) on real Kestrel at 127.0.0.1 and a free port.
/// It answers the documented REST routes (send, reply, update, delete, create conversation, paged members, team
/// channels), records every request as it arrived, lets a test script the next answers (a status, Retry-After, a
/// hang), refuse conversations with 403 MessageWritesBlocked, or enforce Teams' rate limits, and await what arrives.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    /// <summary>Teams' serviceUrls have a path ("https://smba.trafficmanager.net/teams/"); so does this one.</summary>
    private const string BasePath = "/teams/";

    private readonly LoopbackConnectorOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly List<ConnectorRequest> _requests = [];
    private readonly List<Waiter> _waiters = [];
    private readonly LinkedList<Script> _script = new();
    private readonly ConcurrentDictionary<(string Conversation, string ReplyTo), TaskCompletionSource<ConnectorRequest>> _replyWaiters = new();
    private readonly ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);
    private LoopbackServer _server = null!;
    private long _next;
    private long _throttled;
    private long _accepted;
    private long _unawaited;
    private long _firstAccepted;
    private long _lastAccepted;

    private LoopbackConnector(LoopbackConnectorOptions options) => _options = options;

    public static async Task<LoopbackConnector> StartAsync(LoopbackConnectorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var connector = new LoopbackConnector(options ?? new LoopbackConnectorOptions());
        connector._server = await LoopbackServer.StartAsync(app => app.Run(connector.HandleAsync), captureLogs: false, cancellationToken: cancellationToken);
        return connector;
    }

    /// <summary>serviceUrl as Teams sends it, with a path and a trailing slash.</summary>
    public string ServiceUrl => _server.Url(BasePath);

    /// <summary>Every request so far, in arrival order (empty when <see cref="LoopbackConnectorOptions.KeepRequests"/> is off).</summary>
    public IReadOnlyList<ConnectorRequest> Requests
    {
        get
        {
            lock (_gate) return [.. _requests];
        }
    }

    /// <summary>Message activities the bot sent or replied that were accepted.</summary>
    public IReadOnlyList<JsonObject> Messages => [.. Requests.Where(r => r.IsMessage && r.Succeeded).Select(r => r.Body!)];

    /// <summary>Accepted sends, replies and updates into existing conversations.</summary>
    public IReadOnlyList<ConnectorRequest> Sends => [.. Requests.Where(r => r.IsActivityWrite && r.Succeeded)];

    /// <summary>Accepted POST /v3/conversations (a new channel thread or chat).</summary>
    public IReadOnlyList<ConnectorRequest> CreatedConversations =>
        [.. Requests.Where(r => r.Operation == ConnectorOperation.CreateConversation && r.Succeeded)];

    /// <summary>The channel of each accepted new conversation, in arrival order.</summary>
    public IReadOnlyList<string> ChannelsPostedTo => [.. CreatedConversations.Select(r => r.ChannelId ?? "")];

    /// <summary>Accepted new conversations per channel (kept even when requests are not), so duplicates can be counted.</summary>
    public ConcurrentDictionary<string, int> CreatedPerChannel { get; } = new(StringComparer.Ordinal);

    /// <summary>How many requests were answered 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>How many writes were accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>From the first accepted write to the last.</summary>
    public TimeSpan AcceptedSpan => Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstAccepted), Interlocked.Read(ref _lastAccepted));

    /// <summary>Replies that arrived while nobody awaited them with <see cref="WaitForReplyAsync"/>.</summary>
    public long Unawaited => Interlocked.Read(ref _unawaited);

    /// <summary>The next request (that <paramref name="when"/> accepts, if given) is answered by <paramref name="respond"/>.</summary>
    public void Enqueue(Func<HttpContext, Task> respond, Func<ConnectorRequest, bool>? when = null)
    {
        lock (_gate) _script.AddLast(new Script(respond, when));
    }

    public void EnqueueStatus(int status, string? errorCode = null, string? retryAfter = null, Func<ConnectorRequest, bool>? when = null) =>
        Enqueue(http => ErrorAsync(http, status, errorCode, retryAfter), when);

    /// <summary>Answers only after <paramref name="delay"/>, or never when the client gives up first.</summary>
    public void EnqueueHang(TimeSpan delay) => Enqueue(async http =>
    {
        try
        {
            await Task.Delay(delay, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    });

    /// <summary>Writes to <paramref name="conversationOrChannelId"/> (or to threads of that channel) get 403 MessageWritesBlocked.</summary>
    public void Block(string conversationOrChannelId) => _blocked[conversationOrChannelId] = true;

    /// <summary>Waits until <paramref name="count"/> requests matching <paramref name="match"/> have been answered; returns those kept.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForAsync(Func<ConnectorRequest, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        Waiter waiter;
        lock (_gate)
        {
            var seen = _requests.Count(r => r.Status != 0 && match(r));
            if (seen >= count) return [.. _requests.Where(r => r.Status != 0 && match(r))];
            waiter = new Waiter(match, count, seen);
            _waiters.Add(waiter);
        }
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        try
        {
            await waiter.Done.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            lock (_gate) _waiters.Remove(waiter);
            throw new TimeoutException($"Expected {count} matching connector request(s) within {limit.TotalSeconds:0} s, got {waiter.Seen}.");
        }
        return [.. Requests.Where(r => r.Status != 0 && match(r))];
    }

    /// <summary>Waits until at least <paramref name="count"/> message activities were accepted, and returns all of them.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForMessagesAsync(int count, TimeSpan? timeout = null) =>
        [.. (await WaitForAsync(r => r.IsMessage && r.Succeeded, count, timeout)).Select(r => r.Body!)];

    /// <summary>Waits until at least <paramref name="count"/> sends, replies or updates were accepted, and returns them.</summary>
    public Task<IReadOnlyList<ConnectorRequest>> WaitForSendsAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(r => r.IsActivityWrite && r.Succeeded, count, timeout);

    /// <summary>Waits until at least <paramref name="count"/> new conversations were accepted.</summary>
    public Task<IReadOnlyList<ConnectorRequest>> WaitForCreatedConversationsAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(r => r.Operation == ConnectorOperation.CreateConversation && r.Succeeded, count, timeout);

    /// <summary>
    /// Completes with the reply to <paramref name="replyToId"/> in <paramref name="conversationId"/> (its path's activity id
    /// or its body's replyToId). Register before posting the activity; cancelling forgets the wait.
    /// </summary>
    public async Task<ConnectorRequest> WaitForReplyAsync(string conversationId, string replyToId, CancellationToken cancellationToken)
    {
        var key = (conversationId, replyToId);
        var waiter = new TaskCompletionSource<ConnectorRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_replyWaiters.TryAdd(key, waiter))
            throw new InvalidOperationException($"Already waiting for a reply to {replyToId} in {conversationId}.");
        await using var forget = cancellationToken.Register(() =>
        {
            if (_replyWaiters.TryRemove(key, out var w)) w.TrySetCanceled(cancellationToken);
        });
        return await waiter.Task;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var arrived = Stopwatch.GetTimestamp();
        var request = await RecordAsync(http, arrived);
        var status = await RespondAsync(http, request, arrived);
        Completed(request, status);
    }

    private async Task<ConnectorRequest> RecordAsync(HttpContext http, long arrived)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(http.RequestAborted);
        var rawTarget = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var (operation, path, conversationId, activityId) = ConnectorRoute.Parse(http.Request.Method, rawTarget, BasePath);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ConnectorRequest(operation, http.Request.Method, rawTarget, path, conversationId, activityId, headers,
            http.Request.ContentLength, raw, ParseObject(raw), arrived, _clock.Elapsed);
        if (_options.KeepRequests)
        {
            lock (_gate) _requests.Add(request);
        }
        return request;
    }

    private async Task<int> RespondAsync(HttpContext http, ConnectorRequest request, long arrived)
    {
        if (NextScript(request) is { } scripted)
        {
            await scripted(http);
            return Counted(http.Response.StatusCode, arrived);
        }
        var isWrite = request.Method != HttpMethods.Get;
        var conversation = request.ConversationId ?? request.ChannelId ?? "";
        if (isWrite && IsBlocked(conversation))
            return Counted(await ErrorAsync(http, 403, "MessageWritesBlocked"), arrived);
        if (isWrite && _options.RateLimits?.Admit(request.TenantId, conversation, arrived) is { } wait && wait > TimeSpan.Zero)
            return Counted(await ErrorAsync(http, 429, "TooManyRequests", Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)), arrived);

        var n = Interlocked.Increment(ref _next);
        object answer = request.Operation switch
        {
            ConnectorOperation.CreateConversation => new
            {
                id = request.ChannelId is { } channel ? $"{channel};messageid={n}" : $"a:new-{n}",
                activityId = $"activity-{n}",
            },
            ConnectorOperation.UpdateActivity => new { id = request.ActivityId },
            ConnectorOperation.DeleteActivity => new { },
            ConnectorOperation.GetPagedMembers => new
            {
                continuationToken = "next page",
                members = new[] { new { id = TestUser.Kari.Id, name = TestUser.Kari.Name, aadObjectId = TestUser.Kari.AadObjectId, email = "kari@example.no", userPrincipalName = "kari@example.no" } },
            },
            ConnectorOperation.GetTeamChannels => new
            {
                conversations = new[] { new { id = "19:general@thread.tacv2", name = (string?)null }, new { id = "19:tiltak@thread.tacv2", name = (string?)"Tiltak" } },
            },
            _ => new { id = $"activity-{n}" },
        };
        if (request.Operation == ConnectorOperation.CreateConversation)
            CreatedPerChannel.AddOrUpdate(request.ChannelId ?? "", 1, (_, c) => c + 1);
        await http.Response.WriteAsJsonAsync(answer, http.RequestAborted);
        return Counted(200, arrived);
    }

    private int Counted(int status, long arrived)
    {
        if (status == 429) Interlocked.Increment(ref _throttled);
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _accepted);
            Interlocked.CompareExchange(ref _firstAccepted, arrived, 0);
            Interlocked.Exchange(ref _lastAccepted, arrived);
        }
        return status;
    }

    private void Completed(ConnectorRequest request, int status)
    {
        List<Waiter> done = [];
        lock (_gate)
        {
            request.Status = status;
            foreach (var waiter in _waiters)
                if (waiter.Match(request) && ++waiter.Seen >= waiter.Count) done.Add(waiter);
            foreach (var waiter in done) _waiters.Remove(waiter);
        }
        foreach (var waiter in done) waiter.Done.TrySetResult();

        if (request.Operation is not (ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity)) return;
        if (request.ConversationId is { } conversation && request.ReplyToId is { } replyTo && _replyWaiters.TryRemove((conversation, replyTo), out var replyWaiter))
            replyWaiter.TrySetResult(request);
        else
            Interlocked.Increment(ref _unawaited);
    }

    private Func<HttpContext, Task>? NextScript(ConnectorRequest request)
    {
        lock (_gate)
        {
            for (var node = _script.First; node is not null; node = node.Next)
            {
                if (node.Value.When is { } when && !when(request)) continue;
                _script.Remove(node);
                return node.Value.Respond;
            }
            return null;
        }
    }

    private bool IsBlocked(string conversation) =>
        _blocked.ContainsKey(conversation) || (conversation.IndexOf(";messageid=", StringComparison.Ordinal) is > 0 and var i && _blocked.ContainsKey(conversation[..i]));

    private static async Task<int> ErrorAsync(HttpContext http, int status, string? errorCode, string? retryAfter = null)
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null) http.Response.Headers.RetryAfter = retryAfter;
        if (errorCode is not null) await http.Response.WriteAsJsonAsync(new { error = new { code = errorCode, message = "scripted by the loopback connector" } });
        return status;
    }

    private static JsonObject? ParseObject(string raw)
    {
        if (raw.Length == 0) return null;
        try
        {
            return JsonNode.Parse(raw) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record Script(Func<HttpContext, Task> Respond, Func<ConnectorRequest, bool>? When);

    private sealed class Waiter(Func<ConnectorRequest, bool> match, int count, int seen)
    {
        public Func<ConnectorRequest, bool> Match { get; } = match;
        public int Count { get; } = count;
        public int Seen { get; set; } = seen;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
