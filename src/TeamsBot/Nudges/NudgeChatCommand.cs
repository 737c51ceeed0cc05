using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TeamsBot.Bot;
using TeamsBot.BotFramework;

namespace TeamsBot.Nudges;

/// <summary>«ingen påminnelser» / "no reminders" turns a user's due-date nudges off; «slå på påminnelser» / "reminders on" back on.</summary>
public sealed partial class NudgeChatCommand(NudgePreferenceStore preferences, IOptions<NudgeOptions> options) : IChatCommand
{
    [GeneratedRegex(@"^\s*(ingen|stopp|slå av)\s+(frist)?påminnelser\s*[.!]?\s*$|^\s*(no|stop)\s+(deadline\s+)?reminders\s*[.!]?\s*$|^\s*(turn\s+)?(deadline\s+)?reminders\s+off\s*[.!]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Off();

    [GeneratedRegex(@"^\s*slå\s+på\s+(frist)?påminnelser\s*[.!]?\s*$|^\s*(turn\s+)?(deadline\s+)?reminders\s+on\s*[.!]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex On();

    public async Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken)
    {
        var off = Off().IsMatch(message.Text);
        if (!off && !On().IsMatch(message.Text)) return false;
        var t = NudgeTexts.For(message.Language);
        var key = message.User.AadObjectId is { Length: > 0 } aad ? aad : message.User.Id;
        if (off) await preferences.TurnOffAsync(key, cancellationToken);
        else await preferences.TurnOnAsync(key, cancellationToken);
        await turn.SendActivityAsync(off ? t.TurnedOff : t.TurnedOn(options.Value.DaysBefore), cancellationToken);
        return true;
    }
}
