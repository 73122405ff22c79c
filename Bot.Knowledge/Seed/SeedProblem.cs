namespace Bot.Knowledge.Seed;

/// <summary>One thing wrong with the knowledge seed, located by file and line for the curator who fixes it.</summary>
public sealed record SeedProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown when the seed has problems; the host refuses to start rather than serve half a knowledge base.</summary>
public sealed class SeedValidationException(IReadOnlyList<SeedProblem> problems)
    : Exception($"The knowledge seed has {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<SeedProblem> Problems { get; } = problems;
}
