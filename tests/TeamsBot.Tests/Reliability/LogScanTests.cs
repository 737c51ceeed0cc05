using Microsoft.Extensions.Logging;
using TeamsBot.Testing;
using Xunit.Sdk;

namespace TeamsBot.Tests.Reliability;

/// <summary>The log scan the fuzz and fault suites rely on finds what it is meant to find.</summary>
public sealed class LogScanTests
{
    private static LogEntry Line(LogLevel level, string message, Exception? exception = null) => new(level, "Test", message, exception);

    [Theory]
    [InlineData("Sending with Authorization: Bearer eyJhbGciOi.payload.sig")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02x")]
    [InlineData("Authorization: SharedKey devstoreaccount1:abc=")]
    [InlineData("the password is s3cret-canary")]
    public void A_secret_at_any_level_fails_the_scan(string message) =>
        Assert.Throws<FalseException>(() => LogScan.AssertClean([Line(LogLevel.Trace, message)], ["s3cret-canary", .. LogScan.StorageSecrets], []));

    [Fact]
    public void A_secret_in_an_exception_fails_the_scan() =>
        Assert.Throws<FalseException>(() =>
            LogScan.AssertClean([Line(LogLevel.Error, "failed", new InvalidOperationException("token s3cret-canary"))], ["s3cret-canary"], []));

    [Fact]
    public void User_text_fails_the_scan_at_Information_but_not_at_Debug()
    {
        Assert.Throws<FalseException>(() => LogScan.AssertClean([Line(LogLevel.Information, "asked: kanari7q")], [], ["kanari"]));
        LogScan.AssertClean([Line(LogLevel.Debug, "asked: kanari7q")], [], ["kanari"]);
    }
}
