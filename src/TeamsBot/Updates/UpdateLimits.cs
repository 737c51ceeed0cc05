namespace TeamsBot.Updates;

/// <summary>The limits the form enforces (the card says so too, and the server checks again).</summary>
public static class UpdateLimits
{
    public const int RemarkMaxLength = 4000;
    public const int CommentMaxLength = 500;

    /// <summary>A deadline outside these is a typo (9999-12-31), not a plan.</summary>
    public static readonly DateOnly EarliestDeadline = new(2000, 1, 1);
    public static readonly DateOnly LatestDeadline = new(2100, 12, 31);
}
