using System.Text.RegularExpressions;

namespace TeamsBot.AppPackage;

/// <summary>Checks the values a user gives before they go into the manifest; each failure names the fix.</summary>
public static partial class InputValidation
{
    public static string? CheckGuid(string option, string value) =>
        Guid.TryParseExact(value, "D", out _)
            ? null
            : $"{option} '{value}' is not a GUID (expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).";

    // Teams requires MAJOR.MINOR.PATCH: numbers only, no pre-release or build suffix.
    public static string? CheckVersion(string value) =>
        SemVer().IsMatch(value)
            ? null
            : $"--version '{value}' is not a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0 (numbers without leading zeros, no suffix).";

    public static string? CheckDomain(string value)
    {
        if (value.Contains("://", StringComparison.Ordinal))
        {
            return $"--domain '{value}' must not include a scheme such as https://; give the host name only, e.g. teamsbot.azurewebsites.net.";
        }
        if (value.IndexOfAny(['/', '?', '#']) >= 0)
        {
            return $"--domain '{value}' must not include a path, query or fragment; give the host name only, e.g. teamsbot.azurewebsites.net.";
        }
        if (value.Contains(':', StringComparison.Ordinal))
        {
            return $"--domain '{value}' must not include a port; give the host name only, e.g. teamsbot.azurewebsites.net.";
        }
        return HostName().IsMatch(value)
            ? null
            : $"--domain '{value}' is not a valid host name (letters, digits and hyphens in dot-separated labels, e.g. teamsbot.azurewebsites.net).";
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex HostName();
}
