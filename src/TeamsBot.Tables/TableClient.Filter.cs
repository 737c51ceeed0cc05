using System.Globalization;
using TeamsBot.Tables.Internal;

namespace TeamsBot.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Builds a $filter from an interpolated string, turning each argument into a correctly quoted OData literal:
    /// <c>CreateQueryFilter($"PartitionKey eq {planId} and Deadline lt {date}")</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(a => (object)ODataLiteral.Format(a)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }
}
