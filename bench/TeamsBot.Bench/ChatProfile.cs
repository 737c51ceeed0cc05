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
    public static async Task PrintAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var runsAt = Array.IndexOf(args, "--runs");
        var runs = runsAt >= 0 ? int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture) : 20;
        var onlyAt = Array.IndexOf(args, "--only");
        var only = onlyAt >= 0 ? args[onlyAt + 1] : null;
        await services.GetRequiredService<MeasureIndexLoader>().LoadAsync(cancellationToken);
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        var today = services.GetRequiredService<OsloClock>().Today;
        Console.WriteLine();
        Console.WriteLine($"| Question | Answer | Reply JSON | mean (of {runs}) | min | CPU per answer | of which parsing (mean) | allocated per answer |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        foreach (var (text, locale) in ChatQuestions.All.Where(q => only is null || q.Text == only))
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
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            (string Kind, int Bytes) last = default;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                last = await AnswerOnce();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / runs;
            var plans = services.GetRequiredService<MeasureIndex>().Current.Plans.Values;
            var parsing = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++) Chat.Understanding.QuestionParser.Parse(text, today, plans);
            var parseMs = parsing.Elapsed.TotalMilliseconds / runs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {text} | {last.Kind} | {last.Bytes / 1024.0:0.0} KiB | {times.Average():0.00} ms | {times.Min():0.00} ms | {cpuMs:0.00} ms | {parseMs:0.00} ms | {allocated / 1024.0:0} KiB |"));
        }
    }
}
