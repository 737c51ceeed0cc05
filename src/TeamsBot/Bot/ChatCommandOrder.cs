using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsBot.BotFramework;

namespace TeamsBot.Bot;

/// <summary>The chat commands in the order a message is offered to them, as one explicit list.</summary>
public sealed class ChatCommandOrder
{
    private readonly IServiceCollection _services;
    private readonly List<Type> _types = [];

    internal ChatCommandOrder(IServiceCollection services) => _services = services;

    internal IReadOnlyList<Type> Types => _types;

    /// <summary>Offers messages to <typeparamref name="TCommand"/> after the commands listed before it.</summary>
    public ChatCommandOrder Then<TCommand>() where TCommand : class, IChatCommand
    {
        if (_types.Contains(typeof(TCommand)))
            throw new InvalidOperationException($"{typeof(TCommand).Name} is listed twice among the chat commands.");
        _types.Add(typeof(TCommand));
        _services.TryAddSingleton<TCommand>();
        return this;
    }
}

/// <summary>The chat commands, resolved once in their order.</summary>
public sealed class ChatCommands(IReadOnlyList<IChatCommand> inOrder)
{
    public IReadOnlyList<IChatCommand> InOrder => inOrder;

    /// <summary>False when no command answered the message.</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, ChatMessage message, CancellationToken ct)
    {
        foreach (var command in inOrder)
            if (await command.TryHandleAsync(turn, message, ct)) return true;
        return false;
    }
}
