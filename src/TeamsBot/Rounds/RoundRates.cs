using TeamsBot.Digest;

namespace TeamsBot.Rounds;

/// <summary>The open rounds' response rates for the weekly brief, from the same derived progress «hvem mangler?» shows.</summary>
public sealed class RoundRates(RoundStore rounds, RoundProgressReader progress) : IOpenRoundRates
{
    public async Task<IReadOnlyList<OpenRoundRate>> ReadAsync(CancellationToken cancellationToken)
    {
        var rates = new List<OpenRoundRate>();
        await foreach (var round in rounds.ListOpenAsync(cancellationToken))
            if (await progress.ReadAsync(round, cancellationToken) is { } view)
                rates.Add(new OpenRoundRate(round.PlanId, round.Deadline, view.OwnersAnswered, view.Owners.Count));
        return rates;
    }
}
