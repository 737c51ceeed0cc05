using TeamsBot.Bot;
using TeamsBot.Chat;
using TeamsBot.Digest;
using TeamsBot.Measures.Cards;
using TeamsBot.Nudges;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Bot;

/// <summary>The service as composed: every verb a card sends has its handler, and the commands stand in the listed order.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BotCompositionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_verb_our_cards_send_has_a_handler_and_no_handler_answers_a_verb_we_do_not_send()
    {
        await using var app = await TestApp.CreateAsync(azurite, start: false);
        var sent = typeof(CardVerbs).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);

        Assert.Equal(sent, app.Get<CardActionRouter>().Verbs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_message_is_offered_to_the_commands_in_the_order_the_composition_root_lists_them()
    {
        await using var app = await TestApp.CreateAsync(azurite, start: false);

        Assert.Equal(
            [typeof(HelpAndPlansCommand), typeof(DigestChatCommand), typeof(RoundChatCommand), typeof(NudgeChatCommand), typeof(StatusUpdateChatCommand), typeof(ChatQuestionCommand)],
            app.Get<ChatCommands>().InOrder.Select(c => c.GetType()));
    }

    [Fact]
    public void A_command_listed_twice_is_refused()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() =>
            services.AddTeamsBot(new ConfigurationBuilder().Build(), order => order.Then<HelpAndPlansCommand>().Then<HelpAndPlansCommand>()));

        Assert.Contains(nameof(HelpAndPlansCommand), error.Message);
    }
}
