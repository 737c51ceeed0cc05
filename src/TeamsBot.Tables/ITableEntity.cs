using Azure;

namespace TeamsBot.Tables;

/// <summary>The system properties every table entity has.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    /// <summary>Set by the service on every write; ignored when writing.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>Filled from reads; used for optimistic concurrency (If-Match).</summary>
    ETag ETag { get; set; }
}
