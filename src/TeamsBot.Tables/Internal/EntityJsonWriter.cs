using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace TeamsBot.Tables.Internal;

/// <summary>Writes an entity as the service's JSON entity payload, annotating types JSON cannot carry.</summary>
internal static class EntityJsonWriter
{
    public static byte[] Serialize(ITableEntity entity, EntityShapeCache shapes)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity, shapes);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, ITableEntity entity, EntityShapeCache shapes)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.PartitionKey is null || entity.RowKey is null)
            throw new ArgumentException("An entity needs a PartitionKey and a RowKey.", nameof(entity));

        writer.WriteStartObject();
        writer.WriteString(TableEntity.PartitionKeyName, entity.PartitionKey);
        writer.WriteString(TableEntity.RowKeyName, entity.RowKey);
        if (entity is TableEntity dynamicEntity)
        {
            foreach (var (name, value) in dynamicEntity)
            {
                if (value is null || IsSystemProperty(name)) continue;
                WriteProperty(writer, name, value);
            }
        }
        else
        {
            foreach (var property in shapes.Get(entity.GetType()).Properties)
            {
                if (property.GetValue(entity) is { } value) WriteProperty(writer, property.Name, value);
            }
        }
        writer.WriteEndObject();
    }

    private static bool IsSystemProperty(string name) =>
        name is TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName or TableEntity.ETagName
        || name.EndsWith(EdmType.AnnotationSuffix, StringComparison.Ordinal);

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case long l:
                Annotate(writer, name, EdmType.Int64);
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                // Annotated so that integral doubles (1.0 is written as 1) come back as doubles.
                Annotate(writer, name, EdmType.Double);
                if (double.IsFinite(d)) writer.WriteNumber(name, d);
                else writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                break;
            case DateTimeOffset dto:
                WriteDateTime(writer, name, dto.UtcDateTime);
                break;
            case DateTime dt:
                WriteDateTime(writer, name, dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime());
                break;
            case Guid g:
                Annotate(writer, name, EdmType.Guid);
                writer.WriteString(name, g);
                break;
            case byte[] bytes:
                Annotate(writer, name, EdmType.Binary);
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                Annotate(writer, name, EdmType.Binary);
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new NotSupportedException(
                    $"Property '{name}' has type {value.GetType().Name}, which Table storage cannot hold.");
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, string name, DateTime utc)
    {
        Annotate(writer, name, EdmType.DateTime);
        writer.WriteString(name, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }

    private static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + EdmType.AnnotationSuffix, edmType);
}
