namespace TeamsBot.Tables.Internal;

/// <summary>
/// Parses storage connection strings: UseDevelopmentStorage=true, AccountName/AccountKey with
/// DefaultEndpointsProtocol/EndpointSuffix, or an explicit TableEndpoint. Error messages never repeat values.
/// </summary>
internal sealed record TableConnectionString(Uri TableEndpoint, TableSharedKeyCredential Credential)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The published Azurite/emulator key; not a secret.
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=');
            if (equals <= 0)
                throw Invalid($"segment {i + 1} is not of the form Name=Value");
            settings[segments[i][..equals].Trim()] = segments[i][(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return new TableConnectionString(
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"),
                new TableSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));
        }

        if (!settings.TryGetValue("AccountName", out var account) || account.Length == 0)
            throw Invalid("it has no AccountName");
        if (!settings.TryGetValue("AccountKey", out var key) || key.Length == 0)
            throw Invalid(settings.ContainsKey("SharedAccessSignature")
                ? "SharedAccessSignature is not supported; give an AccountKey"
                : "it has no AccountKey");

        TableSharedKeyCredential credential;
        try
        {
            credential = new TableSharedKeyCredential(account, key);
        }
        catch (ArgumentException)
        {
            throw Invalid("its AccountKey is not valid base64");
        }

        return new TableConnectionString(Endpoint(settings, account), credential);
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string account)
    {
        if (settings.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
                throw Invalid("its TableEndpoint is not an absolute http(s) URI");
            return endpoint;
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("http" or "https"))
            throw Invalid("its DefaultEndpointsProtocol must be http or https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        if (!Uri.TryCreate($"{protocol}://{account}.table.{suffix}", UriKind.Absolute, out var built))
            throw Invalid("its AccountName and EndpointSuffix do not form a valid host name");
        return built;
    }

    private static ArgumentException Invalid(string why) =>
        new($"The storage connection string is not valid: {why}.", "connectionString");

    public override string ToString() => $"TableConnectionString({TableEndpoint})";
}
