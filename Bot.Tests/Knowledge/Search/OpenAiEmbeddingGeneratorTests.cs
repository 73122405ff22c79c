using System.Net;
using System.Text.Json;
using Bot.Knowledge.Search.Embeddings;
using Microsoft.Extensions.AI;

namespace Bot.Tests.Knowledge.Search;

public sealed class OpenAiEmbeddingGeneratorTests
{
    [Fact]
    public async Task Embeddings_request_follows_the_openai_shape_and_results_come_back_in_input_order()
    {
        var handler = new RecordingHandler((_, body) =>
        {
            var inputs = JsonDocument.Parse(body).RootElement.GetProperty("input").GetArrayLength();
            // Answered out of order on purpose: the index field decides.
            var data = Enumerable.Range(0, inputs).Reverse()
                .Select(i => "{\"object\":\"embedding\",\"index\":" + i + ",\"embedding\":[" + i + ".0,1.0]}");
            return (HttpStatusCode.OK, "{\"object\":\"list\",\"model\":\"bge-m3\",\"data\":[" + string.Join(',', data) + "],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}");
        });
        using IEmbeddingGenerator<string, Embedding<float>> generator = new OpenAiEmbeddingGenerator(
            new HttpClient(handler), new Uri("http://127.0.0.1:8080/v1"), "bge-m3", apiKey: "sk-test", batchSize: 2);

        var embeddings = await generator.GenerateAsync(["身份证丢了", "护照", "结婚登记"]);

        Assert.Equal(2, handler.Requests.Count);
        var first = handler.Requests[0];
        Assert.Equal(HttpMethod.Post, first.Method);
        Assert.Equal("http://127.0.0.1:8080/v1/embeddings", first.Uri.ToString());
        Assert.Equal("Bearer", first.Request.Headers.Authorization?.Scheme);
        Assert.Equal("sk-test", first.Request.Headers.Authorization?.Parameter);
        var json = JsonDocument.Parse(first.Body).RootElement;
        Assert.Equal("bge-m3", json.GetProperty("model").GetString());
        Assert.Equal(["身份证丢了", "护照"], json.GetProperty("input").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("float", json.GetProperty("encoding_format").GetString());
        Assert.Equal([0f, 1f, 0f], embeddings.Select(e => e.Vector.Span[0]));
        Assert.Equal("bge-m3", embeddings[0].ModelId);
    }

    [Fact]
    public async Task A_failing_endpoint_reports_its_status()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.Unauthorized, """{"error":{"message":"bad key"}}"""));
        var generator = new OpenAiEmbeddingGenerator(new HttpClient(handler), new Uri("http://127.0.0.1:8080/v1/"), "bge-m3");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => generator.GenerateAsync(["x"]));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("bad key", error.Message, StringComparison.Ordinal);
    }
}
