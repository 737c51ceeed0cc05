using TeamsBot;
using TeamsBot.Cli;

var app = TeamsBotApplication.Create(AdminCommands.ConfigurationArgs(args), builder =>
{
    // A command prints its own summary; the service's information logs would only repeat it.
    if (AdminCommands.IsCommand(args)) builder.Logging.AddFilter("TeamsBot", LogLevel.Warning);
});
if (AdminCommands.IsCommand(args))
    return await AdminCommands.RunAsync(args, app.Services, Console.Out, Console.Error, CancellationToken.None);

await app.RunAsync();
return 0;
