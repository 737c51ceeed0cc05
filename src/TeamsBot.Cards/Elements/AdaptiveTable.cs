using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>A grid (schema 1.5). Every row should have one cell per column definition.</summary>
public sealed class AdaptiveTable : AdaptiveElement
{
    public List<AdaptiveTableColumnDefinition> Columns { get; set; } = [];

    public List<AdaptiveTableRow> Rows { get; set; } = [];

    [DefaultValue(true)]
    public bool FirstRowAsHeader { get; set; } = true;

    [DefaultValue(true)]
    public bool ShowGridLines { get; set; } = true;

    public AdaptiveContainerStyle? GridStyle { get; set; }

    public AdaptiveHorizontalAlignment? HorizontalCellContentAlignment { get; set; }

    public AdaptiveVerticalAlignment? VerticalCellContentAlignment { get; set; }
}

public sealed class AdaptiveTableColumnDefinition
{
    public AdaptiveTableColumnDefinition() { }

    public AdaptiveTableColumnDefinition(AdaptiveWidth width) => Width = width;

    /// <summary>A weight or a pixel width ("auto"/"stretch" are not valid for table columns).</summary>
    public AdaptiveWidth? Width { get; set; }

    public AdaptiveHorizontalAlignment? HorizontalCellContentAlignment { get; set; }

    public AdaptiveVerticalAlignment? VerticalCellContentAlignment { get; set; }
}

public sealed class AdaptiveTableRow
{
    public AdaptiveTableRow() { }

    public AdaptiveTableRow(params IEnumerable<AdaptiveTableCell> cells) => Cells = [.. cells];

    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableRow";

    public List<AdaptiveTableCell> Cells { get; set; } = [];

    public AdaptiveContainerStyle? Style { get; set; }
}

public sealed class AdaptiveTableCell
{
    public AdaptiveTableCell() { }

    public AdaptiveTableCell(params IEnumerable<AdaptiveElement> items) => Items = [.. items];

    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableCell";

    public List<AdaptiveElement> Items { get; set; } = [];

    public AdaptiveContainerStyle? Style { get; set; }

    public AdaptiveAction? SelectAction { get; set; }

    public AdaptiveVerticalAlignment? VerticalContentAlignment { get; set; }
}
