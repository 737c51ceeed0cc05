using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.Measures;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>The real service as Program builds it: development mode (no MicrosoftAppId), Azurite under its own table prefix.</summary>
internal sealed class ProtocolApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtocolApp(WebApplication app) => _app = app;

    public Uri MessagesUrl => new(LoopbackHost.Address(_app) + "/api/messages");

    public static async Task<ProtocolApp> StartAsync(AzuriteFixture azurite, ProtocolBreakdown? breakdown, CancellationToken cancellationToken)
    {
        var app = TeamsBotApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = AzuriteFixture.NewTableName("bench")[..12],
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            breakdown?.Instrument(builder);
        });
        await app.StartAsync(cancellationToken);
        var index = app.Services.GetRequiredService<MeasureIndex>();
        for (var waited = 0; !index.IsLoaded && waited < 200; waited++) await Task.Delay(50, cancellationToken);
        return new ProtocolApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
