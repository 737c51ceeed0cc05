using TeamsBot.Measures;

namespace TeamsBot.Health;

public static class HealthEndpoints
{
    /// <summary>200 once the read index is loaded (the bot can answer), 503 before.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (MeasureIndex index) => index.IsLoaded
            ? Results.Text("ok")
            : Results.Text("loading", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
