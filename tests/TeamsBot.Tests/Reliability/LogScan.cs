using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Reliability;

/// <summary>
/// Scans what a run logged: no secret (token, password, account key, connection-string key) at any level, and no
/// user text at Information or above (debug logs are not shipped; what operators read must not quote users).
/// </summary>
public static partial class LogScan
{
    /// <summary>The Azurite account key and what a connection string or SharedKey header would show of it.</summary>
    public static IReadOnlyList<string> StorageSecrets => [AzuriteFixture.AccountKey, "AccountKey=", "SharedKey devstoreaccount1:", "SharedKeyLite devstoreaccount1:"];

    public static void AssertClean(IReadOnlyList<LogEntry> entries, IEnumerable<string> secrets, IEnumerable<string> userTexts)
    {
        var secretList = secrets.Where(s => s.Length > 0).ToList();
        var userTextList = userTexts.Where(s => s.Length > 0).ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            var text = $"{entry.Message}\n{entry.Exception}";
            foreach (var secret in secretList)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret ({Describe(secret)}) is in a {entry.Level} log line of {entry.Category}");
            Assert.False(BearerToken().IsMatch(text), $"A bearer token is in a {entry.Level} log line of {entry.Category}");
            if (entry.Level < LogLevel.Information) continue;
            foreach (var userText in userTextList)
                Assert.False(text.Contains(userText, StringComparison.Ordinal), $"User text ({userText}) is in a {entry.Level} log line of {entry.Category}: {Truncate(entry.Message)}");
        }
    }

    private static string Describe(string secret) => secret.Length <= 12 ? secret : secret[..6] + "…";

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"Bearer\s+eyJ", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();
}
