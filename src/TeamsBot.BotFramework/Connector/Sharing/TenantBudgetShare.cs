namespace TeamsBot.BotFramework.Connector.Sharing;

/// <summary>The share the heartbeat last agreed on; the limiter reads it and wakes up when it changes.</summary>
internal sealed class TenantBudgetShare : ITenantBudgetShare
{
    private readonly Lock _gate = new();
    private RateShare _current;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TenantBudgetShare(RateShare initial) => _current = initial;

    public RateShare Current
    {
        get
        {
            lock (_gate) return _current;
        }
    }

    public Task WhenChanged
    {
        get
        {
            lock (_gate) return _changed.Task;
        }
    }

    public void Set(RateShare share)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (share == _current) return;
            _current = share;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
