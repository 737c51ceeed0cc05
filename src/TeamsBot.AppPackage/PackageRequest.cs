namespace TeamsBot.AppPackage;

/// <summary>What goes into one app package: the values the template leaves open, and where to write the zip.</summary>
public sealed record PackageRequest(Guid AppId, Guid BotId, string Version, string Domain, string OutputPath, string TemplateDirectory);
