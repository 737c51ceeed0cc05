using System.Text.RegularExpressions;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace TeamsBot.Graph;

/// <summary>Turns Graph's error responses into <see cref="DirectoryException"/>s that say what to do.</summary>
internal static partial class GraphFailures
{
    public static bool IsStatus(Exception exception, int status) =>
        Unwrap(exception) is ApiException api && api.ResponseStatusCode == status;

    public static bool IsGraphFailure(Exception exception) =>
        Unwrap(exception) is ApiException or HttpRequestException or AuthenticationFailedException or CredentialUnavailableException;

    // When the retry handler gives up it throws an AggregateException of every attempt's failure; the last one counts.
    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[^1] : exception;

    public static DirectoryException ToDirectoryException(Exception original, string operation, string documentedPermission)
    {
        var exception = Unwrap(original);
        var status = (exception as ApiException)?.ResponseStatusCode;
        var code = (exception as ODataError)?.Error?.Code;
        var graphMessage = (exception as ODataError)?.Error?.Message ?? exception.Message;
        if (status == 403)
        {
            // Teams APIs say which roles they accept ("API requires one of 'Channel.ReadBasic.All, …'"); directory APIs
            // only say "Insufficient privileges", so then we name the permission this call is documented to need.
            var permission = RequiresOneOf().Match(graphMessage) is { Success: true } match ? match.Groups[1].Value : documentedPermission;
            return new DirectoryException(
                $"Microsoft Graph refused to {operation}: grant the app the application permission {permission} (with admin consent). Graph said: {code}: {graphMessage}",
                status, code, permission, exception);
        }
        if (status == 429 && original is AggregateException)
        {
            return new DirectoryException($"Microsoft Graph could not {operation}: still throttled (HTTP 429) after the configured retries.", status, code, null, original);
        }
        var what = status is { } s ? $"HTTP {s} {code}: {graphMessage}" : graphMessage;
        return new DirectoryException($"Microsoft Graph could not {operation}: {what}", status, code, null, original);
    }

    [GeneratedRegex(@"requires one of '([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex RequiresOneOf();
}
