using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Text;

/// <summary>The real lexicon the build copied next to the test assembly, loaded once per test run.</summary>
internal static class TestLexicon
{
    private static readonly Lazy<ChineseLexicon> Shared = new(() => ChineseLexicon.Load());
    private static readonly Lazy<TextAnalyzer> SharedAnalyzer = new(() => new TextAnalyzer(Shared.Value));

    public static ChineseLexicon Lexicon => Shared.Value;

    public static TextAnalyzer Analyzer => SharedAnalyzer.Value;
}
