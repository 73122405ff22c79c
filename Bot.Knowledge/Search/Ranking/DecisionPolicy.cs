namespace Bot.Knowledge.Search.Ranking;

/// <summary>
/// Turns fused scores into answer / clarify / none. Answer needs a confident top hit that also leads the
/// next one clearly; clarify offers the two or three hits that are close; below the clarify threshold
/// nothing fits.
/// </summary>
internal static class DecisionPolicy
{
    public static (SearchDecision Decision, int Candidates) Decide(IReadOnlyList<double> ranked, DecisionOptions options)
    {
        if (ranked.Count == 0 || ranked[0] < options.ClarifyThreshold)
        {
            return (SearchDecision.None, 0);
        }

        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : 0;
        if (top >= options.AnswerThreshold && top - second >= options.AnswerMargin)
        {
            return (SearchDecision.Answer, 1);
        }

        var close = 1;
        while (close < Math.Min(3, ranked.Count) && top - ranked[close] <= options.ClarifyBand)
        {
            close++;
        }

        return (SearchDecision.Clarify, Math.Clamp(close, Math.Min(2, ranked.Count), 3));
    }
}
