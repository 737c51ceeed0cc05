using System.Text.Json;
using System.Text.RegularExpressions;

namespace TeamsBot.Tests.Reliability.Fuzz;

/// <summary>
/// What the fuzz holds every answer to: below 500, no trace of an exception, and every refusal with a reason. The one
/// 5xx allowed is the SDK's own answer to an invoke no handler takes: 501 "Invoke not handled" (not an error of the
/// bot, and invokes are not redelivered).
/// </summary>
public static partial class FuzzOracle
{
    public const string InvokeNotHandled = "Invoke not handled";

    /// <summary>Null when the answer is acceptable, else what is wrong with it.</summary>
    public static string? Judge(int status, string? contentType, string body)
    {
        if (status == 501 && Title(contentType, body) == InvokeNotHandled) return null;
        if (status >= 500) return $"HTTP {status}";
        if (HasStackTrace(body)) return "a stack trace in the body";
        if (status is >= 400 and < 500 && status != 401 && !HasTitle(contentType, body)) return $"HTTP {status} without a reason";
        return null;
    }

    private static bool HasTitle(string? contentType, string body) => Title(contentType, body) is { Length: > 0 };

    public static bool HasStackTrace(string body) => StackTrace().IsMatch(body);

    /// <summary>The title of a problem+json body, or null when the body is not one.</summary>
    public static string? Title(string? contentType, string body)
    {
        if (contentType is null || !contentType.StartsWith("application/problem+json", StringComparison.Ordinal)) return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A .NET stack frame (raw, or with its line break escaped inside JSON), a source line, or an exception type.</summary>
    [GeneratedRegex(@"(^|\n|\\n)\s*at [\w.`<>|]+\.[\w`<>|]+\(|\.cs:line \d+|System\.[\w.]*Exception\b", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex StackTrace();
}
