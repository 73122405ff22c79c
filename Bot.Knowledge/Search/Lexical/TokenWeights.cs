using Bot.Knowledge.Text;

namespace Bot.Knowledge.Search.Lexical;

/// <summary>
/// How much each kind of token counts. Words and bigrams carry meaning; single characters and pinyin
/// bigrams are there for recall (typos, homophones, unseen words) and count less.
/// </summary>
internal static class TokenWeights
{
    public static float Of(TokenKind kind) => kind switch
    {
        TokenKind.Word => 1.0f,
        TokenKind.Bigram => 0.7f,
        TokenKind.Pinyin => 0.4f,
        _ => 0.25f,
    };

    /// <summary>
    /// The weight of a query token the catalogue never uses, relative to the rarest catalogue token: general
    /// words ("一下") count little, informative ones ("天气", "签证") almost fully, so that a query about
    /// something else scores low even when a few of its characters appear somewhere in the catalogue.
    /// </summary>
    public static float UnseenFactor(Token token, IdfTable generalIdf) => token.Kind switch
    {
        TokenKind.Word => Math.Clamp(generalIdf.Get(token.Text) / 11f, 0.15f, 1f),
        TokenKind.Bigram => 0.5f,
        _ => 0.3f,
    };
}
