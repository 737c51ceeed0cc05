using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Diagnostics;
using TeamsBot.Testing;
using Activity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.BotFramework.Tests;

/// <summary>The protocol layer's metrics and span attributes: counts an operator can act on, and only protocol words.</summary>
public sealed class DiagnosticsTests : IAsyncLifetime
{
    private LoopbackConnector _connector = null!;
    private ServiceProvider _services = null!;
    private MeterListener _listener = null!;
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _services = ConnectorTests.BuildServices(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.MaxDelay = TimeSpan.FromMilliseconds(50);
            o.MaxAttempts = 4;
        });
        // Meters are process-wide: listening only to this container's factory keeps other tests' counts out.
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Connector_retries_are_counted_by_operation_and_cause_and_429s_as_throttled()
    {
        _connector.EnqueueStatus(429, "TooManyRequests", retryAfter: "0");
        _connector.EnqueueStatus(503);

        await _services.GetRequiredService<IConnectorClient>()
            .SendToConversationAsync(_connector.ServiceUrl, "a:personal-1", Activity.CreateMessageActivity("x"));

        Assert.Equal(3, _connector.Requests.Count);
        var retries = _measurements.Where(m => m.Instrument == "teamsbot.connector.retries").ToList();
        Assert.Equal(["429", "503"], retries.Select(r => (string?)r.Tags["error.type"]));
        Assert.All(retries, r => Assert.Equal("SendToConversation", r.Tags["teamsbot.connector.operation"]));
        var throttled = Assert.Single(_measurements, m => m.Instrument == "teamsbot.connector.throttled");
        Assert.Equal(1, throttled.Value);
        Assert.Equal("SendToConversation", throttled.Tags["teamsbot.connector.operation"]);
    }

    [Theory]
    [InlineData("adaptiveCard/action", "adaptiveCard/action")]
    [InlineData("msteams", "msteams")]
    [InlineData("groupChat", "groupChat")]
    [InlineData("hva er forsinket?", "other")]
    [InlineData("kari@politiet.no", "other")]
    [InlineData(null, null)]
    public void Span_attributes_from_the_wire_keep_only_protocol_words(string? value, string? recorded) =>
        Assert.Equal(recorded, BotSpanTags.ProtocolWord(value));
}
