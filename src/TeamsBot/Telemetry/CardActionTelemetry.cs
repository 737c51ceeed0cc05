using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.Telemetry;

/// <summary>
/// Card actions (button presses and form submits): a "card.action" span, teamsbot.card.actions and
/// teamsbot.card.action.duration, by verb, Action.Execute or Action.Submit, and outcome.
/// </summary>
public sealed class CardActionTelemetry
{
    /// <summary>The verb recorded when no handler claims it: a client may send any string there.</summary>
    public const string UnknownVerb = "unknown";

    private readonly ActivitySource _source;
    private readonly Counter<long> _actions;
    private readonly Histogram<double> _duration;

    public CardActionTelemetry(TeamsBotTelemetry telemetry)
    {
        _source = telemetry.Source;
        _actions = telemetry.Meter.CreateCounter<long>("teamsbot.card.actions", "{action}",
            "Card actions handled, by verb, action type and outcome.");
        _duration = telemetry.Meter.CreateHistogram("teamsbot.card.action.duration", "s",
            "Time to handle a card action, by verb, action type and outcome.", advice: TeamsBotTelemetry.DurationAdvice());
    }

    /// <summary>
    /// Times one action. <paramref name="claimedVerb"/> is the verb a handler claimed (one of the constants our cards
    /// carry), or null when none did.
    /// </summary>
    public CardActionTiming Start(string? claimedVerb, bool isUniversalAction)
    {
        var tags = new TagList
        {
            { TelemetryTags.CardVerb, claimedVerb ?? UnknownVerb },
            { TelemetryTags.CardActionType, isUniversalAction ? "execute" : "submit" },
        };
        return new CardActionTiming(new OperationTiming(_source.StartActivity("card.action"), TelemetryTags.CardOutcome, _actions, _duration, tags));
    }

    public sealed class CardActionTiming : IDisposable
    {
        private readonly OperationTiming _timing;

        internal CardActionTiming(OperationTiming timing) => _timing = timing;

        /// <summary>Action.Execute answered with <paramref name="response"/> (returned, for the caller to pass on).</summary>
        public AdaptiveCardInvokeResponse Executed(AdaptiveCardInvokeResponse response)
        {
            _timing.Finish(response.StatusCode switch
            {
                < 400 => "ok",
                < 500 => "rejected",
                _ => "failed",
            });
            return response;
        }

        /// <summary>Action.Submit handled (its replies are messages, not an invoke response).</summary>
        public void Submitted() => _timing.Finish("ok");

        /// <summary>No handler claims the verb.</summary>
        public void Unclaimed() => _timing.Finish("unknown_verb");

        public void Dispose() => _timing.Dispose();
    }
}
