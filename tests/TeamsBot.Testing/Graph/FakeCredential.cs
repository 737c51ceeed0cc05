using Azure.Core;

namespace TeamsBot.Testing;

/// <summary>Entra cannot run here; this hands out a fixed token and remembers the scopes asked for.</summary>
public sealed class FakeCredential : TokenCredential
{
    private readonly List<string> _scopes = [];

    public IReadOnlyList<string> Scopes { get { lock (_scopes) { return _scopes.ToList(); } } }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_scopes)
        {
            _scopes.AddRange(requestContext.Scopes);
        }
        return new AccessToken(FakeGraphServer.Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
