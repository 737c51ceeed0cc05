using System.Globalization;

namespace TeamsBot.Tables.Internal;

/// <summary>Formats a CLR value as an OData literal for a $filter, so user text can never change the filter's shape.</summary>
internal static class ODataLiteral
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        float f => Double(f),
        decimal m => Double((double)m),
        DateTimeOffset dto => DateTime(dto.UtcDateTime),
        DateTime dt => DateTime(dt.Kind == DateTimeKind.Unspecified ? System.DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + System.Convert.ToHexString(bytes) + "'",
        BinaryData data => "X'" + System.Convert.ToHexString(data.ToMemory().Span) + "'",
        Enum e => Quote(e.ToString()),
        _ => throw new NotSupportedException($"A filter argument of type {value.GetType().Name} has no OData literal."),
    };

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DateTime(DateTime utc) =>
        "datetime'" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'";

    private static string Double(double d)
    {
        if (!double.IsFinite(d)) throw new NotSupportedException("NaN and infinities have no OData filter literal.");
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        // Without a '.' or exponent the service would read an Int32 literal.
        return text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text;
    }
}
