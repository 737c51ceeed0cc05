namespace TeamsBot.AppPackage;

/// <summary>The tool's entry point as a method, so tests run it in-process with their own writers and environment.</summary>
public static class AppPackageCli
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var defaultTemplate = Path.Combine(AppContext.BaseDirectory, "manifest");
        var parsed = CommandLine.Parse(args, environment, defaultTemplate);
        if (parsed.HelpRequested)
        {
            output.WriteLine(CommandLine.Usage);
            return Success;
        }
        if (parsed.Request is not { } request)
        {
            foreach (var message in parsed.Errors)
            {
                error.WriteLine($"error: {message}");
            }
            error.WriteLine("Run with --help to see the options.");
            return BadInput;
        }
        try
        {
            var files = AppPackageBuilder.Build(request);
            output.WriteLine($"Wrote {request.OutputPath} ({string.Join(", ", files)}), version {request.Version}, bot {request.BotId}, domain {request.Domain}.");
            return Success;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }
}
