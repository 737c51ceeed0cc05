using Azure;

namespace TeamsBot.Tables.Internal;

/// <summary>Packs x-ms-continuation-NextPartitionKey/NextRowKey into one opaque page token ("pk rk").</summary>
internal static class ContinuationToken
{
    public const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    public const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    public static string? From(Response response)
    {
        if (!response.Headers.TryGetValue(NextPartitionKeyHeader, out var nextPartition) || string.IsNullOrEmpty(nextPartition))
            return null;
        response.Headers.TryGetValue(NextRowKeyHeader, out var nextRow);
        return string.IsNullOrEmpty(nextRow) ? nextPartition : nextPartition + " " + nextRow;
    }

    public static (string NextPartitionKey, string? NextRowKey) Split(string token)
    {
        var space = token.IndexOf(' ');
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}
