using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsBot.Chat;

namespace TeamsBot.Telemetry;

/// <summary>Chat answers: a "chat.answer" span, teamsbot.chat.answers and teamsbot.chat.answer.duration, by kind of answer.</summary>
public sealed class ChatTelemetry
{
    private readonly ActivitySource _source;
    private readonly Counter<long> _answers;
    private readonly Histogram<double> _duration;

    public ChatTelemetry(TeamsBotTelemetry telemetry)
    {
        _source = telemetry.Source;
        _answers = telemetry.Meter.CreateCounter<long>("teamsbot.chat.answers", "{answer}",
            "Chat questions answered, by the kind of answer.");
        _duration = telemetry.Meter.CreateHistogram("teamsbot.chat.answer.duration", "s",
            "From taking up a question to its reply sent, by the kind of answer.", advice: TeamsBotTelemetry.DurationAdvice());
    }

    /// <summary>Times one answer; say <see cref="AnswerTiming.Answered"/> once the reply is sent, then dispose.</summary>
    public AnswerTiming StartAnswer() =>
        new(new OperationTiming(_source.StartActivity("chat.answer"), TelemetryTags.AnswerKind, _answers, _duration, default));

    public sealed class AnswerTiming : IDisposable
    {
        private readonly OperationTiming _timing;

        internal AnswerTiming(OperationTiming timing) => _timing = timing;

        public void Answered(AnswerKind kind) => _timing.Finish(Value(kind));

        public void Dispose() => _timing.Dispose();
    }

    public static string Value(AnswerKind kind) => kind switch
    {
        AnswerKind.Measure => "measure",
        AnswerKind.Candidates => "candidates",
        AnswerKind.NotUnderstood => "not_understood",
        AnswerKind.WhoOwns => "who_owns",
        AnswerKind.Overdue => "overdue",
        AnswerKind.DueSoon => "due_soon",
        AnswerKind.Changed => "changed",
        AnswerKind.Summary => "summary",
        AnswerKind.List => "list",
        AnswerKind.Help => "help",
        AnswerKind.Count => "count",
        AnswerKind.SmallTalk => "small_talk",
        AnswerKind.Refused => "refused",
        _ => "other",
    };
}
