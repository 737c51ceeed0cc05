using TeamsBot;
using TeamsBot.Cli;

var app = TeamsBotApplication.Create(AdminCommands.ConfigurationArgs(args));
if (AdminCommands.IsCommand(args))
    return await AdminCommands.RunAsync(args, app.Services, Console.Out, Console.Error, CancellationToken.None);

await app.RunAsync();
return 0;
