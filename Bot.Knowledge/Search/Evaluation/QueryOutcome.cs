namespace Bot.Knowledge.Search.Evaluation;

/// <summary>What an engine under evaluation did with one query.</summary>
/// <param name="Decision">Answer, clarify or none.</param>
/// <param name="Ranked">The best hits whatever the decision, best first (top-1 and top-3 are read from these).</param>
/// <param name="Offered">What the citizen would see: the answer, or the candidates of a clarification.</param>
public sealed record QueryOutcome(SearchDecision Decision, IReadOnlyList<SearchHit> Ranked, IReadOnlyList<SearchHit> Offered);
