using System.Net;
using System.Text.Json;
using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Vectors;
using Bot.Knowledge.Search.Vectors.Qdrant;
using Xunit.Abstractions;

namespace Bot.Tests.Knowledge.Search.Qdrant;

public sealed class QdrantVectorIndexTests(ITestOutputHelper output)
{
    private static readonly SchemaFragments Schema = SchemaFragments.Load();
    private static readonly Uri Server = new("http://qdrant.test:6333/");

    private const string QueryResponseJson = """
        {"result":{"points":[
          {"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","version":3,"score":0.91,"payload":{"doc":"GA-02","kind":"item","text":"身份证丢了"}},
          {"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3302","version":3,"score":0.55,"payload":{"doc":"B-02","kind":"bundle","text":"新生儿出生一件事"}}]},
         "status":"ok","time":0.0021}
        """;

    [Fact]
    public async Task Recreating_the_collection_sends_schema_valid_create_and_payload_index_requests()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.OK, """{"result":true,"status":"ok","time":0.01}"""));
        var index = new QdrantVectorIndex(new HttpClient(handler), Server, "knowledge", apiKey: "secret");

        await index.RecreateAsync(384);

        Assert.Equal([HttpMethod.Delete, HttpMethod.Put, HttpMethod.Put], handler.Requests.Select(r => r.Method));
        Assert.Equal("http://qdrant.test:6333/collections/knowledge", handler.Requests[1].Uri.ToString());
        Assert.Empty(Schema.Validate(handler.Requests[1].Body, "CreateCollection"));
        var vectors = JsonDocument.Parse(handler.Requests[1].Body).RootElement.GetProperty("vectors").GetRawText();
        Assert.Empty(Schema.Validate(vectors, "VectorParams"));
        Assert.Equal("/collections/knowledge/index", handler.Requests[2].Uri.AbsolutePath);
        Assert.Empty(Schema.Validate(handler.Requests[2].Body, "CreateFieldIndex"));
        Assert.All(handler.Requests, r => Assert.Equal("secret", r.Request.Headers.GetValues("api-key").Single()));
    }

    [Fact]
    public async Task A_missing_collection_is_not_an_error_when_recreating()
    {
        var handler = new RecordingHandler((request, _) => request.Method == HttpMethod.Delete
            ? (HttpStatusCode.NotFound, """{"status":{"error":"Not found: Collection `knowledge` doesn't exist!"},"time":0.0}""")
            : (HttpStatusCode.OK, """{"result":true,"status":"ok","time":0.01}"""));

        await new QdrantVectorIndex(new HttpClient(handler), Server, "knowledge").RecreateAsync(8);

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Upserted_points_are_schema_valid_with_uuid_ids_and_the_kind_in_the_payload()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.OK, """{"result":{"operation_id":1,"status":"completed"},"status":"ok","time":0.01}"""));
        var index = new QdrantVectorIndex(new HttpClient(handler), Server, "knowledge");

        await index.UpsertAsync([
            new VectorPoint(PointIds.For("GA-02", 0), new float[] { 0.6f, 0.8f }, "GA-02", SearchDocumentKind.Item, "身份证丢了"),
            new VectorPoint(PointIds.For("B-02", 0), new float[] { 1f, 0f }, "B-02", SearchDocumentKind.Bundle, "新生儿出生一件事"),
        ]);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/collections/knowledge/points", request.Uri.AbsolutePath);
        Assert.Equal("?wait=true", request.Uri.Query);
        Assert.Empty(Schema.Validate(request.Body, "PointsList"));
        var points = JsonDocument.Parse(request.Body).RootElement.GetProperty("points");
        Assert.Equal(["item", "bundle"], points.EnumerateArray().Select(p => p.GetProperty("payload").GetProperty("kind").GetString()));
        Assert.All(points.EnumerateArray(), p => Assert.Equal(JsonValueKind.Number, p.GetProperty("vector")[0].ValueKind));
    }

    [Fact]
    public async Task Search_with_a_kind_filter_sends_a_schema_valid_query_and_parses_the_scored_points()
    {
        Assert.Empty(Schema.Validate(JsonDocument.Parse(QueryResponseJson).RootElement.GetProperty("result").GetRawText(), "QueryResponse"));
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.OK, QueryResponseJson));
        var index = new QdrantVectorIndex(new HttpClient(handler), Server, "knowledge");

        var matches = await index.SearchAsync(new float[] { 0.6f, 0.8f }, 5, SearchDocumentKind.Item);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/collections/knowledge/points/query", request.Uri.AbsolutePath);
        Assert.Empty(Schema.Validate(request.Body, "QueryRequest"));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Empty(Schema.Validate(body.GetProperty("filter").GetRawText(), "Filter"));
        Assert.Empty(Schema.Validate(body.GetProperty("filter").GetProperty("must")[0].GetRawText(), "FieldCondition"));
        Assert.Equal("item", body.GetProperty("filter").GetProperty("must")[0].GetProperty("match").GetProperty("value").GetString());
        Assert.Equal(5, body.GetProperty("limit").GetInt32());
        Assert.Equal(2, body.GetProperty("query").GetArrayLength());

        Assert.Equal(["GA-02", "B-02"], matches.Select(m => m.DocumentId));
        Assert.Equal(SearchDocumentKind.Bundle, matches[1].Kind);
        Assert.Equal(0.91, matches[0].Similarity, 3);
        Assert.Equal("身份证丢了", matches[0].Text);
    }

    [Fact]
    public async Task Search_without_a_filter_leaves_the_filter_out()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.OK, QueryResponseJson));

        await new QdrantVectorIndex(new HttpClient(handler), Server, "knowledge").SearchAsync(new float[] { 1f, 0f }, 3);

        Assert.False(JsonDocument.Parse(handler.Requests[0].Body).RootElement.TryGetProperty("filter", out _));
        Assert.Empty(Schema.Validate(handler.Requests[0].Body, "QueryRequest"));
    }

    [Fact]
    public async Task Deleting_points_sends_a_schema_valid_id_list()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.OK, """{"result":{"operation_id":2,"status":"completed"},"status":"ok","time":0.01}"""));

        await new QdrantVectorIndex(new HttpClient(handler), Server, "knowledge").DeleteAsync([PointIds.For("GA-02", 0)]);

        Assert.Equal("/collections/knowledge/points/delete", handler.Requests[0].Uri.AbsolutePath);
        Assert.Empty(Schema.Validate(handler.Requests[0].Body, "PointIdsList"));
    }

    [Fact]
    public async Task A_failing_qdrant_reports_the_operation_and_status()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.BadRequest, """{"status":{"error":"Wrong input: Vector dimension error"},"time":0.0}"""));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            new QdrantVectorIndex(new HttpClient(handler), Server, "knowledge").SearchAsync(new float[] { 1f }, 3));

        Assert.Contains("query points", error.Message, StringComparison.Ordinal);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_check_catches_what_qdrant_would_refuse()
    {
        Assert.NotEmpty(Schema.Validate("""{"points":[{"vector":[1.0]}]}""", "PointsList"));
        Assert.NotEmpty(Schema.Validate("""{"points":[{"id":"not-a-uuid","vector":[1.0]}]}""", "PointsList"));
        Assert.NotEmpty(Schema.Validate("""{"vectors":{"size":4,"distance":"Cosine"},"colour":"red"}""", "CreateCollection"));
        Assert.NotEmpty(Schema.Validate("""{"size":4,"distance":"Angular"}""", "VectorParams"));
    }

    [Fact]
    public async Task The_adapter_round_trips_against_a_live_qdrant_when_QDRANT_URL_is_set()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            output.WriteLine("SKIPPED: set QDRANT_URL (e.g. http://127.0.0.1:6333) to run against a live Qdrant.");
            return;
        }

        using var http = new HttpClient();
        var index = new QdrantVectorIndex(http, new Uri(url), "govdoorplate-test-" + Guid.NewGuid().ToString("N")[..8]);
        await index.RecreateAsync(3);
        await index.UpsertAsync([
            new VectorPoint(PointIds.For("GA-02", 0), new float[] { 1f, 0f, 0f }, "GA-02", SearchDocumentKind.Item, "身份证丢了"),
            new VectorPoint(PointIds.For("B-02", 0), new float[] { 0.9f, 0.1f, 0f }, "B-02", SearchDocumentKind.Bundle, "新生儿"),
        ]);

        var all = await index.SearchAsync(new float[] { 1f, 0f, 0f }, 5);
        var bundles = await index.SearchAsync(new float[] { 1f, 0f, 0f }, 5, SearchDocumentKind.Bundle);
        await index.DeleteAsync([PointIds.For("GA-02", 0)]);
        var afterDelete = await index.SearchAsync(new float[] { 1f, 0f, 0f }, 5);

        Assert.Equal("GA-02", all[0].DocumentId);
        Assert.Equal(["B-02"], bundles.Select(m => m.DocumentId));
        Assert.DoesNotContain(afterDelete, m => m.DocumentId == "GA-02");
    }
}
