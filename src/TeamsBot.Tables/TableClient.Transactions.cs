using Azure;
using Azure.Core;
using TeamsBot.Tables.Internal;

namespace TeamsBot.Tables;

public sealed partial class TableClient
{
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Runs the actions as one entity group transaction: all are written or none. Each inner response carries its
    /// new ETag. A rejected changeset throws <see cref="TableTransactionFailedException"/> naming the failed action.
    /// </summary>
    public async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        Validate(actions);

        var (body, contentType) = TransactionBody.Build(actions, _rest.Endpoint, Name, _rest.Shapes);
        using var message = _rest.CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _rest.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);

        var responseType = response.Headers.ContentType;
        if (responseType is null || !responseType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            throw new RequestFailedException(response.Status, "The $batch response is not multipart/mixed.");
        var parts = TransactionResponseParser.Parse(responseType, response.Content.ToMemory());

        var failedIndex = parts.FindIndex(p => p.Status >= 400);
        if (failedIndex >= 0) throw new TableTransactionFailedException(parts[failedIndex], FailedActionIndex(parts[failedIndex], actions.Count));
        if (parts.Count != actions.Count)
            throw new RequestFailedException(response.Status, $"The $batch response holds {parts.Count} results for {actions.Count} actions.");
        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }

    private static void Validate(List<TableTransactionAction> actions)
    {
        if (actions.Count == 0) throw new ArgumentException("A transaction needs at least one action.", "transactionActions");
        if (actions.Count > MaxTransactionActions)
            throw new ArgumentException($"A transaction holds at most {MaxTransactionActions} actions; got {actions.Count}.", "transactionActions");
        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
                throw new ArgumentException("All actions of a transaction must have the same PartitionKey.", "transactionActions");
            if (!rowKeys.Add(action.Entity.RowKey))
                throw new ArgumentException("An entity may appear only once in a transaction.", "transactionActions");
        }
    }

    /// <summary>The service prefixes the error message with the zero-based index ("2:…"); Content-ID is 1-based.</summary>
    private static int? FailedActionIndex(Response failed, int actionCount)
    {
        var message = TableErrorParser.Read(failed).Message;
        var colon = message?.IndexOf(':') ?? -1;
        if (colon > 0 && int.TryParse(message.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < actionCount)
        {
            return index;
        }
        if (failed.Headers.TryGetValue("Content-ID", out var contentId)
            && int.TryParse(contentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && id >= 1 && id <= actionCount)
        {
            return id - 1;
        }
        return null;
    }
}
