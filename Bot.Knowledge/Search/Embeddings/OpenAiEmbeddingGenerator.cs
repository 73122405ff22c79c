using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Search.Embeddings;

/// <summary>
/// Embeddings from any OpenAI-compatible <c>POST {endpoint}/embeddings</c> (OpenAI, a bge-m3 server,
/// vLLM, Ollama's OpenAI layer…). The HttpClient comes from the caller (IHttpClientFactory in the host);
/// its BaseAddress is ignored in favour of <paramref name="endpoint"/>.
/// </summary>
public sealed class OpenAiEmbeddingGenerator(HttpClient http, Uri endpoint, string model, string? apiKey = null, int batchSize = 64)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Uri _embeddings = new(endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"), "embeddings");
    private readonly EmbeddingGeneratorMetadata _metadata = new("openai-compatible", endpoint, model);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(Math.Max(1, batchSize)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _embeddings)
            {
                Content = JsonContent.Create(new EmbeddingsRequest(options?.ModelId ?? model, batch, options?.Dimensions), EmbeddingsJson.Default.EmbeddingsRequest),
            };
            if (!string.IsNullOrEmpty(apiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new HttpRequestException(
                    $"Embeddings endpoint {_embeddings} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}",
                    null, response.StatusCode);
            }

            var parsed = await response.Content.ReadFromJsonAsync(EmbeddingsJson.Default.EmbeddingsResponse, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Embeddings endpoint {_embeddings} returned no body.");
            if (parsed.Data.Count != batch.Length)
            {
                throw new InvalidDataException($"Embeddings endpoint {_embeddings} returned {parsed.Data.Count} vectors for {batch.Length} inputs.");
            }

            foreach (var item in parsed.Data.OrderBy(d => d.Index))
            {
                result.Add(new Embedding<float>(item.Embedding) { ModelId = parsed.Model ?? model });
            }
        }

        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

internal sealed record EmbeddingsRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
    [property: JsonPropertyName("dimensions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Dimensions)
{
    [JsonPropertyName("encoding_format")]
    public string EncodingFormat => "float";
}

internal sealed record EmbeddingsResponse(
    [property: JsonPropertyName("data")] IReadOnlyList<EmbeddingsItem> Data,
    [property: JsonPropertyName("model")] string? Model);

internal sealed record EmbeddingsItem(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("embedding")] float[] Embedding);

[JsonSerializable(typeof(EmbeddingsRequest))]
[JsonSerializable(typeof(EmbeddingsResponse))]
internal sealed partial class EmbeddingsJson : JsonSerializerContext;
