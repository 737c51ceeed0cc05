using System.Globalization;

namespace TeamsBot.Tables.Internal;

/// <summary>Converts a value as read from the service to a typed entity's property type.</summary>
internal static class StoredValueConverter
{
    public static object Convert(object stored, Type target)
    {
        if (target.IsInstanceOfType(stored)) return stored;
        if (target.IsEnum)
        {
            return stored is string name
                ? Enum.Parse(target, name, ignoreCase: false)
                : Enum.ToObject(target, System.Convert.ToInt64(stored, CultureInfo.InvariantCulture));
        }

        return (stored, target) switch
        {
            (int i, _) when target == typeof(long) => (long)i,
            (int i, _) when target == typeof(double) => (double)i,
            (long l, _) when target == typeof(int) => checked((int)l),
            (long l, _) when target == typeof(double) => (double)l,
            (string s, _) when target == typeof(long) => long.Parse(s, CultureInfo.InvariantCulture),
            (DateTimeOffset d, _) when target == typeof(DateTime) => d.UtcDateTime,
            (string s, _) when target == typeof(DateTimeOffset) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            (string s, _) when target == typeof(DateTime) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime,
            (string s, _) when target == typeof(Guid) => Guid.Parse(s),
            (byte[] b, _) when target == typeof(BinaryData) => new BinaryData(b),
            (string s, _) when target == typeof(byte[]) => System.Convert.FromBase64String(s),
            _ => throw new InvalidCastException(),
        };
    }
}
