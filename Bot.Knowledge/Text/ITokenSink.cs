namespace Bot.Knowledge.Text;

/// <summary>
/// Receives the tokens of an analysis one at a time, as spans: a query collects them as <see cref="Token"/>s, an
/// index build as ids of a <see cref="TokenVocabulary"/>, without a string per token occurrence.
/// </summary>
internal interface ITokenSink
{
    void Add(TokenKind kind, ReadOnlySpan<char> text, float weight);
}
