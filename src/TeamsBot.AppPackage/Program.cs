using TeamsBot.AppPackage;

return AppPackageCli.Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
