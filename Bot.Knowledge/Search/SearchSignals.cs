namespace Bot.Knowledge.Search;

/// <summary>
/// The per-signal scores behind a hit, so a curator can see why a query matched or missed.
/// Every score is in [0, 1].
/// </summary>
/// <param name="Lexical">BM25F score over words and character n-grams, divided by the best score the query could reach.</param>
/// <param name="Vector">Cosine similarity between the query and the document's nearest example (alias, FAQ question, name).</param>
/// <param name="Classifier">Probability the example-trained classifier gives the document.</param>
/// <param name="MatchedTerms">Query terms found in the document, most informative first ("w:身份证", "b:丢了", "p:shen fen").</param>
/// <param name="NearestExample">The document's text closest to the query.</param>
public sealed record SearchSignals(
    double Lexical,
    double Vector,
    double Classifier,
    IReadOnlyList<string> MatchedTerms,
    string? NearestExample)
{
    /// <summary>Probability the classifier gives "a near miss of the catalogue, none of its documents" (learnt from the seed's notFor examples).</summary>
    public double Outside { get; init; }

    /// <summary>Cosine similarity between the query and the document's nearest notFor example; 0 when it has none.</summary>
    public double NearMiss { get; init; }

    /// <summary>Informative query words found in the document's notFor examples and nowhere in its own texts.</summary>
    public IReadOnlyList<string> NotForWords { get; init; } = [];
}
