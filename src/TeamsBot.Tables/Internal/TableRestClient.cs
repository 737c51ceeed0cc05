using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsBot.Tables.Internal;

/// <summary>Shared plumbing of the service and table clients: endpoint, pipeline, common headers, error mapping.</summary>
internal sealed class TableRestClient(Uri endpoint, HttpPipeline pipeline, TableClientOptions options)
{
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly string _serviceVersion = options.ServiceVersion;

    public Uri Endpoint { get; } = endpoint;

    public HttpPipeline Pipeline { get; } = pipeline;

    public EntityShapeCache Shapes { get; } = new();

    public static RequestMethod MethodFor(TableUpdateMode mode) => mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put;

    /// <summary>A request for <paramref name="resource"/> (already URI-escaped, relative to the account endpoint).</summary>
    public HttpMessage CreateMessage(RequestMethod method, string resource)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath(request.Uri.Path.EndsWith('/') ? resource : "/" + resource, escape: false);
        request.Headers.SetValue("x-ms-version", _serviceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", JsonMinimalMetadata);
        return message;
    }

    public static void SetJsonContent(Request request, byte[] json)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(json);
    }

    /// <summary>Sends and throws RequestFailedException for any status not in <paramref name="expected"/>.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) < 0) throw new RequestFailedException(response, null, TableErrorParser.Instance);
        return response;
    }

    /// <summary>"Table(PartitionKey='pk',RowKey='rk')" with quotes doubled, then percent-escaped.</summary>
    public static string EntityResource(string table, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return new StringBuilder(table.Length + partitionKey.Length + rowKey.Length + 32)
            .Append(Uri.EscapeDataString(table))
            .Append("(PartitionKey='").Append(EscapeKey(partitionKey))
            .Append("',RowKey='").Append(EscapeKey(rowKey)).Append("')")
            .ToString();
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    public static string IfMatch(ETag etag) => etag == default ? "*" : etag.ToString();
}
