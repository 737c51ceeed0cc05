using System.Diagnostics.Metrics;
using TeamsBot.Rounds;

namespace TeamsBot.Telemetry;

/// <summary>
/// teamsbot.round.messages: status-round requests and reminders by kind and outcome (sent, unreachable, failed);
/// teamsbot.round.unreachable_owners: owner units nobody could be reached for when a round started. No user text.
/// </summary>
public sealed class RoundTelemetry(TeamsBotTelemetry telemetry)
{
    private readonly Counter<long> _unreachable = telemetry.Meter.CreateCounter<long>("teamsbot.round.unreachable_owners", "{owner}",
        "Owner units in a started status round that nobody can be reached for.");

    public void UnreachableOwners(int count) => _unreachable.Add(count);

    private readonly Counter<long> _messages = telemetry.Meter.CreateCounter<long>("teamsbot.round.messages", "{message}",
        "Status-round requests and reminders to owners, by kind and outcome.");

    public void Record(string step, DeliveryResult result) => _messages.Add(1,
        new KeyValuePair<string, object?>("teamsbot.round.kind", step == RoundScheduler.RequestStep ? "request" : "reminder"),
        new KeyValuePair<string, object?>("teamsbot.round.outcome", result switch
        {
            DeliveryResult.Sent => "sent",
            DeliveryResult.Unreachable => "unreachable",
            _ => "failed",
        }));
}
