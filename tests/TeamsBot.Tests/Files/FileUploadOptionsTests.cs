using Microsoft.Extensions.Options;
using TeamsBot.Files;

namespace TeamsBot.Tests.Files;

/// <summary>Where an accepted file may be PUT: the upload URL comes from the client, so only https on an allowed host.</summary>
public sealed class FileUploadOptionsTests
{
    [Theory]
    [InlineData("https://contoso-my.sharepoint.com/personal/kari/_api/v2.0/drive/uploadSession?guid=1", true)]
    [InlineData("https://CONTOSO.SharePoint.com./up/1", true)]
    [InlineData("http://contoso-my.sharepoint.com/up/1", false)]
    [InlineData("https://sharepoint.com/up/1", false)]
    [InlineData("https://contoso.sharepoint.com.evil.example/up/1", false)]
    [InlineData("https://evilsharepoint.com/up/1", false)]
    [InlineData("https://user:pw@contoso.sharepoint.com/up/1", false)]
    [InlineData("http://127.0.0.1:5000/up/1", false)]
    [InlineData("ftp://contoso.sharepoint.com/up/1", false)]
    public void By_default_only_https_hosts_under_sharepoint_com_are_allowed(string url, bool allowed) =>
        Assert.Equal(allowed, new FileUploadOptions().Allows(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.1:5000/up/1", true)]
    [InlineData("http://localhost:5000/up/1", true)]
    [InlineData("http://10.0.0.5/up/1", false)]
    [InlineData("https://files.example.org/up/1", true)]
    [InlineData("https://sub.files.example.org/up/1", false)]
    [InlineData("https://eu.up.example.net/up/1", true)]
    [InlineData("https://up.example.net/up/1", false)]
    public void Loopback_http_and_more_hosts_are_allowed_only_when_configured(string url, bool allowed) =>
        Assert.Equal(allowed, new FileUploadOptions { AllowLoopbackHttp = true, AllowedHostSuffixes = ["files.example.org", ".up.example.net"] }.Allows(new Uri(url)));

    [Fact]
    public void Configured_host_suffixes_are_added_to_sharepoint_com_not_put_in_its_place()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FileUpload:AllowedHostSuffixes:0"] = ".files.example.org",
        }).Build();
        var options = new ServiceCollection().AddFiles(configuration).BuildServiceProvider().GetRequiredService<IOptions<FileUploadOptions>>().Value;

        Assert.True(options.Allows(new Uri("https://eu.files.example.org/up/1")));
        Assert.True(options.Allows(new Uri("https://contoso-my.sharepoint.com/up/1")));
    }
}
