using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Vectors;

namespace Bot.Tests.Knowledge.Search;

public sealed class InMemoryVectorIndexTests
{
    [Fact]
    public async Task Nearest_points_come_best_first_and_the_kind_filter_applies()
    {
        var index = new InMemoryVectorIndex();
        await index.RecreateAsync(2);
        await index.UpsertAsync([
            new VectorPoint(PointIds.For("A", 0), new float[] { 1, 0 }, "A", SearchDocumentKind.Item, "a"),
            new VectorPoint(PointIds.For("B", 0), new float[] { 3, 3 }, "B", SearchDocumentKind.Bundle, "b"),
            new VectorPoint(PointIds.For("C", 0), new float[] { 0, 1 }, "C", SearchDocumentKind.Item, "c"),
        ]);

        var all = await index.SearchAsync(new float[] { 3, 1 }, 2);
        var items = await index.SearchAsync(new float[] { 1, 1 }, 5, SearchDocumentKind.Item);

        Assert.Equal(["A", "B"], all.Select(m => m.DocumentId));
        Assert.Equal(3 / Math.Sqrt(10), all[0].Similarity, 4);
        Assert.Equal(["A", "C"], items.Select(m => m.DocumentId).Order());
    }

    [Fact]
    public async Task Upserting_an_existing_id_replaces_it_and_delete_removes_it()
    {
        var index = new InMemoryVectorIndex();
        await index.RecreateAsync(2);
        var id = PointIds.For("A", 0);
        await index.UpsertAsync([new VectorPoint(id, new float[] { 1, 0 }, "A", SearchDocumentKind.Item, "old")]);
        await index.UpsertAsync([new VectorPoint(id, new float[] { 0, 1 }, "A", SearchDocumentKind.Item, "new")]);

        var found = Assert.Single(await index.SearchAsync(new float[] { 0, 1 }, 5));
        Assert.Equal("new", found.Text);

        await index.DeleteAsync([id]);
        Assert.Empty(await index.SearchAsync(new float[] { 0, 1 }, 5));
    }

    [Fact]
    public void Point_ids_are_stable_uuids() =>
        Assert.Equal(PointIds.For("GA-02", 3), PointIds.For("GA-02", 3));
}
