using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Chat;
using TeamsBot.Conversations;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Bot;

/// <summary>Routes Teams activities to the bot's capabilities.</summary>
public sealed class TeamsBotHandler(ConversationRegistry conversations, MeasureIndex index, ILogger<TeamsBotHandler> logger) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var language = UserLanguages.FromLocale(activity.Locale);
        var texts = BotTexts.For(language);
        var reply = ChatIntentParser.Parse(activity.GetTextWithoutRecipientMention()) switch
        {
            ChatIntent.Help => texts.Help,
            ChatIntent.Plans => PlanOverview.Render(index.Current, language),
            _ => texts.NotUnderstood,
        };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!membersAdded.Any(m => m.Id == activity.Recipient?.Id)) return;

        var record = await conversations.RegisterAsync(activity, cancellationToken);
        logger.LogInformation("Installed in {ConversationType} conversation {ConversationId} (team {TeamId})",
            record.ConversationType, record.ConversationId, record.TeamId);
        var texts = BotTexts.For(UserLanguages.FromLocale(activity.Locale));
        await turnContext.SendActivityAsync(record.ConversationType == "personal" ? texts.WelcomePersonal : texts.WelcomeTeam, cancellationToken);
    }

    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (membersRemoved.Any(m => m.Id == activity.Recipient?.Id))
            await MarkUninstalledAsync(activity, cancellationToken);
    }

    // Teams sends installationUpdate next to the conversationUpdate that carries the welcome; it only keeps the registry right.
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await conversations.RegisterAsync(turnContext.Activity, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        MarkUninstalledAsync(turnContext.Activity, cancellationToken);

    private async Task MarkUninstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { } conversationId) return;
        await conversations.MarkInactiveAsync(activity.GetTenantId(), conversationId, cancellationToken);
        logger.LogInformation("Uninstalled from conversation {ConversationId}; marked inactive", conversationId);
    }
}
