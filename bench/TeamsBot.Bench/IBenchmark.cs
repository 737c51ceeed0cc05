namespace TeamsBot.Bench;

/// <summary>One named benchmark; Program discovers every implementation, so adding one never edits Program.cs.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
