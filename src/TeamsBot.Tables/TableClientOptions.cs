using Azure.Core;

namespace TeamsBot.Tables;

/// <summary>Transport, retry and diagnostics options; retries 408, 429 and 5xx through Azure.Core's RetryPolicy.</summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as x-ms-version.</summary>
    public string ServiceVersion { get; set; } = "2019-02-02";
}
