using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Authentication;
using TeamsBot.BotFramework.Diagnostics;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// POST /api/messages. Before the activity is taken: size, shape and field rules (4xx with the reason), the token (401),
/// where replies would go (403), the tenant allow-list (403). Once taken, the answer says only that: 200 for a turn
/// that succeeded, failed (logged) or is still running after the budget, and for an invoke the bot's InvokeResponse
/// (501 when it has none) or, when it failed, an error body in an HTTP 200. A 5xx would make the channel send the
/// activity again and the bot answer twice. The same activity delivered again is answered as the first time without a
/// second turn (<see cref="Redeliveries"/>).
/// </summary>
internal sealed class BotMessageHandler(
    CloudAdapter adapter,
    InboundActivityReader reader,
    IBotAuthenticator authenticator,
    ServiceUrlPolicy serviceUrls,
    BackgroundTurns background,
    Redeliveries redeliveries,
    TimeProvider time,
    IOptions<BotFrameworkAuthenticationOptions> authOptions,
    IOptions<BotEndpointOptions> endpointOptions,
    ILogger<BotMessageHandler> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        Activity activity;
        try
        {
            if (await AcceptAsync(http).ConfigureAwait(false) is not { } accepted) return;
            activity = accepted;
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Dropped an inbound request: the caller went away before it was read");
            return; // there is no one to answer
        }
        catch (Exception ex)
        {
            // Our own fault before the activity was taken: nothing was processed, so the channel may safely send it again.
            logger.LogError(ex, "Could not check an inbound activity");
            http.Response.Headers.RetryAfter = "1";
            await ProblemAsync(http, StatusCodes.Status503ServiceUnavailable, "The bot could not check the activity; try again").ConfigureAwait(false);
            return;
        }

        Redeliveries.Taken taken;
        try
        {
            taken = await redeliveries.TakeAsync(activity, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        if (taken is Redeliveries.Taken.Again again)
        {
            logger.LogInformation("Activity {ActivityId} ({ActivityType}) was delivered again; answered as the first time, not run twice",
                activity.Id, activity.Type);
            BotTelemetry.Redelivered();
            await WriteAsync(http, activity, again.Answer).ConfigureAwait(false);
            return;
        }

        var delivery = ((Redeliveries.Taken.First)taken).Delivery;
        if (activity.Type == ActivityTypes.Invoke)
        {
            await HandleInvokeAsync(http, activity, delivery).ConfigureAwait(false);
        }
        else
        {
            // A message's turn is never abandoned: it runs on in the background whatever happens to the request.
            Redeliveries.Answered(delivery, null);
            await HandleTurnAsync(http, activity).ConfigureAwait(false);
        }
    }

    /// <summary>The activity when it is taken; otherwise the refusal has been answered and null is returned.</summary>
    private async Task<Activity?> AcceptAsync(HttpContext http)
    {
        var (activity, refusal) = await reader.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (refusal is not null || activity is null)
        {
            refusal ??= new InboundRefusal(StatusCodes.Status400BadRequest, "Missing or invalid required field: activity");
            logger.LogInformation("Refused an inbound request ({Status}): {Reason}", refusal.Status, refusal.Reason);
            await ProblemAsync(http, refusal.Status, refusal.Reason).ConfigureAwait(false);
            return null;
        }
        BotTelemetry.DescribeRequest(activity);

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity, http.RequestAborted).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            logger.LogWarning("Refused activity {ActivityId}: authentication failed: {Reason}", activity.Id, auth.FailureReason);
            await ProblemAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized").ConfigureAwait(false);
            return null;
        }

        if (serviceUrls.Refusal(activity.ServiceUrl) is { } serviceUrlProblem)
        {
            logger.LogWarning("Refused activity {ActivityId}: {Reason}", activity.Id, serviceUrlProblem);
            await ProblemAsync(http, StatusCodes.Status403Forbidden, $"serviceUrl not allowed: {serviceUrlProblem}").ConfigureAwait(false);
            return null;
        }

        if (!authOptions.Value.IsTenantAllowed(activity.GetTenantId()))
        {
            logger.LogWarning("Refused activity {ActivityId}: tenant not allowed", activity.Id);
            await ProblemAsync(http, StatusCodes.Status403Forbidden, "Tenant not allowed").ConfigureAwait(false);
            return null;
        }
        return activity;
    }

    private async Task HandleTurnAsync(HttpContext http, Activity activity)
    {
        var turn = background.Start(ct => adapter.ProcessActivityAsync(activity, ct), activity.Conversation!.Id, activity.Id, activity.Type);
        try
        {
            // WaitAsync, not WhenAny with Task.Delay: the budget's timer is released as soon as the turn ends. A turn
            // that failed was logged by BackgroundTurns; the activity was taken all the same.
            await turn.WaitAsync(endpointOptions.Value.TurnBudget, time, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            logger.LogInformation("Turn for activity {ActivityId} continues after the response", activity.Id);
            BotTelemetry.TurnContinuesAfterResponse();
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task HandleInvokeAsync(HttpContext http, Activity activity, Redeliveries.Delivery? delivery)
    {
        InvokeResponse? response;
        try
        {
            response = await adapter.ProcessActivityAsync(activity, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            redeliveries.Abandoned(delivery);
            return;
        }
        catch (Exception ex)
        {
            TurnFailureLog.Write(logger, ex, $"{activity.Type} {BotSpanTags.ProtocolWord(activity.Name)}", activity.Id, activity.Conversation?.Id);
            // The error shape Teams shows for a failed Universal Action, in an HTTP 200: the invoke was taken.
            response = new InvokeResponse(StatusCodes.Status200OK,
                AdaptiveCardInvokeResponse.Error(StatusCodes.Status500InternalServerError, "BotError", "The bot could not complete this action."));
        }
        Redeliveries.Answered(delivery, response);
        await WriteAsync(http, activity, response).ConfigureAwait(false);
    }

    /// <summary>An invoke's answer (501 when the bot had none); 200 for any other activity.</summary>
    private async Task WriteAsync(HttpContext http, Activity activity, InvokeResponse? response)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        if (response is null)
        {
            await ProblemAsync(http, StatusCodes.Status501NotImplemented, "Invoke not handled").ConfigureAwait(false);
            return;
        }
        http.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.Body.WriteAsync(Serialize(response.Body, activity), http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The invoke response's JSON; a body that cannot be written becomes the generic error, not a broken answer.</summary>
    private byte[] Serialize(object body, Activity activity)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or JsonException)
        {
            TurnFailureLog.Write(logger, ex, activity.Type, activity.Id, activity.Conversation?.Id);
            return JsonSerializer.SerializeToUtf8Bytes(
                AdaptiveCardInvokeResponse.Error(StatusCodes.Status500InternalServerError, "BotError", "The bot could not complete this action."), BotJson.Options);
        }
    }

    private static Task ProblemAsync(HttpContext http, int status, string title)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { title, status }, BotJson.Options), http.RequestAborted);
    }
}
