using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Chat;
using TeamsBot.Digest;
using TeamsBot.Graph;
using TeamsBot.Health;
using TeamsBot.Http;
using TeamsBot.Measures;
using TeamsBot.Nudges;
using TeamsBot.Rounds;
using TeamsBot.Storage;
using TeamsBot.Telemetry;
using TeamsBot.Throttling;
using TeamsBot.Updates;

namespace TeamsBot;

/// <summary>The whole service as a list of capabilities; Program, the tests and the benchmarks all build it here.</summary>
public static class TeamsBotApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTeamsBotTelemetry(builder.Configuration);
        builder.Services.AddTableStorage(builder.Configuration);
        builder.Services.AddMeasures(builder.Configuration);
        builder.Services.AddAccess(builder.Configuration);
        // The order a chat message is offered to the commands; the first that answers has it.
        builder.Services.AddTeamsBot(builder.Configuration, chatCommands => chatCommands
            .Then<HelpAndPlansCommand>()       // exact phrases: «hjelp», «planer»
            .Then<DigestChatCommand>()         // the brief's channel commands
            .Then<RoundChatCommand>()          // status rounds: «be om status for …», «hvem mangler?», owner mapping
            .Then<NudgeChatCommand>()          // «ingen påminnelser» / «slå på påminnelser»
            .Then<StatusUpdateChatCommand>()   // «oppdater X», «historikk X»
            .Then<ChatQuestionCommand>());     // everything else is a question about the measures
        builder.Services.AddSharedConnectorBudget();
        builder.Services.AddChat();
        builder.Services.AddStatusUpdates(builder.Configuration);
        builder.Services.AddDigest(builder.Configuration);
        builder.Services.AddRounds(builder.Configuration);
        builder.Services.AddNudges(builder.Configuration);
        builder.Services.AddTeamsBotGraph(builder.Configuration);
        builder.AddHttpHardening();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHttpHardening();
        app.MapHealth();
        app.MapBotMessages("/api/messages");
        return app;
    }
}
