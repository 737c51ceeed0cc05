using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TeamsBot.Bot;

/// <summary>A card verb and the handler that answers it.</summary>
public sealed record CardActionRoute(string Verb, Type Handler);

public static class CardActionRegistration
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> as the answer to <paramref name="verbs"/>. A verb another handler
    /// answers already is refused here, while the service is composed, so it cannot start with two owners of a verb;
    /// registering the same handler for the same verb again changes nothing.
    /// </summary>
    public static IServiceCollection AddCardActionHandler<THandler>(this IServiceCollection services, params string[] verbs)
        where THandler : class, ICardActionHandler
    {
        ArgumentOutOfRangeException.ThrowIfZero(verbs.Length);
        foreach (var verb in verbs)
        {
            var claimed = services.Select(d => d.ImplementationInstance).OfType<CardActionRoute>().FirstOrDefault(r => r.Verb == verb);
            if (claimed is null)
                services.AddSingleton(new CardActionRoute(verb, typeof(THandler)));
            else if (claimed.Handler != typeof(THandler))
                throw new InvalidOperationException(
                    $"The card verb \"{verb}\" is answered by {claimed.Handler.Name} already; {typeof(THandler).Name} cannot answer it too.");
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardActionHandler, THandler>());
        return services;
    }
}
