using Azure.Identity;

namespace TeamsBot.BotFramework.Connector;

/// <summary>Outbound calls to the connector (configuration section "BotConnector").</summary>
public sealed class BotConnectorOptions
{
    public const string SectionName = "BotConnector";
    public const string HttpClientName = "BotConnector";
    public const string DefaultScope = "https://api.botframework.com/.default";

    /// <summary>Proactive default for Teams when no serviceUrl was stored.</summary>
    public const string TeamsDefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    public string Scope { get; set; } = DefaultScope;

    /// <summary>Entra authority host for the client-credentials token (tests point it at a loopback server).</summary>
    public Uri? AuthorityHost { get; set; }

    /// <summary>Lets code (tests) adjust the credential's options, e.g. its transport. Not bound from configuration.</summary>
    public Action<TokenCredentialOptions>? ConfigureCredentialOptions { get; set; }

    /// <summary>A cached token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 5;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(16);

    /// <summary>A longer Retry-After is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>No retry starts after this much time since the first attempt.</summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Answers that prove the connector did not take the request, retried with backoff for every operation (as are
    /// failures to connect). Teams documents 412, 429 and 503 as "retry".
    /// </summary>
    public ISet<int> RetryStatusCodes { get; set; } = new HashSet<int> { 412, 429, 503 };

    /// <summary>
    /// Answers that leave open whether the request was taken (Teams: 502 and 504 "retry"), retried only for GET, PUT and
    /// DELETE, as are timeouts and connections lost after sending; a POST that posts a message is not sent twice.
    /// </summary>
    public ISet<int> IdempotentRetryStatusCodes { get; set; } = new HashSet<int> { 502, 504 };

    public int PerConversationPerSecond { get; set; } = 7;
    public int PerConversationPer30Seconds { get; set; } = 60;
    /// <summary>The app's budget per tenant, across all its instances (Teams: 50 requests/s per app per tenant).</summary>
    public int PerTenantPerSecond { get; set; } = 50;

    /// <summary>
    /// Instances sharing <see cref="PerTenantPerSecond"/> when they do not agree on it through a store
    /// (<c>AddSharedTenantBudget</c>): each uses 1/Instances of it.
    /// </summary>
    public int Instances { get; set; } = 1;

    /// <summary>With a shared budget: how often each instance says it is alive and reads who else is.</summary>
    public TimeSpan ShareHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>With a shared budget: an instance not heard of for this long is gone, and its share returns to the others.</summary>
    public TimeSpan ShareExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests waiting for a permit per limiter partition; beyond this a send fails rather than waits.</summary>
    public int QueueLimit { get; set; } = 10_000;
}
