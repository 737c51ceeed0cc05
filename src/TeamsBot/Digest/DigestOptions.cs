namespace TeamsBot.Digest;

/// <summary>The weekly brief (configuration section "Digest").</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Runs the scheduler in this instance; "brief nå" and the commands work either way.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim holds without renewal; longer than one send with all its retries (connector: 60 s).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Channels sent to at once; the connector's rate limiter does the spacing, this only bounds the work in flight.</summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>After a failed send (not a block) the week's claim is released this much later, for a retry.</summary>
    public TimeSpan RetryFailedAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Claims of one week (first try plus takeovers after failures) before the week is given up.</summary>
    public int MaxAttemptsPerWeek { get; set; } = 5;

    /// <summary>Identifies this instance in lease rows; default machine name + a random suffix.</summary>
    public string? InstanceId { get; set; }

    public int DueSoonDays { get; set; } = 14;
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(56);

    /// <summary>Items per list on the card before "… og N til".</summary>
    public int MaxItemsPerList { get; set; } = 10;

    /// <summary>Teams refuses messages over 100 KB; the card stays under this.</summary>
    public int MaxCardBytes { get; set; } = 80 * 1024;
}
