using System.Runtime.Serialization;
using Azure;

namespace TeamsBot.Tables.Tests.Infrastructure;

public enum MeasureStatus
{
    Planned,
    InProgress,
    Implemented,
}

/// <summary>A typed entity with one property per supported type, plus nullable versions.</summary>
public sealed class EveryTypeRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Text { get; set; }
    public int Int32 { get; set; }
    public long Int64 { get; set; }
    public double Double { get; set; }
    public bool Bool { get; set; }
    public DateTimeOffset When { get; set; }
    public DateTime WhenUtc { get; set; }
    public Guid Id { get; set; }
    public byte[]? Bytes { get; set; }
    public BinaryData? Data { get; set; }
    public MeasureStatus Status { get; set; }

    public int? MaybeInt32 { get; set; }
    public long? MaybeInt64 { get; set; }
    public double? MaybeDouble { get; set; }
    public bool? MaybeBool { get; set; }
    public DateTimeOffset? MaybeWhen { get; set; }
    public DateTime? MaybeWhenUtc { get; set; }
    public Guid? MaybeId { get; set; }
    public MeasureStatus? MaybeStatus { get; set; }

    [IgnoreDataMember]
    public string? NotStored { get; set; }

    public string Computed => "not a column";
}

public sealed class NoteRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string? Title { get; set; }
    public string? Remark { get; set; }
    public int Order { get; set; }
}
