using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Vectors;

namespace Bot.Tests.Knowledge.Search;

/// <summary>The in-process vector index's inverted index over dimensions against a brute-force scan.</summary>
public sealed class DimensionPostingsTests
{
    private const int Dimensions = 256;

    [Fact]
    public Task Postings_find_the_same_neighbours_and_similarities_as_a_brute_force_scan() => AssertLikeBruteForceAsync(points: 3000, queries: 40);

    [Fact]
    public Task Postings_walked_block_by_block_over_many_points_find_what_a_brute_force_scan_finds() =>
        AssertLikeBruteForceAsync(points: 135_000, queries: 4); // three blocks of 65 536 points

    private static async Task AssertLikeBruteForceAsync(int points, int queries)
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, points).Select(i => RandomVector(random, dense: i % 50 == 0)).ToList();
        var index = new InMemoryVectorIndex();
        await index.RecreateAsync(Dimensions);
        await index.UpsertAsync(vectors.Select((v, i) => new VectorPoint(
            PointIds.For($"D{i}", 0), v, $"D{i}", i % 3 == 0 ? SearchDocumentKind.Bundle : SearchDocumentKind.Item, $"t{i}")).ToList());

        for (var q = 0; q < queries; q++)
        {
            var query = RandomVector(random, dense: q % 10 == 0);
            foreach (var kind in new SearchDocumentKind?[] { null, SearchDocumentKind.Bundle })
            {
                var expected = vectors
                    .Select((v, i) => (Id: $"D{i}", Kind: i % 3 == 0 ? SearchDocumentKind.Bundle : SearchDocumentKind.Item, Similarity: Cosine(query, v)))
                    .Where(p => kind is null || p.Kind == kind)
                    .OrderByDescending(p => p.Similarity)
                    .Take(25)
                    .ToList();

                var found = await index.SearchAsync(query, 25, kind);

                Assert.Equal(expected.Select(e => e.Similarity), found.Select(f => f.Similarity), (a, b) => Math.Abs(a - b) < 1e-4);
                Assert.All(found, f => Assert.Equal(Cosine(query, vectors[int.Parse(f.DocumentId[1..], System.Globalization.CultureInfo.InvariantCulture)]), f.Similarity, 1e-4));
                Assert.All(found, f => Assert.True(kind is null || f.Kind == kind));
            }
        }
    }

    [Fact]
    public async Task Points_sharing_no_dimension_with_the_query_fill_the_rest_at_similarity_zero()
    {
        var index = new InMemoryVectorIndex();
        await index.RecreateAsync(Dimensions);
        await index.UpsertAsync([
            new VectorPoint(PointIds.For("A", 0), OneHot(1), "A", SearchDocumentKind.Item, "a"),
            new VectorPoint(PointIds.For("B", 0), OneHot(2), "B", SearchDocumentKind.Item, "b"),
            new VectorPoint(PointIds.For("C", 0), OneHot(3), "C", SearchDocumentKind.Item, "c"),
        ]);

        var found = await index.SearchAsync(OneHot(2), 3);

        Assert.Equal("B", found[0].DocumentId);
        Assert.Equal(1, found[0].Similarity, 4);
        Assert.Equal(["A", "C"], found.Skip(1).Select(f => f.DocumentId).Order());
        Assert.All(found.Skip(1), f => Assert.Equal(0, f.Similarity));
    }

    private static float[] OneHot(int dimension)
    {
        var vector = new float[Dimensions];
        vector[dimension] = 1;
        return vector;
    }

    /// <summary>Like the hashed embedding: a few signed non-zero dimensions; now and then a dense one.</summary>
    private static float[] RandomVector(Random random, bool dense)
    {
        var vector = new float[Dimensions];
        var set = dense ? Dimensions : random.Next(3, 30);
        for (var k = 0; k < set; k++)
        {
            vector[dense ? k : random.Next(Dimensions)] = (float)((random.NextDouble() * 2) - 1);
        }

        return vector;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
