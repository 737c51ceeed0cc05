namespace TeamsBot.Digest;

/// <summary>
/// Keeps a claim alive while its brief is being sent: renews the lease every third of its length, and serializes
/// the renewals with the final write so each uses the latest ETag.
/// </summary>
public sealed class DigestLease : IAsyncDisposable
{
    private readonly DigestRunStore _runs;
    private readonly TimeProvider _time;
    private readonly TimeSpan _length;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private bool _done;

    public DigestLease(DigestRunStore runs, DigestClaim claim, TimeProvider time, TimeSpan length, ILogger logger)
    {
        _runs = runs;
        Claim = claim;
        _time = time;
        _length = length;
        _logger = logger;
        _renewals = RenewLoopAsync(_stop.Token);
    }

    public DigestClaim Claim { get; }

    /// <summary>Renews now; false if another instance has taken the week over (then do not send).</summary>
    public Task<bool> ConfirmAsync(CancellationToken ct) => UnderGateAsync(() => _runs.RenewAsync(Claim, _time.GetUtcNow(), _length, ct));

    public Task<bool> CompleteAsync(string conversationId, string? activityId, CancellationToken ct) =>
        UnderGateAsync(() => _runs.MarkPostedAsync(Claim, _time.GetUtcNow(), conversationId, activityId, ct), final: true);

    /// <summary>Shortens the lease to <paramref name="retryIn"/>, so a failed send is retried soon by whichever instance polls then.</summary>
    public Task<bool> RetryLaterAsync(TimeSpan retryIn, CancellationToken ct) =>
        UnderGateAsync(() => _runs.RenewAsync(Claim, _time.GetUtcNow(), retryIn, ct), final: true);

    public Task<bool> FailAsync(string reason, CancellationToken ct) =>
        UnderGateAsync(() => _runs.MarkFailedAsync(Claim, _time.GetUtcNow(), reason, ct), final: true);

    // After a final write (posted, failed, retry later) no renewal may extend the lease again.
    private async Task<bool> UnderGateAsync(Func<Task<bool>> write, bool final = false)
    {
        await _gate.WaitAsync();
        try
        {
            if (_done) return false;
            var held = await write();
            _done = !held || final;
            return held;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RenewLoopAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_length / 3, _time, ct);
                if (!await ConfirmAsync(ct))
                {
                    _logger.LogWarning("Lost the brief lease for week {Week} of subscription {Subscription}", Claim.Week, Claim.SubscriptionKey);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A failed renewal is not fatal: the final conditional write still decides.
            _logger.LogWarning(e, "Renewing the brief lease for week {Week} failed", Claim.Week);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
        _gate.Dispose();
    }
}
