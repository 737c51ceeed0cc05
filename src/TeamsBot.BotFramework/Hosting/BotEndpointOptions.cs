namespace TeamsBot.BotFramework.Hosting;

/// <summary>The /api/messages endpoint (configuration section "BotFramework").</summary>
public sealed class BotEndpointOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>Larger request bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long the request waits for a non-invoke turn before answering 200 and letting the turn finish in the
    /// background (Teams wants an answer within 15 s).
    /// </summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an activity taken is remembered, so the same activity delivered again (Teams does when an answer took
    /// over 15 s) is not run twice. Teams' redeliveries come within a minute.
    /// </summary>
    public TimeSpan RedeliveryWindow { get; set; } = TimeSpan.FromMinutes(5);
}
