namespace Bot.Knowledge.Search.Embeddings;

/// <summary>
/// An embedding generator that learns from the catalogue before it embeds (the built-in one weighs its
/// features by how rare they are in the catalogue). The search fits it on every index rebuild.
/// </summary>
public interface ICorpusFittedGenerator
{
    /// <summary>Learns from the texts about to be indexed.</summary>
    void Fit(IReadOnlyList<string> corpus);
}
