namespace Bot.Knowledge.Items;

/// <summary>A situation question (情形) whose answer decides which materials apply.</summary>
public sealed record Situation
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<SituationOption> Options { get; init; }
    /// <summary>Asked only after this answer to an earlier question.</summary>
    public SituationCondition? When { get; init; }
}

/// <summary>One answer to a situation question and the materials it adds.</summary>
public sealed record SituationOption(string Id, string Label, IReadOnlyList<string> Materials, string? Note = null);

/// <summary>"Ask this only when question <see cref="Question"/> was answered <see cref="Option"/>."</summary>
public sealed record SituationCondition(string Question, string Option);
