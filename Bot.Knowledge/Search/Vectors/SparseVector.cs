using System.Numerics.Tensors;

namespace Bot.Knowledge.Search.Vectors;

/// <summary>
/// An L2-normalised vector kept as its non-zero dimensions when at most half are set (the built-in hashed embedding
/// sets a few dozen of 1024 for a short text, a few hundred for a long summary), else dense (an external model's).
/// <see cref="Dimensions"/> is null for a dense vector.
/// </summary>
internal sealed record SparseVector(int[]? Dimensions, float[] Values)
{
    /// <summary>
    /// Vectors with at most this share of non-zero dimensions are stored sparse. Half, not less: at 100 000 items the
    /// long summaries (≈ 300 dimensions each) compared one by one as dense vectors cost more per query than walking
    /// their postings, and as float[1024] they held ≈ 400 MB.
    /// </summary>
    public const int SparseBelowOneIn = 2;

    public bool IsSparse => Dimensions is not null;

    public static SparseVector Normalised(ReadOnlySpan<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        var scale = norm > 0 ? 1 / norm : 0;
        var nonZero = vector.Length - vector.Count(0f);
        if (nonZero * SparseBelowOneIn > vector.Length)
        {
            var dense = new float[vector.Length];
            TensorPrimitives.Multiply(vector, scale, dense);
            return new SparseVector(null, dense);
        }

        var dimensions = new int[nonZero];
        var values = new float[nonZero];
        var k = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] != 0)
            {
                dimensions[k] = i;
                values[k++] = vector[i] * scale;
            }
        }

        return new SparseVector(dimensions, values);
    }

    /// <summary>Dot product with a dense vector of the full dimension.</summary>
    public float Dot(ReadOnlySpan<float> dense)
    {
        if (Dimensions is null)
        {
            return TensorPrimitives.Dot(dense, Values);
        }

        float sum = 0;
        for (var i = 0; i < Dimensions.Length; i++)
        {
            sum += Values[i] * dense[Dimensions[i]];
        }

        return sum;
    }
}
