using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TeamsBot.Storage;

/// <summary>
/// Checks at start that the storage settings can make a client, so a typo is one clear configuration error instead of
/// a stack trace at the first request. The messages never repeat the connection string: it holds the account key.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Forms =
        "Expected UseDevelopmentStorage=true (Azurite on 127.0.0.1:10002) or " +
        "DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>[;TableEndpoint=<url>].";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (ConnectionStringProblem(options.ConnectionString) is { } problem)
                failures.Add($"{StorageOptions.Section}:ConnectionString is not a usable storage connection string: {problem} {Forms}");
        }
        else if (string.IsNullOrWhiteSpace(options.TableEndpoint))
        {
            failures.Add("Storage is not configured: set Storage:ConnectionString (e.g. UseDevelopmentStorage=true) " +
                         "or Storage:TableEndpoint (https://<account>.table.core.windows.net) for managed identity.");
        }
        else if (!Uri.TryCreate(options.TableEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            // Entra ID tokens are only sent over TLS.
            failures.Add("Storage:TableEndpoint must be an https URL such as https://<account>.table.core.windows.net.");
        }

        if (!options.TablePrefix.All(char.IsAsciiLetterOrDigit))
            failures.Add("Storage:TablePrefix may only hold letters and digits.");
        if (options.MaxRetries is < 0 or > 10)
            failures.Add("Storage:MaxRetries must be between 0 and 10.");
        if (options.RetryDelay <= TimeSpan.Zero || options.NetworkTimeout <= TimeSpan.Zero || options.HealthProbeCacheFor < TimeSpan.Zero)
            failures.Add("Storage:RetryDelay and Storage:NetworkTimeout must be positive, Storage:HealthProbeCacheFor not negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return null;
        }
        // The SDK's own messages can quote parts of the string, so each kind of failure gets ours.
        catch (UriFormatException)
        {
            return "the TableEndpoint is not a valid URL.";
        }
        catch (FormatException)
        {
            return "the AccountKey is not valid base64.";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "it is not a list of Name=Value pairs with an AccountName and an AccountKey.";
        }
    }
}
