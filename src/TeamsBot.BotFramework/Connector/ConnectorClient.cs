using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Authentication;
using TeamsBot.BotFramework.Diagnostics;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// <see cref="IConnectorClient"/> over the named HttpClient "BotConnector", with the bot token, Teams' rate limits and
/// bounded retries (Retry-After on 429, exponential backoff with jitter otherwise) of only what cannot arrive twice
/// (<see cref="RetryRule"/>). Nothing is sent where <see cref="ServiceUrlPolicy"/> forbids; a blocked conversation is
/// reported to the <see cref="IConversationBlockedListener"/>s.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokens,
    ConnectorRateLimiter limiter,
    BotTelemetry telemetry,
    TimeProvider time,
    ServiceUrlPolicy serviceUrls,
    IEnumerable<IConversationBlockedListener> blockedListeners,
    IOptions<BotConnectorOptions> options,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private readonly BotConnectorOptions _options = options.Value;

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("ReplyToActivity", HttpMethod.Post, serviceUrl,
            Url(serviceUrl, "v3/conversations", conversationId, "activities", replyToId), activity,
            activity.GetTenantId(), conversationId, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("SendToConversation", HttpMethod.Post, serviceUrl,
            Url(serviceUrl, "v3/conversations", conversationId, "activities"), activity,
            activity.GetTenantId(), conversationId, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("UpdateActivity", HttpMethod.Put, serviceUrl,
            Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId), activity,
            activity.GetTenantId(), conversationId, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("DeleteActivity", HttpMethod.Delete, serviceUrl,
            Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId), null,
            null, conversationId, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationResourceResponse>("CreateConversation", HttpMethod.Post, serviceUrl,
            Url(serviceUrl, "v3/conversations"), parameters,
            parameters.TenantId, conversationId: null, cancellationToken);

    public Task<PagedMembersResult> GetConversationPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (pageSize is { } size) query.Add($"pageSize={size}");
        if (!string.IsNullOrEmpty(continuationToken)) query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        var url = Url(serviceUrl, "v3/conversations", conversationId, "pagedmembers") + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<PagedMembersResult>("GetConversationPagedMembers", HttpMethod.Get, serviceUrl, url, null, null, null, cancellationToken);
    }

    public Task<ConversationList> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationList>("GetTeamChannels", HttpMethod.Get, serviceUrl,
            Url(serviceUrl, "v3/teams", teamId, "conversations"), null, null, null, cancellationToken);

    /// <summary>serviceUrl with or without a trailing slash, then the path; ids are percent-encoded (Teams ids hold ':', '@', ';').</summary>
    internal static string Url(string serviceUrl, string root, params string[] segments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("serviceUrl must be an absolute http(s) URL.", nameof(serviceUrl));
        var path = string.Join('/', segments.Select((s, i) => i % 2 == 0 ? Escape(s) : s));
        return $"{serviceUrl.TrimEnd('/')}/{root}{(path.Length > 0 ? "/" + path : "")}";

        static string Escape(string id)
        {
            ArgumentException.ThrowIfNullOrEmpty(id);
            return Uri.EscapeDataString(id);
        }
    }

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string serviceUrl, string url, object? body, string? tenantId, string? conversationId, CancellationToken cancellationToken)
        where T : class, new()
    {
        if (serviceUrls.Refusal(serviceUrl) is { } refusal)
        {
            logger.LogWarning("Connector {Operation} not sent to conversation {ConversationId}: {Reason}", operation, conversationId, refusal);
            throw new ConnectorException(operation, null, "ServiceUrlNotAllowed", 0);
        }

        var started = time.GetTimestamp();
        var http = httpClientFactory.CreateClient(BotConnectorOptions.HttpClientName);
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options);
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            string? errorCode = null;
            TimeSpan? retryAfter = null;
            Exception? failure = null;
            var isWrite = method != HttpMethod.Get;

            // The permit counts until the response is in: Teams counts the request when it arrives, not when it starts.
            using (await limiter.AcquirePermitAsync(tenantId, isWrite ? conversationId : null, cancellationToken).ConfigureAwait(false))
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCts.CancelAfter(_options.AttemptTimeout);
                try
                {
                    using var request = new HttpRequestMessage(method, url);
                    if (payload is not null) request.Content = JsonBody(payload);
                    var token = await tokens.GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
                    if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptCts.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode) return await ReadAsync<T>(operation, response, conversationId, cancellationToken).ConfigureAwait(false);

                    status = response.StatusCode;
                    errorCode = await ConnectorErrorBody.ReadCodeAsync(response, cancellationToken).ConfigureAwait(false);
                    retryAfter = RetryAfter(response);
                    telemetry.ConnectorAttemptFailed(operation, response.StatusCode);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ex; // the attempt timed out
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                }
            }

            if (status == HttpStatusCode.Forbidden && ConversationBlockedException.IsBlockedCode(errorCode))
            {
                await NotifyBlockedAsync(serviceUrl, tenantId, conversationId, errorCode!, cancellationToken).ConfigureAwait(false);
                throw new ConversationBlockedException(operation, conversationId, errorCode!);
            }

            // A 401 usually means a stale token: one fresh token, then treat it as final. The request was refused, so
            // sending it again cannot deliver it twice.
            if (status == HttpStatusCode.Unauthorized && !refreshedToken && await tokens.GetTokenAsync(true, cancellationToken).ConfigureAwait(false) is not null)
            {
                refreshedToken = true;
                continue;
            }

            if (!RetryRule.MayRetry(method, status, failure, _options) || attempt >= _options.MaxAttempts)
                throw Final(operation, method, status, errorCode, attempt, failure);

            var delay = status == HttpStatusCode.TooManyRequests && retryAfter is { } ra
                ? TimeSpan.FromTicks(Math.Min(ra.Ticks, _options.MaxRetryAfter.Ticks))
                : Backoff(attempt);
            if (time.GetElapsedTime(started) + delay > _options.MaxTotalTime)
                throw Final(operation, method, status, errorCode, attempt, failure);

            logger.LogWarning("Connector {Operation} attempt {Attempt} failed ({Status} {ErrorCode}); retrying in {DelayMs} ms",
                operation, attempt, status is null ? "timeout/connection" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), errorCode, (int)delay.TotalMilliseconds);
            telemetry.ConnectorRetrying(operation, status);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The exception for a call given up on; says whether the connector may have taken it after all.</summary>
    private ConnectorException Final(string operation, HttpMethod method, HttpStatusCode? status, string? errorCode, int attempts, Exception? failure)
    {
        var unknown = !RetryRule.IsIdempotent(method) && (status is { } s
            ? (int)s >= 500 && !_options.RetryStatusCodes.Contains((int)s)
            : !RetryRule.NotSent(failure));
        return new ConnectorException(operation, status, errorCode, attempts, failure, mayHaveBeenDelivered: unknown);
    }

    private async Task NotifyBlockedAsync(string serviceUrl, string? tenantId, string? conversationId, string errorCode, CancellationToken cancellationToken)
    {
        if (conversationId is null) return; // a new conversation: there is nothing stored to mark yet
        var blocked = new BlockedConversation(serviceUrl, tenantId, conversationId, errorCode);
        foreach (var listener in blockedListeners)
        {
            try
            {
                await listener.OnConversationBlockedAsync(blocked, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Listener} failed to note that conversation {ConversationId} is blocked", listener.GetType().Name, conversationId);
            }
        }
    }

    /// <summary>
    /// The serialized body with its Content-Length, as the official SDKs send it: JsonContent would stream it chunked,
    /// and some Microsoft endpoints do not read chunked request bodies.
    /// </summary>
    private static ByteArrayContent JsonBody(byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Exponential backoff with jitter: a random delay between half and all of base·2^(attempt-1), capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.BaseDelay.Ticks * Math.Pow(2, attempt - 1), _options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>
    /// A 2xx answer's body. The connector took the request whatever the body says, so an unreadable one is logged and
    /// answered as an empty response (no id) rather than failing a call that succeeded.
    /// </summary>
    private async Task<T> ReadAsync<T>(string operation, HttpResponseMessage response, string? conversationId, CancellationToken cancellationToken)
        where T : class, new()
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return new T();
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, BotJson.Options) ?? new T();
        }
        catch (JsonException)
        {
            logger.LogWarning("Connector {Operation} in conversation {ConversationId} answered {Status} with a body that is not the expected JSON; taken as delivered",
                operation, conversationId, (int)response.StatusCode);
            return new T();
        }
    }
}
