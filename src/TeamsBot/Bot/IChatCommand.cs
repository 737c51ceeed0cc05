using TeamsBot.BotFramework;

namespace TeamsBot.Bot;

/// <summary>
/// A capability that may answer a chat message. The handler offers each message to the commands in ascending
/// <see cref="Order"/>; the first that returns true has answered it. General questions about measures come last.
/// </summary>
public interface IChatCommand
{
    int Order { get; }

    Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken);
}
