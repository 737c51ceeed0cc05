using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Connector;

/// <summary>The configured share: one of <see cref="BotConnectorOptions.Instances"/> (default 1, the whole budget).</summary>
internal sealed class FixedTenantBudgetShare(IOptions<BotConnectorOptions> options) : ITenantBudgetShare
{
    private static readonly Task Never = new TaskCompletionSource().Task;

    public RateShare Current { get; } = new(Math.Max(1, options.Value.Instances));

    public Task WhenChanged => Never;
}
