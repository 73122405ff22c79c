namespace Bot.Knowledge.Search;

/// <summary>One ranked document.</summary>
/// <param name="Id">Catalogue id (SCJG-01, B-02).</param>
/// <param name="Kind">Item or bundle.</param>
/// <param name="Name">Official name.</param>
/// <param name="Score">Fused score in [0, 1]; the decision thresholds apply to it.</param>
public sealed record SearchHit(string Id, SearchDocumentKind Kind, string Name, double Score)
{
    /// <summary>Why the document scored as it did; set by the hybrid engine.</summary>
    public SearchSignals? Signals { get; init; }
}
