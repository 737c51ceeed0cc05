namespace TeamsBot.Testing;

/// <summary>
/// A running Agents Playground pointed at a bot endpoint, with a <see cref="PlaygroundClient"/> whose conversation stream
/// is connected from the start. Dispose stops the client and kills the Playground's process tree.
/// </summary>
/// <example><code>
/// await using var playground = await PlaygroundFixture.StartAsync(new Uri(bot, "api/messages"));
/// var chat = await playground.Client.InstallPersonalAsync();
/// await playground.Client.SendMessageAsync(chat, "hjelp");
/// var replies = await playground.Client.WaitForBotMessagesAsync(chat);
/// </code></example>
public sealed class PlaygroundFixture : IAsyncDisposable
{
    private PlaygroundFixture(PlaygroundProcess process, PlaygroundClient client)
    {
        Process = process;
        Client = client;
    }

    public PlaygroundProcess Process { get; }

    public PlaygroundClient Client { get; }

    /// <summary>The web UI (and API) address, e.g. for <see cref="PlaygroundBrowser"/>.</summary>
    public Uri BaseAddress => Process.BaseAddress;

    public static async Task<PlaygroundFixture> StartAsync(Uri botEndpoint, PlaygroundOptions? options = null, CancellationToken cancellationToken = default)
    {
        var process = await PlaygroundProcess.StartAsync(botEndpoint, options, cancellationToken).ConfigureAwait(false);
        try
        {
            var client = await PlaygroundClient.ConnectAsync(process.BaseAddress, cancellationToken).ConfigureAwait(false);
            return new PlaygroundFixture(process, client);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Process.DisposeAsync().ConfigureAwait(false);
        }
    }
}
