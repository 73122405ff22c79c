namespace Bot.Knowledge.Search;

/// <summary>The decision for a query and the hits behind it, best first.</summary>
public sealed record SearchResult(SearchDecision Decision, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>The decision for an empty query or an empty index.</summary>
    public static SearchResult Nothing { get; } = new(SearchDecision.None, []);
}
