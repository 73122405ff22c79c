namespace Bot.Knowledge.Search.Evaluation;

/// <summary>Which pg_trgm function scores a (query, name or alias) pair; a document scores its best text.</summary>
public enum TrigramScoring
{
    /// <summary><c>similarity(text, query)</c>: shared trigrams over all trigrams of both.</summary>
    Similarity,

    /// <summary><c>word_similarity(text, query)</c>: how well the name or alias appears somewhere in the query.</summary>
    TextInQuery,

    /// <summary><c>word_similarity(query, text)</c>: how well the query appears somewhere in the name or alias.</summary>
    QueryInText,

    /// <summary>The greatest of the three.</summary>
    Greatest,
}

/// <summary>How the pg_trgm baseline ranks and decides: answer a top score ≥ Answer leading the next by Margin; clarify from Clarify.</summary>
public sealed record TrigramThresholds(TrigramScoring Scoring, double Answer, double Clarify, double Margin)
{
    /// <summary>Before calibration: pg_trgm's own default threshold (0.3) for clarify.</summary>
    public static TrigramThresholds Uncalibrated { get; } = new(TrigramScoring.Similarity, 0.6, 0.3, 0.1);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"{Scoring}: answer >= {Answer:F3} with margin {Margin:F2}, clarify >= {Clarify:F3}");
}
