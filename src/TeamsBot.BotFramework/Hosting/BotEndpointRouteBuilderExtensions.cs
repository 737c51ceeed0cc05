using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.BotFramework.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>Maps POST <paramref name="pattern"/> (usually "/api/messages") to the bot registered in DI.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpContext http) => http.RequestServices.GetRequiredService<BotMessageHandler>().HandleAsync(http))
            .WithDisplayName("Bot Framework messages")
            .DisableAntiforgery();
}
