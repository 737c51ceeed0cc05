using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using TeamsBot.Tables.Tests.Infrastructure;

namespace TeamsBot.Tables.Tests;

/// <summary>Headers, auth and retries, checked against an in-process handler (no network).</summary>
public sealed class PipelineTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static TableClientOptions Options(RecordingHandler handler)
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }

    [Fact]
    public async Task Token_credential_sends_a_bearer_token_for_the_storage_scope()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(HttpStatusCode.NoContent));
        var credential = new FakeTokenCredential();
        var service = new TableServiceClient(new Uri("https://acct.table.core.windows.net"), credential, Options(handler));

        await service.GetTableClient("Measures").DeleteEntityAsync("p", "r");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer token-1", request.Headers.Authorization!.ToString());
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("https://acct.table.core.windows.net/Measures(PartitionKey='p',RowKey='r')", request.RequestUri!.AbsoluteUri);
        Assert.Equal("2019-02-02", request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("3.0", request.Headers.GetValues("DataServiceVersion").Single());
        Assert.Contains("odata=minimalmetadata", request.Headers.Accept.ToString());
        Assert.Equal("*", request.Headers.IfMatch.ToString());
    }

    [Theory]
    [InlineData("https://acct.table.core.windows.net", "/acct/Tables")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1", "/devstoreaccount1/devstoreaccount1/Tables")]
    public async Task Shared_key_lite_signs_date_and_canonical_resource(string endpoint, string canonicalResource)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(HttpStatusCode.NoContent));
        var account = canonicalResource.Split('/')[1];
        var service = new TableServiceClient(new Uri(endpoint), new TableSharedKeyCredential(account, Key), Options(handler));

        await service.CreateTableIfNotExistsAsync("Measures");

        var request = Assert.Single(handler.Requests);
        var date = request.Headers.GetValues("x-ms-date").Single();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.UTF8.GetBytes(date + "\n" + canonicalResource)));
        Assert.Equal($"SharedKeyLite {account}:{expected}", request.Headers.Authorization!.ToString());
        Assert.Equal("return-no-content", request.Headers.GetValues("Prefer").Single());
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Transient_failures_are_retried(HttpStatusCode transient)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(transient), _ => RecordingHandler.Status(HttpStatusCode.NoContent));
        var table = new TableClient(new Uri("https://acct.table.core.windows.net"), "Measures", new TableSharedKeyCredential("acct", Key), Options(handler));

        var response = await table.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(204, response.Status);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKeyLite acct:", r.Headers.Authorization!.ToString()));
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_carry_the_service_error_code()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(HttpStatusCode.BadRequest,
            """{"odata.error":{"code":"InvalidInput","message":{"lang":"en-US","value":"One of the request inputs is not valid."}}}"""));
        var table = new TableClient(new Uri("https://acct.table.core.windows.net"), "Measures", new TableSharedKeyCredential("acct", Key), Options(handler));

        var e = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Secret"] = "do-not-log" }));

        Assert.Equal(400, e.Status);
        Assert.Equal("InvalidInput", e.ErrorCode);
        Assert.Single(handler.Requests);
        Assert.DoesNotContain("do-not-log", e.Message);
        Assert.DoesNotContain(Key, e.Message);
    }

    [Fact]
    public async Task Bearer_tokens_are_never_sent_over_plain_http()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Status(HttpStatusCode.NoContent));
        var table = new TableClient(new Uri("http://acct.table.core.windows.net"), "Measures", new FakeTokenCredential(), Options(handler));

        await Assert.ThrowsAsync<InvalidOperationException>(() => table.DeleteEntityAsync("p", "r"));
        Assert.Empty(handler.Requests);
    }

    private sealed class FakeTokenCredential : TokenCredential
    {
        private readonly List<string> _scopes = [];

        public IReadOnlyList<string> Scopes => _scopes;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            _scopes.AddRange(requestContext.Scopes);
            return new AccessToken($"token-{_scopes.Count}", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
