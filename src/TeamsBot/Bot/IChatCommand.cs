using TeamsBot.BotFramework;

namespace TeamsBot.Bot;

/// <summary>
/// A capability that may answer a chat message. The router offers each message to the commands in the order the
/// composition root lists them (<see cref="ChatCommandOrder"/>); the first that returns true has answered it.
/// </summary>
public interface IChatCommand
{
    Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken);
}
