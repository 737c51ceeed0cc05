using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Infrastructure;

/// <summary>The real service on real Kestrel at 127.0.0.1 (a free port), storing in the shared Azurite under its own table prefix.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, string tablePrefix)
    {
        App = app;
        TablePrefix = tablePrefix;
    }

    public WebApplication App { get; }
    public string TablePrefix { get; }
    public IServiceProvider Services => App.Services;
    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>
    /// Builds the app; <paramref name="start"/> false leaves Kestrel and the hosted services stopped (for commands).
    /// <paramref name="args"/> are command-line settings, there before the capabilities are added (as environment
    /// variables are in production), for the few decided while they are (e.g. APPLICATIONINSIGHTS_CONNECTION_STRING).
    /// </summary>
    public static async Task<TestApp> CreateAsync(
        AzuriteFixture azurite,
        IDictionary<string, string?>? settings = null,
        bool start = true,
        string? tablePrefix = null,
        Action<WebApplicationBuilder>? configure = null,
        string[]? args = null)
    {
        tablePrefix ??= AzuriteFixture.NewTableName("t")[..10];
        var config = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var app = TeamsBotApplication.Create(args ?? [], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            configure?.Invoke(builder);
        });
        var testApp = new TestApp(app, tablePrefix);
        if (start) await app.StartAsync();
        return testApp;
    }

    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The app did not report healthy in time.");
    }

    public async ValueTask DisposeAsync()
    {
        try { await App.StopAsync(); } catch (InvalidOperationException) { /* never started */ }
        await App.DisposeAsync();
    }
}
