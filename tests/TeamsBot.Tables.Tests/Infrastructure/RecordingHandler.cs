using System.Net;

namespace TeamsBot.Tables.Tests.Infrastructure;

/// <summary>An in-process HTTP handler that records requests and answers from a script; no network.</summary>
public sealed class RecordingHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        var answer = answers[Math.Min(_requests.Count, answers.Length) - 1];
        return Task.FromResult(answer(request));
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string? json = null)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null) response.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return response;
    }
}
