using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TeamsBot.Testing;

/// <summary>
/// Listens on the Playground's WebSocket <c>/_ws_conversation/v1/conversations/stream</c> (what its web client shows:
/// the bot's messages, updates and typing; not the user's own messages) and keeps every event, so a test can connect
/// before acting and then wait for what the bot sent. The Playground broadcasts to every connected client and buffers
/// events while none is connected (flushing them to the next one).
/// </summary>
public sealed class PlaygroundStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PlaygroundStreamEvent> _events = [];
    private readonly HashSet<PlaygroundStreamEvent> _taken = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private Task _receiving = Task.CompletedTask;
    private Exception? _failure;

    private PlaygroundStream(ClientWebSocket socket) => _socket = socket;

    public static async Task<PlaygroundStream> ConnectAsync(Uri playgroundBaseAddress, CancellationToken cancellationToken = default)
    {
        var uri = new UriBuilder(new Uri(playgroundBaseAddress, "_ws_conversation/v1/conversations/stream"))
        {
            Scheme = playgroundBaseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        }.Uri;
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(uri, timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var stream = new PlaygroundStream(socket);
        stream._receiving = Task.Run(stream.ReceiveLoopAsync, CancellationToken.None);
        return stream;
    }

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<PlaygroundStreamEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    /// <summary>All bot messages (createMessage events) received so far, in order.</summary>
    public IReadOnlyList<PlaygroundMessage> BotMessages
    {
        get { lock (_gate) return [.. _events.Where(e => e.Action == PlaygroundStreamEvent.CreateMessage && e.Message is not null).Select(e => e.Message!)]; }
    }

    /// <summary>
    /// Waits until events matching <paramref name="predicate"/> that no earlier wait returned number at least
    /// <paramref name="count"/>, then returns (and consumes) the first <paramref name="count"/> of them.
    /// Throws <see cref="TimeoutException"/> listing what did arrive.
    /// </summary>
    public async Task<IReadOnlyList<PlaygroundStreamEvent>> WaitForEventsAsync(
        Func<PlaygroundStreamEvent, bool> predicate, int count, TimeSpan timeout, string? description = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _events.Where(e => !_taken.Contains(e) && predicate(e)).Take(count).ToList();
                if (found.Count == count)
                {
                    foreach (var e in found) _taken.Add(e);
                    return found;
                }
                if (_failure is not null)
                {
                    throw new InvalidOperationException(
                        $"The Playground stream closed while waiting for {description ?? "events"}; received:{Environment.NewLine}{Describe(_events)}",
                        _failure);
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                string received;
                lock (_gate) received = Describe(_events);
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {count} × {description ?? "matching events"} " +
                    $"on the Playground stream. Received:{Environment.NewLine}{received}");
            }
        }
    }

    /// <summary>Waits for <paramref name="count"/> new bot messages in a conversation (or a channel's posts), optionally filtered.</summary>
    public async Task<IReadOnlyList<PlaygroundMessage>> WaitForBotMessagesAsync(
        string conversationId, int count = 1, Func<PlaygroundMessage, bool>? predicate = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var events = await WaitForEventsAsync(
            e => e.Action == PlaygroundStreamEvent.CreateMessage && e.Message is not null && e.IsIn(conversationId)
                 && (predicate is null || predicate(e.Message)),
            count, timeout ?? TimeSpan.FromSeconds(15), $"bot message(s) in '{conversationId}'", cancellationToken).ConfigureAwait(false);
        return [.. events.Select(e => e.Message!)];
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException($"The Playground closed the stream ({result.CloseStatus} {result.CloseStatusDescription}).");
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                Add(Parse(text));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failure = e;
                Pulse();
            }
        }
    }

    private void Add(PlaygroundStreamEvent e)
    {
        lock (_gate)
        {
            _events.Add(e);
            Pulse();
        }
    }

    private void Pulse()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Parses one stream frame.</summary>
    public static PlaygroundStreamEvent Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement.Clone();
        var action = root.TryGetProperty("action", out var a) ? a.GetString() ?? "" : "";
        var conversationId = root.TryGetProperty("actionConversationId", out var c) ? c.GetString() ?? "" : "";
        PlaygroundMessage? message = null;
        if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object) message = ParseMessage(m);
        return new PlaygroundStreamEvent(action, conversationId, message, root);
    }

    private static PlaygroundMessage ParseMessage(JsonElement m)
    {
        static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var attachments = new List<PlaygroundAttachment>();
        if (m.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                attachments.Add(new PlaygroundAttachment(
                    Str(item, "contentType") ?? "",
                    item.TryGetProperty("content", out var content) ? content : default));
            }
        }
        var timestamp = m.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds(t.GetInt64())
            : DateTimeOffset.MinValue;
        var from = m.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? Str(f, "id") ?? "" : "";
        return new PlaygroundMessage(
            Str(m, "messageId") ?? "",
            timestamp,
            from,
            Str(m, "text"),
            Str(m, "textFormat"),
            attachments,
            Str(m, "attachmentLayout"),
            m.TryGetProperty("mentions", out var mentions) ? mentions : default,
            m.TryGetProperty("suggestedActions", out var suggested) && suggested.ValueKind == JsonValueKind.Object ? suggested : null,
            Str(m, "directLineConversationId"),
            Str(m, "postConversationId"),
            m);
    }

    private static string Describe(IEnumerable<PlaygroundStreamEvent> events)
    {
        var lines = events.Select(e => "  " + e.Raw.GetRawText()).ToList();
        return lines.Count == 0 ? "  (nothing)" : string.Join(Environment.NewLine, lines.TakeLast(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or WebSocketException)
        {
        }
        _socket.Dispose();
        _stop.Dispose();
    }
}
