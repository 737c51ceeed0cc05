namespace TeamsBot.Digest;

/// <summary>An open status round as the brief shows it: its plan, deadline, and how many of its owners have answered.</summary>
public sealed record OpenRoundRate(string PlanId, DateOnly Deadline, int OwnersAnswered, int Owners);

/// <summary>Where the brief reads the open rounds' response rates from (the Rounds feature implements it; none = no section).</summary>
public interface IOpenRoundRates
{
    Task<IReadOnlyList<OpenRoundRate>> ReadAsync(CancellationToken cancellationToken);
}
