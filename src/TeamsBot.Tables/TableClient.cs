using System.Text.Json;
using Azure;
using Azure.Core;
using TeamsBot.Tables.Internal;

namespace TeamsBot.Tables;

/// <summary>Operations on one table and its entities (Azure.Data.Tables' TableClient surface, as far as we need it).</summary>
public sealed partial class TableClient
{
    private readonly TableRestClient _rest;

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(ConnectionStringRest(connectionString, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(SharedKeyRest(endpoint, credential, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(TokenRest(endpoint, credential, options), tableName)
    {
    }

    internal TableClient(TableRestClient rest, string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _rest = rest;
        Name = tableName;
    }

    public string Name { get; }

    public Uri Uri => new(_rest.Endpoint.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(Name));

    public async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableRestClient.SetJsonContent(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _rest.SendAsync(message, cancellationToken, 201, 204, 409).ConfigureAwait(false);
        if (response.Status == 409 && TableErrorParser.Read(response).Code != "TableAlreadyExists")
            throw new RequestFailedException(response, null, TableErrorParser.Instance);
        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Deletes the table; a table that does not exist is not an error (the 404 response is returned).</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Delete, $"Tables('{Uri.EscapeDataString(Name)}')");
        return await _rest.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    /// <summary>Inserts; 409 EntityAlreadyExists if it exists. The response's Headers.ETag is the new ETag.</summary>
    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default) where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = _rest.CreateMessage(RequestMethod.Post, Uri.EscapeDataString(Name));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableRestClient.SetJsonContent(message.Request, EntityJsonWriter.Serialize(entity, _rest.Shapes));
        return await _rest.SendAsync(message, cancellationToken, 204, 201).ConfigureAwait(false);
    }

    /// <summary>Inserts or merges/replaces, unconditionally.</summary>
    public Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity => WriteEntityAsync(entity, ifMatch: null, mode, cancellationToken);

    /// <summary>Merges/replaces an existing entity if its ETag still matches (ETag.All: any version); 412 UpdateConditionNotSatisfied if not.</summary>
    public Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        if (ifMatch == default) throw new ArgumentException("Give the ETag you read, or ETag.All for an unconditional update.", nameof(ifMatch));
        return WriteEntityAsync(entity, ifMatch, mode, cancellationToken);
    }

    private async Task<Response> WriteEntityAsync<T>(T entity, ETag? ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = _rest.CreateMessage(TableRestClient.MethodFor(mode), TableRestClient.EntityResource(Name, entity.PartitionKey, entity.RowKey));
        if (ifMatch is { } etag) message.Request.Headers.SetValue("If-Match", etag.ToString());
        TableRestClient.SetJsonContent(message.Request, EntityJsonWriter.Serialize(entity, _rest.Shapes));
        return await _rest.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Deletes if the ETag matches (default: any version). Deleting a missing entity is 404 ResourceNotFound.</summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Delete, TableRestClient.EntityResource(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", TableRestClient.IfMatch(ifMatch));
        return await _rest.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; 404 ResourceNotFound surfaces as RequestFailedException.</summary>
    public async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = CreateGetEntityMessage(partitionKey, rowKey, select);
        var response = await _rest.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ReadEntity<T>(response), response);
    }

    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = CreateGetEntityMessage(partitionKey, rowKey, select);
        var response = await _rest.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            var code = TableErrorParser.Read(response).Code;
            if (code is not (null or "ResourceNotFound")) throw new RequestFailedException(response, null, TableErrorParser.Instance);
            return new NoValueResponse<T>(response);
        }
        return Response.FromValue(ReadEntity<T>(response), response);
    }

    private HttpMessage CreateGetEntityMessage(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        var message = _rest.CreateMessage(RequestMethod.Get, TableRestClient.EntityResource(Name, partitionKey, rowKey));
        if (SelectList(select) is { } columns) message.Request.Uri.AppendQuery("$select", columns);
        return message;
    }

    /// <summary>
    /// Queries with an OData filter (build it with <see cref="CreateQueryFilter"/>), following continuation
    /// tokens across pages. <paramref name="maxPerPage"/> is $top (the service caps a page at 1,000).
    /// </summary>
    public AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is <= 0) throw new ArgumentOutOfRangeException(nameof(maxPerPage), "maxPerPage must be positive.");
        var columns = SelectList(select);
        return new TableQueryPageable<T>((token, pageSize, ct) => QueryPageAsync<T>(filter, pageSize, columns, token, ct), maxPerPage, cancellationToken);
    }

    private async Task<Page<T>> QueryPageAsync<T>(string? filter, int? pageSize, string? columns, string? continuation, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = _rest.CreateMessage(RequestMethod.Get, Uri.EscapeDataString(Name) + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter)) uri.AppendQuery("$filter", filter);
        if (pageSize is { } top) uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (columns is not null) uri.AppendQuery("$select", columns);
        if (continuation is not null)
        {
            var (nextPartition, nextRow) = ContinuationToken.Split(continuation);
            uri.AppendQuery("NextPartitionKey", nextPartition);
            if (nextRow is not null) uri.AppendQuery("NextRowKey", nextRow);
        }

        var response = await _rest.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var entities = EntityJsonReader.ReadEntities(response.Content.ToMemory().Span);
        var items = new List<T>(entities.Count);
        foreach (var values in entities) items.Add(ToEntity<T>(values));
        return Page<T>.FromValues(items, ContinuationToken.From(response), response);
    }

    private T ReadEntity<T>(Response response) where T : class, ITableEntity, new()
    {
        var values = EntityJsonReader.ReadEntity(response.Content.ToMemory().Span);
        if (!values.ContainsKey(TableEntity.ETagName) && response.Headers.ETag is { } etag) values[TableEntity.ETagName] = etag.ToString();
        return ToEntity<T>(values);
    }

    private T ToEntity<T>(Dictionary<string, object?> values) where T : class, ITableEntity, new() =>
        typeof(T) == typeof(TableEntity)
            ? (T)(ITableEntity)TableEntity.Adopt(values)
            : _rest.Shapes.Get(typeof(T)).Create<T>(values);

    private static string? SelectList(IEnumerable<string>? select)
    {
        if (select is null) return null;
        var list = string.Join(",", select);
        return list.Length == 0 ? null : list;
    }

    private static TableRestClient ConnectionStringRest(string connectionString, TableClientOptions? options)
    {
        var parsed = TableConnectionString.Parse(connectionString);
        return SharedKeyRest(parsed.TableEndpoint, parsed.Credential, options);
    }

    internal static TableRestClient SharedKeyRest(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new TableClientOptions();
        return new TableRestClient(endpoint, TablePipeline.Build(options, TablePipeline.SharedKey(credential)), options);
    }

    internal static TableRestClient TokenRest(Uri endpoint, TokenCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new TableClientOptions();
        return new TableRestClient(endpoint, TablePipeline.Build(options, TablePipeline.Token(credential)), options);
    }

    internal static TableRestClient ConnectionStringRestFor(string connectionString, TableClientOptions? options) =>
        ConnectionStringRest(connectionString, options);
}
