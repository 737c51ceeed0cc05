using System.Globalization;

namespace TeamsBot.Measures.Import;

/// <summary>
/// Three-way merge of a plan file into the store: a field is taken from the file only when the file changed it since
/// the last import, so a status someone updated in Teams survives re-importing an unchanged file.
/// </summary>
internal static class MeasureMerge
{
    public static Measure Apply(Measure current, ImportedMeasure? lastImported, ImportedMeasure file)
    {
        if (lastImported is null) return Create(current.PlanId, file) with
        {
            UpdatedAt = current.UpdatedAt,
            UpdatedBy = current.UpdatedBy,
            Version = current.Version,
        };
        return current with
        {
            AreaId = lastImported.AreaId == file.AreaId ? current.AreaId : file.AreaId,
            Order = lastImported.Order == file.Order ? current.Order : file.Order,
            Title = lastImported.Title == file.Title ? current.Title : file.Title,
            Status = lastImported.Status == file.Status ? current.Status : file.Status,
            Remark = lastImported.Remark == file.Remark ? current.Remark : file.Remark,
            Owners = lastImported.Owners.SequenceEqual(file.Owners) ? current.Owners : file.Owners,
            Deadline = lastImported.Deadline == file.Deadline ? current.Deadline : file.Deadline,
            DeadlineText = lastImported.DeadlineText == file.DeadlineText ? current.DeadlineText : file.DeadlineText,
            Aliases = lastImported.Aliases.SequenceEqual(file.Aliases) ? current.Aliases : file.Aliases,
        };
    }

    public static Measure Create(string planId, ImportedMeasure file) => new()
    {
        PlanId = planId,
        Id = file.Id,
        AreaId = file.AreaId,
        Order = file.Order,
        Title = file.Title,
        Status = file.Status,
        Remark = file.Remark,
        Owners = file.Owners,
        Deadline = file.Deadline,
        DeadlineText = file.DeadlineText,
        Aliases = file.Aliases,
    };

    /// <summary>The user-visible fields that differ, with their old and new values as text.</summary>
    public static IReadOnlyList<FieldChange> Diff(Measure? before, Measure after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? old, string? @new)
        {
            if (!string.Equals(old, @new, StringComparison.Ordinal)) changes.Add(new FieldChange(field, old, @new));
        }
        Compare("area", before?.AreaId, after.AreaId);
        Compare("title", before?.Title, after.Title);
        Compare("status", before?.Status.ToString(), after.Status.ToString());
        Compare("remark", before?.Remark, after.Remark);
        Compare("owners", before is null ? null : string.Join(", ", before.Owners), string.Join(", ", after.Owners));
        Compare("deadline", before?.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            after.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Compare("deadlineText", before?.DeadlineText, after.DeadlineText);
        Compare("aliases", before is null ? null : string.Join(", ", before.Aliases), string.Join(", ", after.Aliases));
        if (before is not null && before.Order != after.Order)
            changes.Add(new FieldChange("order", before.Order.ToString(CultureInfo.InvariantCulture), after.Order.ToString(CultureInfo.InvariantCulture)));
        return changes;
    }
}
