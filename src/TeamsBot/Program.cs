using Microsoft.Extensions.Options;
using TeamsBot;
using TeamsBot.Cli;

var app = TeamsBotApplication.Create(AdminCommands.ConfigurationArgs(args), builder =>
{
    // A command prints its own summary; the service's information logs would only repeat it.
    if (AdminCommands.IsCommand(args)) builder.Logging.AddFilter("TeamsBot", LogLevel.Warning);
});

// Settings are checked before anything starts, so a mistake is one line naming the setting, not a host failure with
// a stack trace from wherever the setting was first used.
try
{
    app.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception e) when (e is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] })
{
    var failures = e is AggregateException all
        ? all.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures)
        : ((OptionsValidationException)e).Failures;
    Console.Error.WriteLine($"TeamsBot did not start, a setting needs fixing: {string.Join(" ", failures)}");
    return 1;
}

if (AdminCommands.IsCommand(args))
    return await AdminCommands.RunAsync(args, app.Services, Console.Out, Console.Error, CancellationToken.None);

await app.RunAsync();
return 0;
