using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port (the OS picks it when binding), with in-memory configuration only
/// and its log kept in <see cref="Logs"/> (unless told not to: a loaded server would keep a lot).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private LoopbackServer(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs)
    {
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public WebApplication App { get; }

    /// <summary>Base address without a trailing slash, e.g. http://127.0.0.1:54321.</summary>
    public Uri BaseAddress { get; }

    public string Url(string path) => BaseAddress.ToString().TrimEnd('/') + path;

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<LoopbackServer> StartAsync(
        Action<WebApplication> map,
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? services = null,
        X509Certificate2? httpsCertificate = null,
        bool captureLogs = true,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        if (captureLogs)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
        }
        if (httpsCertificate is not null)
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(httpsCertificate)));
        }
        services?.Invoke(builder.Services);

        var app = builder.Build();
        if (httpsCertificate is null) app.Urls.Add("http://127.0.0.1:0");
        map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackServer(app, new Uri(address), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
