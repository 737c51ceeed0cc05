namespace TeamsBot.Storage;

/// <summary>Where the tables live: a connection string (Azurite, development) or an account URL with managed identity.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public string? TableEndpoint { get; set; }

    /// <summary>Prepended to every table name, so tests and side-by-side environments can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    public string TableName(string name) => TablePrefix + name;
}
