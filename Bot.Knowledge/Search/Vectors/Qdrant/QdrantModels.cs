using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Search.Vectors.Qdrant;

// The shapes below follow Qdrant's published REST schema (openapi.json v1.19.x): CreateCollection,
// CreateFieldIndex, PointsList/PointStruct, QueryRequest, PointIdsList, and the response envelope with
// QueryResponse/ScoredPoint. Only the properties this adapter uses are modelled.

internal static class QdrantPayload
{
    public const string Document = "doc";
    public const string Kind = "kind";
    public const string Text = "text";

    public static string KindName(SearchDocumentKind kind) => kind == SearchDocumentKind.Bundle ? "bundle" : "item";
}

internal sealed record QdrantVectorParams(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("distance")] string Distance);

internal sealed record QdrantCreateCollection([property: JsonPropertyName("vectors")] QdrantVectorParams Vectors);

internal sealed record QdrantCreateFieldIndex(
    [property: JsonPropertyName("field_name")] string FieldName,
    [property: JsonPropertyName("field_schema")] string FieldSchema);

internal sealed record QdrantPoint(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("vector")] float[] Vector,
    [property: JsonPropertyName("payload")] Dictionary<string, string> Payload);

internal sealed record QdrantPointsList([property: JsonPropertyName("points")] IReadOnlyList<QdrantPoint> Points);

internal sealed record QdrantMatchValue([property: JsonPropertyName("value")] string Value);

internal sealed record QdrantFieldCondition(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("match")] QdrantMatchValue Match);

internal sealed record QdrantFilter([property: JsonPropertyName("must")] IReadOnlyList<QdrantFieldCondition> Must);

internal sealed record QdrantQueryRequest(
    [property: JsonPropertyName("query")] float[] Query,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("with_payload")] bool WithPayload,
    [property: JsonPropertyName("filter"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QdrantFilter? Filter);

internal sealed record QdrantPointIdsList([property: JsonPropertyName("points")] IReadOnlyList<string> Points);

internal sealed record QdrantScoredPoint(
    [property: JsonPropertyName("id")] JsonElement Id,
    [property: JsonPropertyName("version")] ulong Version,
    [property: JsonPropertyName("score")] float Score,
    [property: JsonPropertyName("payload")] Dictionary<string, JsonElement>? Payload);

internal sealed record QdrantQueryResult([property: JsonPropertyName("points")] IReadOnlyList<QdrantScoredPoint> Points);

internal sealed record QdrantQueryEnvelope(
    [property: JsonPropertyName("result")] QdrantQueryResult? Result,
    [property: JsonPropertyName("status")] JsonElement Status,
    [property: JsonPropertyName("time")] double Time);

[JsonSerializable(typeof(QdrantCreateCollection))]
[JsonSerializable(typeof(QdrantCreateFieldIndex))]
[JsonSerializable(typeof(QdrantPointsList))]
[JsonSerializable(typeof(QdrantQueryRequest))]
[JsonSerializable(typeof(QdrantPointIdsList))]
[JsonSerializable(typeof(QdrantQueryEnvelope))]
internal sealed partial class QdrantJson : JsonSerializerContext;
