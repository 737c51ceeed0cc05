using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Chat;

/// <summary>"hjelp"/"help" and "planer"/"plans": exact phrases, answered before any search.</summary>
public sealed class HelpAndPlansCommand(MeasureIndex index) : IChatCommand
{
    public async Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken)
    {
        var reply = ChatIntentParser.Parse(message.Text) switch
        {
            ChatIntent.Help => BotTexts.For(message.Language).Help,
            ChatIntent.Plans => PlanOverview.Render(index.Current, message.Language),
            _ => null,
        };
        if (reply is null) return false;
        await turn.SendActivityAsync(reply, cancellationToken);
        return true;
    }
}
