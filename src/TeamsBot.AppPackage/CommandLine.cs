namespace TeamsBot.AppPackage;

/// <summary>The outcome of reading the command line: a request to build, or the reasons it cannot be built.</summary>
public sealed record ParsedCommandLine(PackageRequest? Request, IReadOnlyList<string> Errors, bool HelpRequested);

/// <summary>Reads flags, falling back to environment variables (handy in CI) when a flag is absent.</summary>
public static class CommandLine
{
    public const string Usage =
        """
        Builds the Teams app package (zip) from the manifest template.

        Usage: dotnet run --project src/TeamsBot.AppPackage -- --app-id <guid> --bot-id <guid> --version <x.y.z> --domain <host> [--out <zip>] [--template-dir <dir>]

          --app-id        Teams app id (a GUID of your choice, stable across versions)   env TEAMS_APP_ID
          --bot-id        the bot's Microsoft App ID (the managed identity's client id)  env MicrosoftAppId
          --version       app version MAJOR.MINOR.PATCH; raise it for every upload         env TEAMS_APP_VERSION
          --domain        host name of the bot's web app, e.g. teamsbot.azurewebsites.net env TEAMS_APP_DOMAIN
          --out           output zip (default artifacts/teamsbot-app.zip)
          --template-dir  folder with manifest.json, en-US.json, color.png, outline.png (default: the copy beside the tool)
        """;

    public const string DefaultOutput = "artifacts/teamsbot-app.zip";

    private static readonly Dictionary<string, string?> EnvironmentFallback = new()
    {
        ["--app-id"] = "TEAMS_APP_ID",
        ["--bot-id"] = "MicrosoftAppId",
        ["--version"] = "TEAMS_APP_VERSION",
        ["--domain"] = "TEAMS_APP_DOMAIN",
        ["--out"] = null,
        ["--template-dir"] = null,
    };

    public static ParsedCommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment, string defaultTemplateDirectory)
    {
        var errors = new List<string>();
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return new ParsedCommandLine(null, [], HelpRequested: true);
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, inlineValue) = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0
                ? (arg[..equals], arg[(equals + 1)..])
                : (arg, null);
            if (!EnvironmentFallback.ContainsKey(name))
            {
                errors.Add($"Unknown argument '{arg}'. Run with --help to see the options.");
                continue;
            }
            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{name} needs a value.");
                continue;
            }
            flags[name] = value.Trim();
        }

        string? Value(string flag)
        {
            if (flags.TryGetValue(flag, out var fromFlag))
            {
                return fromFlag;
            }
            var variable = EnvironmentFallback[flag];
            var fromEnvironment = variable is null ? null : environment(variable)?.Trim();
            return string.IsNullOrEmpty(fromEnvironment) ? null : fromEnvironment;
        }

        string Required(string flag)
        {
            var value = Value(flag);
            if (value is null)
            {
                var variable = EnvironmentFallback[flag];
                errors.Add(variable is null ? $"{flag} is required." : $"{flag} is required (or set the environment variable {variable}).");
            }
            return value ?? "";
        }

        var appId = Required("--app-id");
        var botId = Required("--bot-id");
        var version = Required("--version");
        var domain = Required("--domain");
        if (appId.Length > 0 && InputValidation.CheckGuid("--app-id", appId) is { } appIdError) errors.Add(appIdError);
        if (botId.Length > 0 && InputValidation.CheckGuid("--bot-id", botId) is { } botIdError) errors.Add(botIdError);
        if (version.Length > 0 && InputValidation.CheckVersion(version) is { } versionError) errors.Add(versionError);
        if (domain.Length > 0 && InputValidation.CheckDomain(domain) is { } domainError) errors.Add(domainError);

        if (errors.Count > 0)
        {
            return new ParsedCommandLine(null, errors, HelpRequested: false);
        }
        var request = new PackageRequest(
            Guid.ParseExact(appId, "D"),
            Guid.ParseExact(botId, "D"),
            version,
            domain.ToLowerInvariant(),
            Path.GetFullPath(Value("--out") ?? DefaultOutput),
            Path.GetFullPath(Value("--template-dir") ?? defaultTemplateDirectory));
        return new ParsedCommandLine(request, [], HelpRequested: false);
    }
}
