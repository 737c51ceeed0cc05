using Azure;
using Azure.Core;
using TeamsBot.Tables.Internal;

namespace TeamsBot.Tables;

/// <summary>Account-level entry point: hands out TableClients that share one pipeline.</summary>
public sealed class TableServiceClient
{
    private readonly TableRestClient _rest;

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        => _rest = TableClient.ConnectionStringRestFor(connectionString, options);

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        => _rest = TableClient.TokenRest(endpoint, credential, options);

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
        => _rest = TableClient.SharedKeyRest(endpoint, credential, options);

    public Uri Uri => _rest.Endpoint;

    public TableClient GetTableClient(string tableName) => new(_rest, tableName);

    public Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    public Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
