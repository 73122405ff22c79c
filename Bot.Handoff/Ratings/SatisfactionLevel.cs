namespace Bot.Handoff.Ratings;

/// <summary>The five levels of the national 好差评 (government service evaluation) scheme.</summary>
public enum SatisfactionLevel
{
    /// <summary>非常满意.</summary>
    VerySatisfied = 5,

    /// <summary>满意.</summary>
    Satisfied = 4,

    /// <summary>基本满意.</summary>
    BasicallySatisfied = 3,

    /// <summary>不满意.</summary>
    Dissatisfied = 2,

    /// <summary>非常不满意.</summary>
    VeryDissatisfied = 1,
}

public static class SatisfactionLevels
{
    public static string Label(this SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.VerySatisfied => "非常满意",
        SatisfactionLevel.Satisfied => "满意",
        SatisfactionLevel.BasicallySatisfied => "基本满意",
        SatisfactionLevel.Dissatisfied => "不满意",
        SatisfactionLevel.VeryDissatisfied => "非常不满意",
        _ => level.ToString(),
    };

    /// <summary>差评: the 好差评 rules require rectification and a return visit.</summary>
    public static bool IsBad(this SatisfactionLevel level) => level <= SatisfactionLevel.Dissatisfied;
}
