namespace Bot.Tests.Knowledge.Text;

/// <summary>Tests that measure time run alone, so that the other tests on a two-core machine do not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
