using Azure;

namespace TeamsBot.Tables.Internal;

/// <summary>Pages of a query, following the service's continuation until it gives none.</summary>
internal sealed class TableQueryPageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
    int? maxPerPage,
    CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken) where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await fetchPage(continuationToken, pageSizeHint ?? maxPerPage, CancellationToken).ConfigureAwait(false);
            continuationToken = page.ContinuationToken;
            yield return page;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }
}
