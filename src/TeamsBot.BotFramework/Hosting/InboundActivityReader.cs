using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// Turns a POST body into an <see cref="Activity"/> the bot can rely on, or a 4xx refusal with its reason: size (413),
/// then UTF-8, JSON text and depth, the activity's field types, and <see cref="ActivityValidator"/>'s rules (400).
/// </summary>
internal sealed class InboundActivityReader(IOptions<BotEndpointOptions> options)
{
    public async Task<(Activity? Activity, InboundRefusal? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit) return TooLarge(limit);
        ArrayBufferWriter<byte>? body;
        try
        {
            body = await RequestBody.ReadAsync(request, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // E.g. fewer bytes than Content-Length said: the server's own reason, with its status.
            return (null, new InboundRefusal(e.StatusCode, "The request body could not be read"));
        }
        if (body is null) return TooLarge(limit);

        if (JsonTextCheck.Check(body.WrittenSpan) is { } textProblem) return BadRequest(textProblem);

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.WrittenSpan, BotJson.Options);
        }
        catch (JsonException e)
        {
            var field = ActivityValidator.FieldOf(e).TrimStart('.');
            return BadRequest(field.Length > 0
                ? $"Field {field} does not have the type of the Bot Framework schema"
                : "The body is not a Bot Framework activity (a JSON object)");
        }
        if (activity is null) return BadRequest("Missing or invalid required field: activity");
        return ActivityValidator.Validate(activity) is { } problem ? BadRequest(problem) : (activity, null);
    }

    private static (Activity?, InboundRefusal?) TooLarge(long limit) =>
        (null, new InboundRefusal(StatusCodes.Status413PayloadTooLarge, $"Request body too large (limit {limit} bytes)"));

    private static (Activity?, InboundRefusal?) BadRequest(string reason) => (null, new InboundRefusal(StatusCodes.Status400BadRequest, reason));
}
