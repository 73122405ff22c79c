namespace Bot.Knowledge.Text;

/// <summary>
/// A text's tokens as ids of a <see cref="TokenVocabulary"/>, in analysis order, with each occurrence's weight
/// (<see cref="Token.Weight"/>: the same token can weigh differently in two places, e.g. a pinyin bigram). Slices of
/// arrays shared by many texts: an index build holds 900 000 of them, and as many pairs of small arrays they were work
/// for the garbage collector.
/// </summary>
internal readonly record struct TokenSequence(ArraySegment<int> Ids, ArraySegment<float> Weights)
{
    public int Count => Ids.Count;
}
