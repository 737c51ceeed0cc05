namespace TeamsBot.Measures;

/// <summary>The lifecycle of a measure. Plans write the label in their own language; the code works on these.</summary>
public enum MeasureStatus
{
    Recommended,
    UnderPlanning,
    InProgress,
    Implemented,
}
