using Azure;
using TeamsBot.Tables.Internal;

namespace TeamsBot.Tables;

/// <summary>A transaction's changeset failed, so nothing in it was written.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    internal TableTransactionFailedException(Response failedResponse, int? failedIndex)
        : base(failedResponse, null, TableErrorParser.Instance)
    {
        FailedTransactionActionIndex = failedIndex;
    }

    /// <summary>The zero-based index of the action the service rejected, when it says.</summary>
    public int? FailedTransactionActionIndex { get; }
}
