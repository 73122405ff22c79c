namespace Bot.Knowledge.Text;

/// <summary>
/// A text's tokens as ids of a <see cref="TokenVocabulary"/>, in analysis order, with each occurrence's weight
/// (<see cref="Token.Weight"/>: the same token can weigh differently in two places, e.g. a pinyin bigram).
/// </summary>
internal readonly record struct TokenSequence(int[] Ids, float[] Weights)
{
    public int Count => Ids.Length;
}
