using System.Globalization;
using TeamsBot.Measures;
using TeamsBot.Storage;

namespace TeamsBot.Health;

/// <summary>
/// Three questions, three paths (docs/reliability.md, "Health"): is the process running (<c>/healthz/live</c>), can this
/// instance answer (<c>/healthz/ready</c>: its read index is loaded; App Service's health check, so a storage outage
/// that every instance shares does not take them all out of rotation and restart them), and is everything well
/// (<c>/healthz</c>: the index loaded and the storage reachable; for monitoring and run.sh).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz/live", () => Results.Text("ok"));
        app.MapGet("/healthz/ready", (MeasureIndex index) => index.IsLoaded ? Results.Text("ok") : Unhealthy("index not loaded"));
        app.MapGet("/healthz", async (MeasureIndex index, StorageHealth storage) =>
        {
            if (!index.IsLoaded) return Unhealthy("index not loaded");
            var state = await storage.CheckAsync();
            return state.Reachable
                ? Results.Text("ok")
                : Unhealthy($"storage unreachable since {state.UnreachableSince!.Value.ToString("O", CultureInfo.InvariantCulture)}");
        });
        return app;
    }

    private static IResult Unhealthy(string reason) =>
        Results.Json(new HealthReport("degraded", reason), statusCode: StatusCodes.Status503ServiceUnavailable);
}

/// <summary>The body of a 503 from a health path: the reason is for people and logs, the status for scripts.</summary>
public sealed record HealthReport(string Status, string Reason);
