using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.Bot;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Chat;
using TeamsBot.Localization;
using TeamsBot.Measures;
using Activity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.Bench;

/// <summary>
/// --per-question: each question of the mix answered in this process, no HTTP, one at a time (QuestionAnswerer, the
/// card message and its JSON), after the index is loaded and warm: where the chat's CPU goes, question by question.
/// </summary>
internal static class ChatProfile
{
    private const int Runs = 20;

    public static async Task PrintAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MeasureIndexLoader>().LoadAsync(cancellationToken);
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        var today = services.GetRequiredService<OsloClock>().Today;
        Console.WriteLine();
        Console.WriteLine($"| Question | Answer | Reply JSON | mean (of {Runs}) | min | of which parsing (mean) | allocated per answer |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (text, locale) in ChatQuestions.All)
        {
            var language = UserLanguages.FromLocale(locale);
            async Task<(string Kind, int Bytes)> AnswerOnce()
            {
                var answer = await answerer.AnswerAsync(text, language, today, page: 0, cancellationToken);
                var message = answer.Card is null ? Activity.CreateMessageActivity(answer.Text) : CardMessages.From(answer.Card, answer.Text);
                return (answer.Card?.GetType().Name ?? "text", JsonSerializer.SerializeToUtf8Bytes(message, BotJson.Options).Length);
            }
            for (var i = 0; i < 3; i++) await AnswerOnce();
            var times = new List<double>();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            (string Kind, int Bytes) last = default;
            for (var i = 0; i < Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                last = await AnswerOnce();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Runs;
            var plans = services.GetRequiredService<MeasureIndex>().Current.Plans.Values;
            var parsing = Stopwatch.StartNew();
            for (var i = 0; i < Runs; i++) Chat.Understanding.QuestionParser.Parse(text, today, plans);
            var parseMs = parsing.Elapsed.TotalMilliseconds / Runs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {text} | {last.Kind} | {last.Bytes / 1024.0:0.0} KiB | {times.Average():0.00} ms | {times.Min():0.00} ms | {parseMs:0.00} ms | {allocated / 1024.0:0} KiB |"));
        }
    }
}
