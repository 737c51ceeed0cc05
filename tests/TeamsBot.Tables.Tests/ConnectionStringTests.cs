namespace TeamsBot.Tables.Tests;

public sealed class ConnectionStringTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void UseDevelopmentStorage_points_at_local_azurite()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), service.Uri);
    }

    [Fact]
    public void Explicit_table_endpoint_wins()
    {
        var service = new TableServiceClient($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:12345/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:12345/devstoreaccount1"), service.Uri);
    }

    [Fact]
    public void Account_and_default_suffix_make_the_public_endpoint()
    {
        var service = new TableServiceClient($"DefaultEndpointsProtocol=https;AccountName=teamsbotprod;AccountKey={Key};EndpointSuffix=core.windows.net");
        Assert.Equal(new Uri("https://teamsbotprod.table.core.windows.net"), service.Uri);
    }

    [Fact]
    public void Account_without_suffix_or_protocol_defaults_to_https_core_windows_net()
    {
        var service = new TableServiceClient($"AccountName=acct;AccountKey={Key}");
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), service.Uri);
    }

    [Fact]
    public void Other_cloud_suffix_is_used()
    {
        var service = new TableServiceClient($"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal(new Uri("https://acct.table.core.chinacloudapi.cn"), service.Uri);
    }

    [Fact]
    public void Table_client_from_connection_string_knows_its_table_uri()
    {
        var table = new TableClient("UseDevelopmentStorage=true", "Measures");
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1/Measures"), table.Uri);
        Assert.Equal("Measures", table.Name);
    }

    [Theory]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=acct", "AccountKey")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";garbage", "Name=Value")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct;AccountKey=!!notbase64!!", "AccountKey")]
    [InlineData("AccountName=acct;SharedAccessSignature=sv=2020&sig=abc", "SharedAccessSignature")]
    public void Malformed_connection_strings_name_what_is_wrong_without_echoing_the_key(string connectionString, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => new TableServiceClient(connectionString));
        Assert.Contains(named, e.Message);
        Assert.DoesNotContain(Key, e.Message);
        Assert.DoesNotContain("!!notbase64!!", e.Message);
        Assert.DoesNotContain("sig=abc", e.Message);
    }

    [Fact]
    public void Empty_connection_string_is_an_argument_error()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TableServiceClient(""));
    }

    [Fact]
    public void Credential_never_prints_its_key()
    {
        var credential = new TableSharedKeyCredential("acct", Key);
        Assert.DoesNotContain(Key, credential.ToString());
        Assert.Throws<ArgumentException>(() => credential.SetAccountKey("not base64 !"));
    }
}
