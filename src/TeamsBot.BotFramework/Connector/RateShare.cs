namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// This instance's part of a limit that all instances of the app share (Teams: 50 requests/s per app per tenant):
/// one of <paramref name="Instances"/> equal parts. <see cref="None"/> (0) means no part yet: no permit is given.
/// </summary>
public readonly record struct RateShare(int Instances)
{
    public static RateShare Whole => new(1);
    public static RateShare None => new(0);

    /// <summary>The permits of <paramref name="limit"/> this share may use: an equal part rounded down, never below one.</summary>
    public int Of(int limit) => Instances <= 0 ? 0 : Math.Max(1, limit / Instances);

    public override string ToString() => Instances <= 0 ? "none" : $"1/{Instances}";
}
