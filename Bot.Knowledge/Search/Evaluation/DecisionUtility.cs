namespace Bot.Knowledge.Search.Evaluation;

/// <summary>One calibration query as the utility sees it.</summary>
public readonly record struct CalibrationOutcome(bool ExpectsNone, SearchDecision Decision, bool TopRight, bool Top3Right);

/// <summary>
/// What thresholds are calibrated to maximise (the hybrid's and the baseline's alike). Right decisions count 1,
/// and a right answer 1.25 (it spares the citizen a question); answering with a wrong document or answering
/// out-of-scope costs 3 (it misleads). In-scope queries weigh <see cref="InScopeShare"/> of the total however
/// many of each there are: most people at a service centre's door do want a service, and a needless "none" sends
/// them away while a clarification of an out-of-scope request only costs one more turn.
/// </summary>
public static class DecisionUtility
{
    /// <summary>The weight of in-scope queries in the total.</summary>
    public const double InScopeShare = 0.65;

    /// <summary>The utility of a set of decisions, in [-3, 1.25].</summary>
    public static double Score(IEnumerable<CalibrationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        double inScope = 0, outOfScope = 0;
        int inScopeCount = 0, outOfScopeCount = 0;
        foreach (var o in outcomes)
        {
            if (o.ExpectsNone)
            {
                outOfScopeCount++;
                outOfScope += o.Decision == SearchDecision.None ? 1 : o.Decision == SearchDecision.Answer ? -3 : 0;
            }
            else
            {
                inScopeCount++;
                inScope += o.Decision switch
                {
                    SearchDecision.Answer => o.TopRight ? 1.25 : -3,
                    SearchDecision.Clarify => o.Top3Right ? 1 : 0,
                    _ => 0,
                };
            }
        }

        return (InScopeShare * inScope / Math.Max(1, inScopeCount)) + ((1 - InScopeShare) * outOfScope / Math.Max(1, outOfScopeCount));
    }
}
