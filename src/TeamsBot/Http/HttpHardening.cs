using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Hosting;

namespace TeamsBot.Http;

/// <summary>
/// What every endpoint answers with, whatever it is (/api/messages, /healthz, a 404): no Server header, headers that
/// stop a browser from sniffing, framing or caching an answer, a body limit on every request (413), Kestrel's header
/// and request-line limits stated, and an unexpected exception answered with a generic problem, never its details or a
/// stack trace (also in Development, where ASP.NET Core would otherwise show its error page).
/// </summary>
public static class HttpHardening
{
    public const int MaxRequestHeadersTotalSize = 32 * 1024;
    public const int MaxRequestHeaderCount = 100;
    public const int MaxRequestLineSize = 8 * 1024;

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
            kestrel.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineSize;
            // Bodies sent without a Content-Length are cut here while read; the bot endpoint's own (smaller) limit answers first.
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        return builder;
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        var bodyLimit = app.Services.GetRequiredService<IOptions<BotEndpointOptions>>().Value.MaxRequestBodyBytes;
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-store";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = http => ProblemAsync(http, StatusCodes.Status500InternalServerError, "The request failed") });
        app.Use((http, next) => http.Request.ContentLength > bodyLimit
            ? ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, $"Request body too large (limit {bodyLimit} bytes)")
            : next(http));
        return app;
    }

    private static Task ProblemAsync(HttpContext http, int status, string title)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { title, status }));
    }
}
