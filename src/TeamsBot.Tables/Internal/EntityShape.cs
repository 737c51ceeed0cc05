using System.Reflection;
using System.Runtime.Serialization;
using Azure;

namespace TeamsBot.Tables.Internal;

/// <summary>How a typed entity class maps to table properties: its public read/write properties of supported types.</summary>
internal sealed class EntityShape
{
    private static readonly HashSet<string> SystemProperties =
        [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

    private static readonly HashSet<Type> SupportedTypes =
    [
        typeof(string), typeof(int), typeof(long), typeof(double), typeof(bool), typeof(DateTimeOffset), typeof(DateTime),
        typeof(Guid), typeof(byte[]), typeof(BinaryData),
    ];

    private EntityShape(Type type, IReadOnlyList<EntityProperty> properties)
    {
        Type = type;
        Properties = properties;
    }

    public Type Type { get; }

    public IReadOnlyList<EntityProperty> Properties { get; }

    public static EntityShape Build(Type type)
    {
        var properties = new List<EntityProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (SystemProperties.Contains(property.Name) || property.GetIndexParameters().Length > 0) continue;
            if (property.GetMethod is not { IsPublic: true } || property.SetMethod is not { IsPublic: true }) continue;
            if (property.IsDefined(typeof(IgnoreDataMemberAttribute), inherit: true)) continue;

            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!SupportedTypes.Contains(valueType) && !valueType.IsEnum)
            {
                throw new NotSupportedException(
                    $"{type.Name}.{property.Name} has type {property.PropertyType.Name}, which Table storage cannot hold; " +
                    "mark it [IgnoreDataMember] or use a supported type.");
            }
            properties.Add(new EntityProperty(property, valueType));
        }
        return new EntityShape(type, properties);
    }

    public T Create<T>(Dictionary<string, object?> values) where T : class, ITableEntity, new()
    {
        var entity = new T
        {
            PartitionKey = values.GetValueOrDefault(TableEntity.PartitionKeyName) as string ?? "",
            RowKey = values.GetValueOrDefault(TableEntity.RowKeyName) as string ?? "",
            Timestamp = values.GetValueOrDefault(TableEntity.TimestampName) as DateTimeOffset?,
            ETag = values.GetValueOrDefault(TableEntity.ETagName) is string etag ? new ETag(etag) : default,
        };
        foreach (var property in Properties)
        {
            if (values.TryGetValue(property.Name, out var value) && value is not null)
                property.SetValue(entity, value);
        }
        return entity;
    }
}

internal sealed class EntityProperty(PropertyInfo property, Type valueType)
{
    public string Name => property.Name;

    public object? GetValue(object entity) => property.GetValue(entity);

    public void SetValue(object entity, object stored)
    {
        try
        {
            property.SetValue(entity, StoredValueConverter.Convert(stored, valueType));
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Stored property '{Name}' ({stored.GetType().Name}) cannot be read as {valueType.Name}.", e);
        }
    }
}
