using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Graph.Tests;

public class RegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, ListLogger? logger = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b =>
        {
            if (logger is not null)
            {
                b.AddProvider(logger);
            }
        });
        return services.AddTeamsBotGraph(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Without_credentials_the_null_directory_is_registered_and_says_so_once_at_start()
    {
        var logger = new ListLogger();
        await using var services = Build([], logger);

        var directory = services.GetRequiredService<IDirectory>();
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.IsType<NullDirectory>(directory);
        Assert.False(directory.IsConfigured);
        Assert.Single(logger.Messages, m => m.StartsWith("Microsoft Graph not configured: owners from plan data, roles from the Roles table", StringComparison.Ordinal));
        Assert.Equal(LookupStatus.NotConfigured, (await directory.FindUserAsync("anna@politiet.example")).Status);
        Assert.False(await directory.IsMemberOfGroupAsync("u", "g"));
        Assert.Equal(AppInstallResult.NotConfigured, await directory.EnsureAppInstalledForUserAsync("u", "a"));
        Assert.Equal(LookupStatus.NotConfigured, (await directory.ListUsersInGroupAsync("g")).Status);
        Assert.Equal(LookupStatus.NotConfigured, (await directory.FindPersonalChatAsync("u", "a")).Status);
    }

    [Fact]
    public async Task Graph_enabled_false_wins_over_credentials()
    {
        await using var services = Build(new()
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-000000000002",
            ["Graph:Enabled"] = "false",
        });

        Assert.IsType<NullDirectory>(services.GetRequiredService<IDirectory>());
    }

    [Fact]
    public async Task A_secret_without_a_tenant_is_not_enough_for_app_only_graph()
    {
        await using var services = Build(new()
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });

        Assert.IsType<NullDirectory>(services.GetRequiredService<IDirectory>());
    }

    [Theory]
    [InlineData("MultiTenant", "not-a-real-secret", "00000000-0000-0000-0000-000000000002")]
    [InlineData("SingleTenant", "not-a-real-secret", "00000000-0000-0000-0000-000000000002")]
    [InlineData("UserAssignedMSI", null, "00000000-0000-0000-0000-000000000002")]
    public async Task Client_secret_or_managed_identity_registers_the_graph_directory(string appType, string? secret, string tenant)
    {
        await using var services = Build(new()
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = secret,
            ["MicrosoftAppTenantId"] = tenant,
        });

        var directory = services.GetRequiredService<IDirectory>();

        Assert.IsType<GraphDirectory>(directory);
        Assert.True(directory.IsConfigured);
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public void A_base_url_that_is_not_absolute_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new()
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-000000000002",
            ["Graph:BaseUrl"] = "graph.local/v1.0",
        }));

        Assert.Contains("Graph:BaseUrl", error.Message);
    }
}

/// <summary>Collects formatted log lines.</summary>
internal sealed class ListLogger : ILoggerProvider, ILogger
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages { get { lock (_messages) { return _messages.ToList(); } } }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_messages)
        {
            _messages.Add(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
