using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Authentication;
using TeamsBot.BotFramework.Diagnostics;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// POST /api/messages: size limit, parse, authenticate, tenant allow-list, then the turn. Invokes are answered with the
/// bot's InvokeResponse; other activities with 200 once the turn ends or the budget runs out.
/// </summary>
internal sealed class BotMessageHandler(
    CloudAdapter adapter,
    IBotAuthenticator authenticator,
    BackgroundTurns background,
    TimeProvider time,
    IOptions<BotFrameworkAuthenticationOptions> authOptions,
    IOptions<BotEndpointOptions> endpointOptions,
    ILogger<BotMessageHandler> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var limit = endpointOptions.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, "Request body too large").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(http.Request, limit, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, "Request body too large").ConfigureAwait(false);
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.WrittenSpan, BotJson.Options);
        }
        catch (JsonException)
        {
            await Problem(http, StatusCodes.Status400BadRequest, "Malformed JSON").ConfigureAwait(false);
            return;
        }
        var missing = activity is null ? "activity" : Missing(activity);
        if (missing is not null || activity is null)
        {
            await Problem(http, StatusCodes.Status400BadRequest, $"Missing or invalid required field: {missing}").ConfigureAwait(false);
            return;
        }
        BotTelemetry.DescribeRequest(activity);

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity, http.RequestAborted).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            logger.LogWarning("Refused activity {ActivityId}: authentication failed: {Reason}", activity.Id, auth.FailureReason);
            await Problem(http, StatusCodes.Status401Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (!authOptions.Value.IsTenantAllowed(activity.GetTenantId()))
        {
            logger.LogWarning("Refused activity {ActivityId}: tenant not allowed", activity.Id);
            await Problem(http, StatusCodes.Status403Forbidden, "Tenant not allowed").ConfigureAwait(false);
            return;
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            await HandleInvokeAsync(http, activity).ConfigureAwait(false);
            return;
        }

        var turn = background.Start(ct => adapter.ProcessActivityAsync(activity, ct), activity.Conversation!.Id, activity.Id, activity.Type);
        // WaitAsync, not WhenAny with Task.Delay: the budget's timer is released as soon as the turn ends.
        bool succeeded;
        try
        {
            succeeded = await turn.WaitAsync(endpointOptions.Value.TurnBudget, time, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            logger.LogInformation("Turn for activity {ActivityId} continues after the response", activity.Id);
            BotTelemetry.TurnContinuesAfterResponse();
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        if (!succeeded)
        {
            await Problem(http, StatusCodes.Status500InternalServerError, "The bot failed to process the activity").ConfigureAwait(false);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task HandleInvokeAsync(HttpContext http, Activity activity)
    {
        InvokeResponse? response;
        try
        {
            response = await adapter.ProcessActivityAsync(activity, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Invoke {InvokeName} failed for activity {ActivityId} in conversation {ConversationId}",
                activity.Name, activity.Id, activity.Conversation?.Id);
            await Problem(http, StatusCodes.Status500InternalServerError, "The bot failed to process the invoke").ConfigureAwait(false);
            return;
        }

        if (response is null)
        {
            await Problem(http, StatusCodes.Status501NotImplemented, "Invoke not handled").ConfigureAwait(false);
            return;
        }
        http.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, response.Body, response.Body.GetType(), BotJson.Options, http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (checked while reading: Content-Length may be absent).</summary>
    private static async Task<ArrayBufferWriter<byte>?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var expected = request.ContentLength is > 0 and var length ? (int)Math.Min(length, limit) : 0;
        var buffer = new ArrayBufferWriter<byte>(expected > 0 ? expected + 1 : 4096);
        while (true)
        {
            // Ask for what is left of a declared length (+1 to see the end), not 8 KB more: a 1 KB activity stays 1 KB.
            var memory = buffer.GetMemory(expected > buffer.WrittenCount ? expected - buffer.WrittenCount + 1 : 4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0) return buffer;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return null;
        }
    }

    private static string? Missing(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return "type";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "conversation.id";
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl)
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "serviceUrl";
        return null;
    }

    private static Task Problem(HttpContext http, int status, string title)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { title, status }, BotJson.Options), http.RequestAborted);
    }
}
