using TeamsBot.Testing;

namespace TeamsBot.Tests.Storage;

public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task Starts_on_loopback_and_stops_on_dispose()
    {
        var azurite = new AzuriteFixture();
        await azurite.StartAsync();
        var port = azurite.Port;
        using (var http = new HttpClient())
        {
            // Unsigned requests are refused, which still proves the service answers.
            using var response = await http.GetAsync(new Uri(azurite.TableEndpoint, $"/{AzuriteFixture.AccountName}/Tables"));
            Assert.True((int)response.StatusCode is >= 400 and < 500);
        }
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1", azurite.ConnectionString);
        await azurite.DisposeAsync();

        using var probe = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public void Table_names_are_valid_and_unique()
    {
        var a = AzuriteFixture.NewTableName("measures");
        var b = AzuriteFixture.NewTableName("measures");
        Assert.NotEqual(a, b);
        Assert.InRange(a.Length, 3, 63);
        Assert.True(char.IsAsciiLetter(a[0]) && a.All(char.IsAsciiLetterOrDigit));
        Assert.Throws<ArgumentException>(() => AzuriteFixture.NewTableName("1x"));
    }
}
