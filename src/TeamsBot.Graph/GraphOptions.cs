namespace TeamsBot.Graph;

/// <summary>Settings under "Graph" (Graph:Enabled, Graph:BaseUrl, …). The credentials come from the bot's own settings.</summary>
public sealed record GraphOptions
{
    public const string Section = "Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";
    public const string Scope = "https://graph.microsoft.com/.default";

    /// <summary>Set false to run without Graph even when credentials are present.</summary>
    public bool Enabled { get; init; } = true;

    public string BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>How long found users, groups, memberships and channel lists are reused.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a "not found" is remembered; short, so a newly created user shows up soon.</summary>
    public TimeSpan NotFoundCacheDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries for 429/503/504 (the Graph SDK honours Retry-After).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Upper bound on the total time spent waiting between retries of one call.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(30);
}
