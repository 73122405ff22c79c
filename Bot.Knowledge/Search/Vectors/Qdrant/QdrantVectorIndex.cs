using System.Net;
using System.Net.Http.Json;

namespace Bot.Knowledge.Search.Vectors.Qdrant;

/// <summary>
/// The vector index in Qdrant, over its REST API (the gRPC client is not available here). One collection of
/// cosine vectors; each point's payload holds the document id, its kind (filterable, keyword-indexed) and
/// the example text. The HttpClient comes from the caller; requests use absolute addresses under <paramref name="baseAddress"/>.
/// </summary>
public sealed class QdrantVectorIndex(HttpClient http, Uri baseAddress, string collection, string? apiKey = null) : IVectorIndex
{
    private readonly Uri _collection = new(
        new Uri(baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress.AbsoluteUri : baseAddress.AbsoluteUri + "/"),
        "collections/" + Uri.EscapeDataString(collection));

    /// <inheritdoc />
    public async Task RecreateAsync(int dimensions, CancellationToken cancellationToken = default)
    {
        using (var delete = await SendAsync(HttpMethod.Delete, "", null, cancellationToken).ConfigureAwait(false))
        {
            if (delete.StatusCode != HttpStatusCode.NotFound)
            {
                await EnsureOkAsync(delete, "delete collection", cancellationToken).ConfigureAwait(false);
            }
        }

        var create = new QdrantCreateCollection(new QdrantVectorParams(dimensions, "Cosine"));
        using (var response = await SendAsync(HttpMethod.Put, "", JsonContent.Create(create, QdrantJson.Default.QdrantCreateCollection), cancellationToken).ConfigureAwait(false))
        {
            await EnsureOkAsync(response, "create collection", cancellationToken).ConfigureAwait(false);
        }

        var index = new QdrantCreateFieldIndex(QdrantPayload.Kind, "keyword");
        using (var response = await SendAsync(HttpMethod.Put, "/index?wait=true", JsonContent.Create(index, QdrantJson.Default.QdrantCreateFieldIndex), cancellationToken).ConfigureAwait(false))
        {
            await EnsureOkAsync(response, "create payload index", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken = default)
    {
        foreach (var batch in points.Chunk(256))
        {
            var body = new QdrantPointsList(batch.Select(p => new QdrantPoint(
                p.Id.ToString(),
                p.Vector.ToArray(),
                new Dictionary<string, string>
                {
                    [QdrantPayload.Document] = p.DocumentId,
                    [QdrantPayload.Kind] = QdrantPayload.KindName(p.Kind),
                    [QdrantPayload.Text] = p.Text,
                })).ToList());
            using var response = await SendAsync(HttpMethod.Put, "/points?wait=true", JsonContent.Create(body, QdrantJson.Default.QdrantPointsList), cancellationToken).ConfigureAwait(false);
            await EnsureOkAsync(response, "upsert points", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VectorMatch>> SearchAsync(
        ReadOnlyMemory<float> vector, int top, SearchDocumentKind? kind = null, CancellationToken cancellationToken = default)
    {
        var filter = kind is null
            ? null
            : new QdrantFilter([new QdrantFieldCondition(QdrantPayload.Kind, new QdrantMatchValue(QdrantPayload.KindName(kind.Value)))]);
        var body = new QdrantQueryRequest(vector.ToArray(), top, WithPayload: true, filter);
        using var response = await SendAsync(HttpMethod.Post, "/points/query", JsonContent.Create(body, QdrantJson.Default.QdrantQueryRequest), cancellationToken).ConfigureAwait(false);
        await EnsureOkAsync(response, "query points", cancellationToken).ConfigureAwait(false);
        var parsed = await response.Content.ReadFromJsonAsync(QdrantJson.Default.QdrantQueryEnvelope, cancellationToken).ConfigureAwait(false);
        return parsed?.Result?.Points.Select(ToMatch).ToList() ?? [];
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        var body = new QdrantPointIdsList(ids.Select(id => id.ToString()).ToList());
        using var response = await SendAsync(HttpMethod.Post, "/points/delete?wait=true", JsonContent.Create(body, QdrantJson.Default.QdrantPointIdsList), cancellationToken).ConfigureAwait(false);
        await EnsureOkAsync(response, "delete points", cancellationToken).ConfigureAwait(false);
    }

    internal static VectorMatch ToMatch(QdrantScoredPoint point)
    {
        var payload = point.Payload ?? [];
        var document = payload.TryGetValue(QdrantPayload.Document, out var d) ? d.ToString() : "";
        var kind = payload.TryGetValue(QdrantPayload.Kind, out var k) && k.ToString() == "bundle" ? SearchDocumentKind.Bundle : SearchDocumentKind.Item;
        var text = payload.TryGetValue(QdrantPayload.Text, out var t) ? t.ToString() : "";
        return new VectorMatch(Guid.TryParse(point.Id.ToString(), out var id) ? id : Guid.Empty, document, kind, text, point.Score);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(_collection.AbsoluteUri + path)) { Content = content };
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("api-key", apiKey);
        }

        return http.SendAsync(request, cancellationToken);
    }

    private async Task EnsureOkAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException(
                $"Qdrant {operation} on {_collection} failed with {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}",
                null, response.StatusCode);
        }
    }
}
