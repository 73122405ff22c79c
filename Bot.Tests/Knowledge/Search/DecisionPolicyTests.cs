using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Ranking;

namespace Bot.Tests.Knowledge.Search;

public sealed class DecisionPolicyTests
{
    private static readonly DecisionOptions Options = new()
    {
        AnswerThreshold = 0.6, AnswerMargin = 0.2, ClarifyThreshold = 0.3, ClarifyBand = 0.12, LeadThreshold = 0.5, AnswerLead = 0.65, OutsideThreshold = 0.25,
    };

    [Fact]
    public void A_confident_leader_is_answered() =>
        Assert.Equal((SearchDecision.Answer, 1), DecisionPolicy.Decide([0.8, 0.4, 0.2], Options));

    [Fact]
    public void Close_candidates_are_offered_for_clarification_two_or_three_of_them()
    {
        Assert.Equal((SearchDecision.Clarify, 3), DecisionPolicy.Decide([0.7, 0.65, 0.62, 0.61], Options));
        Assert.Equal((SearchDecision.Clarify, 2), DecisionPolicy.Decide([0.5, 0.2, 0.1], Options));
    }

    [Fact]
    public void A_fair_top_score_far_ahead_of_the_next_is_answered() =>
        Assert.Equal((SearchDecision.Answer, 1), DecisionPolicy.Decide([0.55, 0.15, 0.1], Options));

    [Fact]
    public void A_request_that_looks_like_a_recorded_near_miss_is_never_answered()
    {
        var nearMiss = new SearchSignals(0.6, 0.7, 0.4, [], null) { Outside = 0.45 };
        Assert.Equal(SearchDecision.None, DecisionPolicy.Decide([new DecisionPolicy.Candidate(0.9, nearMiss), new DecisionPolicy.Candidate(0.2, nearMiss)], Options).Decision);

        var flipped = new SearchSignals(0.8, 0.8, 0.9, [], null) { NotForWords = ["考试"] };
        Assert.Equal(SearchDecision.Clarify, DecisionPolicy.Decide([new DecisionPolicy.Candidate(0.9, flipped), new DecisionPolicy.Candidate(0.2, flipped)], Options).Decision);
    }

    [Fact]
    public void A_weak_top_score_is_none() =>
        Assert.Equal(SearchDecision.None, DecisionPolicy.Decide([0.25, 0.2], Options).Decision);
}
