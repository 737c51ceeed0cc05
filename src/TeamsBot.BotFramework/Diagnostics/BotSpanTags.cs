using System.Diagnostics;
using ActivityTypes = TeamsBot.BotFramework.Schema.ActivityTypes;
using BotActivity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.BotFramework.Diagnostics;

/// <summary>
/// The attributes the protocol layer puts on spans. The values come from the wire, so each is kept only when it is
/// one short protocol word (letters, digits, '/', '.', '-', '_'); anything else is recorded as "other". Conversation,
/// user and tenant ids are left out on purpose: a personal chat's id stands for one person, and the logs (which carry
/// those ids) correlate with a span through its trace id.
/// </summary>
public static class BotSpanTags
{
    public const string ActivityType = "bot.activity.type";
    public const string ActivityName = "bot.activity.name";
    public const string ChannelId = "bot.channel.id";
    public const string ConversationType = "bot.conversation.type";
    public const string ContinuedAfterResponse = "bot.turn.continued_after_response";
    public const string Redelivered = "bot.activity.redelivered";
    public const string ConnectorOperation = "teamsbot.connector.operation";
    public const string ErrorType = "error.type";

    private const string Other = "other";
    private const int MaxWordLength = 64;

    internal static void Describe(Activity? span, BotActivity activity)
    {
        if (span is null || !span.IsAllDataRequested) return;
        span.SetTag(ActivityType, ProtocolWord(activity.Type));
        if (activity.Type is ActivityTypes.Invoke or ActivityTypes.Event) span.SetTag(ActivityName, ProtocolWord(activity.Name));
        span.SetTag(ChannelId, ProtocolWord(activity.ChannelId));
        span.SetTag(ConversationType, ProtocolWord(activity.Conversation?.ConversationType));
    }

    /// <summary>The value when it is one protocol word, "other" when it is anything else, null when absent.</summary>
    public static string? ProtocolWord(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > MaxWordLength) return Other;
        foreach (var c in value)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_')) return Other;
        return value;
    }
}
