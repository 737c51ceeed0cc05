using Azure;

namespace TeamsBot.Tables;

/// <summary>One operation of an entity group transaction.</summary>
/// <param name="etag">For updates and deletes; default means unconditional (If-Match: *).</param>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public ITableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;
}
