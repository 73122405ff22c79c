namespace Bot.Knowledge.Search.Ranking;

/// <summary>
/// Turns fused scores into answer / clarify / none. Answer needs a top hit that leads the next one clearly,
/// either in absolute terms (a high score and a wide margin) or in relative terms (a fair score that the next
/// hit reaches only a fraction of), and that does not look like one of the near misses recorded for it.
/// Clarify offers the two or three hits that are close; below the clarify threshold nothing fits.
/// </summary>
internal static class DecisionPolicy
{
    /// <summary>A ranked hit as the policy sees it: fused score and the signals behind it.</summary>
    public sealed record Candidate(double Score, SearchSignals Signals);

    public static (SearchDecision Decision, int Candidates) Decide(IReadOnlyList<Candidate> ranked, DecisionOptions options)
    {
        if (ranked.Count == 0)
        {
            return (SearchDecision.None, 0);
        }

        var top = ranked[0];
        var scores = ranked.Select(c => c.Score).ToList();
        if (!LooksLikeANearMiss(top.Signals, options))
        {
            return Decide(scores, options);
        }

        // What the catalogue explicitly is not is never answered; when the classifier is sure of it, nothing fits.
        if (top.Signals.Outside >= top.Signals.Classifier && top.Signals.Outside >= options.OutsideThreshold)
        {
            return (SearchDecision.None, 0);
        }

        return top.Score < options.ClarifyThreshold ? (SearchDecision.None, 0) : Clarify(scores, options);
    }

    public static (SearchDecision Decision, int Candidates) Decide(IReadOnlyList<double> ranked, DecisionOptions options)
    {
        if (ranked.Count == 0 || ranked[0] < options.ClarifyThreshold)
        {
            return (SearchDecision.None, 0);
        }

        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : 0;
        if ((top >= options.AnswerThreshold && top - second >= options.AnswerMargin)
            || (top >= options.LeadThreshold && second <= top * (1 - options.AnswerLead)))
        {
            return (SearchDecision.Answer, 1);
        }

        return Clarify(ranked, options);
    }

    /// <summary>
    /// The query is closer to what the top document is not than to what it is: the classifier puts at least as
    /// much weight on "near miss" as on the document, or a recorded near miss is the nearest example and the
    /// classifier does not clearly back the document against it, or the query uses a word that only the
    /// document's near misses use.
    /// </summary>
    public static bool LooksLikeANearMiss(SearchSignals top, DecisionOptions options) =>
        top.Outside >= top.Classifier
        || top.NotForWords.Count > 0
        || (top.NearMiss >= options.NearMissSimilarity && top.NearMiss >= top.Vector && 2 * top.Outside >= top.Classifier);

    private static (SearchDecision Decision, int Candidates) Clarify(IReadOnlyList<double> ranked, DecisionOptions options)
    {
        var top = ranked[0];
        var close = 1;
        while (close < Math.Min(3, ranked.Count) && top - ranked[close] <= options.ClarifyBand)
        {
            close++;
        }

        return (SearchDecision.Clarify, Math.Clamp(close, Math.Min(2, ranked.Count), 3));
    }
}
