namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// How much of each tenant's budget (<see cref="BotConnectorOptions.PerTenantPerSecond"/>) this instance may use. Teams
/// counts the limit per app across all instances, so with several instances each may use only its share.
/// Default: a fixed share of <see cref="BotConnectorOptions.Instances"/>; <c>AddSharedTenantBudget</c> replaces it with
/// one the instances agree on through a store.
/// </summary>
public interface ITenantBudgetShare
{
    RateShare Current { get; }

    /// <summary>Completes the next time <see cref="Current"/> changes.</summary>
    Task WhenChanged { get; }
}
