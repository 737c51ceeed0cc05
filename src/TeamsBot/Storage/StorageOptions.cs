namespace TeamsBot.Storage;

/// <summary>Where the tables live: a connection string (Azurite, development) or an account URL with managed identity.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public string? TableEndpoint { get; set; }

    /// <summary>Prepended to every table name, so tests and side-by-side environments can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>
    /// Retries of a failed storage request (the SDK's default is 3 with up to 100 s per attempt). With these defaults a
    /// storage that refuses connections is reported in under a second and one that hangs in about 8 s
    /// (3 attempts × <see cref="NetworkTimeout"/> + 0.2 s + 0.4 s backoff), so a user hears back within Teams' 15 s.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; each next one doubles it, up to 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one attempt may wait on the network before it counts as failed.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How long a /healthz storage probe's result is reused, so a burst of health checks costs one request.</summary>
    public TimeSpan HealthProbeCacheFor { get; set; } = TimeSpan.FromSeconds(5);

    public string TableName(string name) => TablePrefix + name;
}
