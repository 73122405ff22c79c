namespace Bot.Knowledge.Search.Embeddings;

/// <summary>FNV-1a over UTF-16 code units: the same on every process and machine, unlike string.GetHashCode.</summary>
internal static class StableHash
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // Final avalanche so that nearby keys spread across the low bits used for bucketing.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
