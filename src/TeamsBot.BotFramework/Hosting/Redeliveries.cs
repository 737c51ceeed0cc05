using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// Teams delivers an activity again, same id, when the bot's HTTP answer took longer than 15 s (MicrosoftDocs/msteams-docs#6084).
/// This instance remembers each activity it took (conversation id + activity id) for <see cref="BotEndpointOptions.RedeliveryWindow"/>:
/// a message delivered again gets 200 without a second turn, an invoke delivered again gets the first delivery's answer
/// (waiting for it while it runs). A first delivery whose caller went away before it was answered is forgotten, so its
/// redelivery runs. Per instance only: a redelivery that reaches another instance runs again, where the writes' ETags guard.
/// </summary>
internal sealed class Redeliveries(TimeProvider time, IOptions<BotEndpointOptions> options)
{
    /// <summary>More than this many remembered activities (after dropping the expired ones) and new ones are not remembered.</summary>
    private const int MaxRemembered = 100_000;
    private const int MaxIdLength = 512;

    private readonly ConcurrentDictionary<(string Conversation, string Activity), Delivery> _taken = new();

    /// <summary>How an activity was taken: as its first delivery, or again (with the first delivery's answer).</summary>
    public abstract record Taken
    {
        private Taken() { }

        /// <summary><see cref="Delivery"/> is null when the activity is not remembered (no id, or memory full); otherwise <see cref="Answered"/> or <see cref="Abandoned"/> must follow.</summary>
        public sealed record First(Delivery? Delivery) : Taken;

        /// <summary>The first delivery's answer: its invoke response, null for other activities.</summary>
        public sealed record Again(InvokeResponse? Answer) : Taken;
    }

    public sealed class Delivery
    {
        internal Delivery((string, string) key, DateTimeOffset expiresAt) => (Key, ExpiresAt) = (key, expiresAt);

        internal (string Conversation, string Activity) Key { get; }
        internal DateTimeOffset ExpiresAt { get; }
        internal TaskCompletionSource<InvokeResponse?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Takes the activity. A delivery again while the first still runs waits for its answer; when the first is
    /// abandoned meanwhile, this one becomes the first.
    /// </summary>
    public async Task<Taken> TakeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is not { Length: > 0 and <= MaxIdLength } id || activity.Conversation?.Id is not { Length: > 0 } conversation)
            return new Taken.First(null);
        var key = (conversation, id);
        while (true)
        {
            var now = time.GetUtcNow();
            if (_taken.Count >= MaxRemembered) Forget(now);
            if (_taken.Count >= MaxRemembered) return new Taken.First(null);
            var mine = new Delivery(key, now + options.Value.RedeliveryWindow);
            var seen = _taken.GetOrAdd(key, mine);
            if (ReferenceEquals(seen, mine) || (seen.ExpiresAt <= now && _taken.TryUpdate(key, mine, seen))) return new Taken.First(mine);
            if (seen.ExpiresAt <= now) continue;
            try
            {
                return new Taken.Again(await seen.Answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (seen.Answer.Task.IsCanceled && !cancellationToken.IsCancellationRequested)
            {
                // The first delivery was abandoned: this one runs instead.
            }
        }
    }

    public static void Answered(Delivery? delivery, InvokeResponse? response) => delivery?.Answer.TrySetResult(response);

    /// <summary>The first delivery ended without an answer its caller received: forget it, so a redelivery runs.</summary>
    public void Abandoned(Delivery? delivery)
    {
        if (delivery is null) return;
        _taken.TryRemove(new KeyValuePair<(string, string), Delivery>(delivery.Key, delivery));
        delivery.Answer.TrySetCanceled();
    }

    public int Count => _taken.Count;

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, delivery) in _taken)
            if (delivery.ExpiresAt <= now) _taken.TryRemove(new KeyValuePair<(string, string), Delivery>(key, delivery));
    }
}
