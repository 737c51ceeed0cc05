using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Diagnostics;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// <see cref="IConnectorClient"/> over the named HttpClient "BotConnector", with the bot token, Teams' rate limits and
/// bounded retries (Retry-After on 429, exponential backoff with jitter otherwise).
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokens,
    ConnectorRateLimiter limiter,
    BotTelemetry telemetry,
    TimeProvider time,
    IOptions<BotConnectorOptions> options,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private readonly BotConnectorOptions _options = options.Value;

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("ReplyToActivity", HttpMethod.Post,
            Url(serviceUrl, "v3/conversations", conversationId, "activities", replyToId), activity,
            activity.GetTenantId(), conversationId, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("SendToConversation", HttpMethod.Post,
            Url(serviceUrl, "v3/conversations", conversationId, "activities"), activity,
            activity.GetTenantId(), conversationId, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("UpdateActivity", HttpMethod.Put,
            Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId), activity,
            activity.GetTenantId(), conversationId, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>("DeleteActivity", HttpMethod.Delete,
            Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId), null,
            null, conversationId, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationResourceResponse>("CreateConversation", HttpMethod.Post,
            Url(serviceUrl, "v3/conversations"), parameters,
            parameters.TenantId, conversationId: null, cancellationToken);

    public Task<PagedMembersResult> GetConversationPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (pageSize is { } size) query.Add($"pageSize={size}");
        if (!string.IsNullOrEmpty(continuationToken)) query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        var url = Url(serviceUrl, "v3/conversations", conversationId, "pagedmembers") + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<PagedMembersResult>("GetConversationPagedMembers", HttpMethod.Get, url, null, null, null, cancellationToken);
    }

    public Task<ConversationList> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationList>("GetTeamChannels", HttpMethod.Get,
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

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string url, object? body, string? tenantId, string? conversationId, CancellationToken cancellationToken)
        where T : class, new()
    {
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
                    if (response.IsSuccessStatusCode) return await ReadAsync<T>(operation, response, attempt, cancellationToken).ConfigureAwait(false);

                    status = response.StatusCode;
                    errorCode = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
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

            if (status == HttpStatusCode.Forbidden && string.Equals(errorCode, ConversationBlockedException.BlockedErrorCode, StringComparison.OrdinalIgnoreCase))
                throw new ConversationBlockedException(operation, conversationId);

            // A 401 usually means a stale token: one fresh token, then treat it as final.
            if (status == HttpStatusCode.Unauthorized && !refreshedToken && await tokens.GetTokenAsync(true, cancellationToken).ConfigureAwait(false) is not null)
            {
                refreshedToken = true;
                continue;
            }

            var retryable = failure is not null || (status is { } s && _options.RetryStatusCodes.Contains((int)s));
            if (!retryable || attempt >= _options.MaxAttempts)
                throw new ConnectorException(operation, status, errorCode, attempt, failure);

            var delay = status == HttpStatusCode.TooManyRequests && retryAfter is { } ra
                ? TimeSpan.FromTicks(Math.Min(ra.Ticks, _options.MaxRetryAfter.Ticks))
                : Backoff(attempt);
            if (time.GetElapsedTime(started) + delay > _options.MaxTotalTime)
                throw new ConnectorException(operation, status, errorCode, attempt, failure);

            logger.LogWarning("Connector {Operation} attempt {Attempt} failed ({Status} {ErrorCode}); retrying in {DelayMs} ms",
                operation, attempt, status is null ? "timeout/connection" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), errorCode, (int)delay.TotalMilliseconds);
            telemetry.ConnectorRetrying(operation, status);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
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

    private static async Task<T> ReadAsync<T>(string operation, HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
        where T : class, new()
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return new T();
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, BotJson.Options) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(operation, response.StatusCode, "InvalidResponseBody", attempt, ex);
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0) return null;
            return JsonSerializer.Deserialize<ErrorResponse>(bytes, BotJson.Options)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
