namespace TeamsBot.Files;

/// <summary>
/// Settings under "FileUpload": where an accepted file may be PUT. The upload URL comes in the user's invoke, which
/// nothing authenticates in development mode, so only https hosts ending in an allowed suffix are used (OneDrive for
/// Business upload sessions are on {tenant}-my.sharepoint.com).
/// </summary>
public sealed record FileUploadOptions
{
    public const string Section = "FileUpload";

    /// <summary>
    /// Host suffixes uploads may go to; ".sharepoint.com" is always among them (configured entries are added to it).
    /// An entry starting with a dot matches subdomains; one without matches that host exactly.
    /// </summary>
    public string[] AllowedHostSuffixes { get; init; } = [".sharepoint.com"];

    /// <summary>Also allow http://127.0.0.1 and http://localhost (tests and local development only).</summary>
    public bool AllowLoopbackHttp { get; init; }

    /// <summary>How long an upload may take before the table is sent instead (the invoke is answered after it).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether a file may be PUT to <paramref name="url"/>.</summary>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0) return false;
        if (url.Scheme == Uri.UriSchemeHttp && AllowLoopbackHttp && url.IsLoopback) return true;
        if (url.Scheme != Uri.UriSchemeHttps) return false;
        var host = url.IdnHost.TrimEnd('.');
        return AllowedHostSuffixes.Any(suffix => Matches(host, suffix.Trim()));
    }

    private static bool Matches(string host, string suffix) =>
        suffix.StartsWith('.')
            ? suffix.Length > 1 && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && host.Length > suffix.Length
            : suffix.Length > 0 && string.Equals(host, suffix, StringComparison.OrdinalIgnoreCase);
}
