using System.Reflection;
using TeamsBot.Bench;

var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || benchmarks.All(b => b.Name != args[0]))
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/TeamsBot.Bench -- <benchmark> [options]");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-12} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await benchmarks.Single(b => b.Name == args[0]).RunAsync(args[1..], cancel.Token);
