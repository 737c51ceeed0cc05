using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TeamsBot.Tables.Internal;

/// <summary>
/// Writes an entity group transaction as the $batch multipart/mixed body: one batch part holding one changeset,
/// each operation an application/http part with an absolute request line.
/// </summary>
internal static class TransactionBody
{
    public static (byte[] Body, string ContentType) Build(
        IReadOnlyList<TableTransactionAction> actions, Uri endpoint, string table, EntityShapeCache shapes)
    {
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var baseUri = endpoint.AbsoluteUri.TrimEnd('/');
        var buffer = new ArrayBufferWriter<byte>(actions.Count * 512 + 512);

        Utf8(buffer, $"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        using var json = new Utf8JsonWriter(buffer);
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, resource, ifMatch, withBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", Uri.EscapeDataString(table), null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", Resource(table, entity), TableRestClient.IfMatch(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", Resource(table, entity), TableRestClient.IfMatch(action.ETag), true),
                TableTransactionActionType.Delete => ("DELETE", Resource(table, entity), TableRestClient.IfMatch(action.ETag), false),
                TableTransactionActionType.UpsertMerge => ("MERGE", Resource(table, entity), null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", Resource(table, entity), null, true),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };

            var head = new StringBuilder(256)
                .Append("--").Append(changesetBoundary).Append("\r\n")
                .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(baseUri).Append('/').Append(resource).Append(" HTTP/1.1\r\n")
                .Append("Accept: ").Append(TableRestClient.JsonMinimalMetadata).Append("\r\n")
                .Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null) head.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            if (action.ActionType == TableTransactionActionType.Add) head.Append("Prefer: return-no-content\r\n");
            if (withBody) head.Append("Content-Type: application/json\r\n");
            head.Append("\r\n");
            Utf8(buffer, head.ToString());

            if (withBody)
            {
                json.Reset(buffer);
                EntityJsonWriter.Write(json, entity, shapes);
                json.Flush();
            }
            Utf8(buffer, "\r\n");
        }
        Utf8(buffer, $"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        return (buffer.WrittenSpan.ToArray(), $"multipart/mixed; boundary={batchBoundary}");
    }

    private static string Resource(string table, ITableEntity entity) =>
        TableRestClient.EntityResource(table, entity.PartitionKey, entity.RowKey);

    private static void Utf8(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
