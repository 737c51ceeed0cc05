using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace TeamsBot.Tables;

/// <summary>
/// A schemaless entity: property name → value (string, int, long, double, bool, DateTimeOffset, Guid, byte[],
/// BinaryData or null). PartitionKey, RowKey, Timestamp and the ETag ("odata.etag") live in the same dictionary.
/// </summary>
public sealed class TableEntity : IDictionary<string, object?>, ITableEntity
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";
    internal const string ETagName = "odata.etag";

    private readonly Dictionary<string, object?> _properties;

    public TableEntity() => _properties = new Dictionary<string, object?>(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values) =>
        _properties = new Dictionary<string, object?>(values, StringComparer.Ordinal);

    private TableEntity(Dictionary<string, object?> properties, bool adopt) => _properties = properties;

    /// <summary>Wraps a freshly read dictionary without copying it.</summary>
    internal static TableEntity Adopt(Dictionary<string, object?> properties) => new(properties, adopt: true);

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? "";
        set => _properties[PartitionKeyName] = value;
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? "";
        set => _properties[RowKeyName] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => _properties[TimestampName] = value;
    }

    public ETag ETag
    {
        get => GetString(ETagName) is { } etag ? new ETag(etag) : default;
        set => _properties[ETagName] = value == default ? null : value.ToString();
    }

    public string? GetString(string key) => Get<string>(key);

    public int? GetInt32(string key) => Get<object>(key) switch
    {
        null => null,
        int i => i,
        long l => checked((int)l),
        var other => throw WrongType(key, other, "Int32"),
    };

    public long? GetInt64(string key) => Get<object>(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw WrongType(key, other, "Int64"),
    };

    public double? GetDouble(string key) => Get<object>(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(key, other, "Double"),
    };

    public bool? GetBoolean(string key) => Get<bool?>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => Get<object>(key) switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        var other => throw WrongType(key, other, "DateTimeOffset"),
    };

    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    public Guid? GetGuid(string key) => Get<Guid?>(key);

    public byte[]? GetBinary(string key) => Get<object>(key) switch
    {
        null => null,
        byte[] b => b,
        BinaryData b => b.ToArray(),
        var other => throw WrongType(key, other, "Binary"),
    };

    public BinaryData? GetBinaryData(string key) => GetBinary(key) is { } bytes ? new BinaryData(bytes) : null;

    private T? Get<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_properties.TryGetValue(key, out var value) || value is null) return default;
        return value is T typed ? typed : throw WrongType(key, value, typeof(T).Name);
    }

    private static InvalidOperationException WrongType(string key, object value, string wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted}.");

    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public void Add(string key, object? value) => _properties.Add(key, value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    public void Clear() => _properties.Clear();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
