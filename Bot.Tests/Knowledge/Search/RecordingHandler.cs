using System.Net;
using System.Text;

namespace Bot.Tests.Knowledge.Search;

/// <summary>An HttpMessageHandler that records every request (with its body) and answers from a function.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, string, (HttpStatusCode Status, string Json)> respond) : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, string Body, HttpRequestMessage Request)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, body, request));
        var (status, json) = respond(request, body);
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
