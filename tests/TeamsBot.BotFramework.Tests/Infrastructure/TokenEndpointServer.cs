using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

/// <summary>
/// A loopback Entra token endpoint over HTTPS (MSAL refuses plain http authorities) with a throw-away self-signed
/// certificate; records each token request's path and form.
/// </summary>
public sealed class TokenEndpointServer : IAsyncDisposable
{
    public const string AccessToken = "eyJ.test-access-token.sig";
    private readonly ConcurrentQueue<(string Path, Dictionary<string, string> Form)> _tokenRequests = new();
    private LoopbackServer? _server;

    public X509Certificate2 Certificate { get; } = CreateCertificate();
    public Uri AuthorityHost => _server!.BaseAddress;
    public IReadOnlyList<(string Path, Dictionary<string, string> Form)> TokenRequests => _tokenRequests.ToArray();

    public static async Task<TokenEndpointServer> StartAsync()
    {
        var server = new TokenEndpointServer();
        server._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http) =>
            {
                var form = await http.Request.ReadFormAsync();
                server._tokenRequests.Enqueue((http.Request.Path, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken });
            });
        }, httpsCertificate: server.Certificate);
        return server;
    }

    /// <summary>Options for the bot's credential: trust exactly this server's certificate, no instance discovery.</summary>
    public void Configure(Azure.Identity.TokenCredentialOptions options)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == Certificate.Thumbprint,
        };
        options.Transport = new Azure.Core.Pipeline.HttpClientTransport(handler);
        if (options is Azure.Identity.ClientSecretCredentialOptions secret) secret.DisableInstanceDiscovery = true;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Certificate.Dispose();
    }
}
