using System.Buffers;

namespace Bot.Knowledge.Text;

/// <summary>
/// Turns text into the tokens both the lexical index and the built-in embeddings use: dictionary words
/// (with jieba's search-mode inner words), Han character unigrams and bigrams, and pinyin bigrams.
/// </summary>
public sealed class TextAnalyzer
{
    private const int StackLimit = 256;

    /// <summary>Creates an analyser over a loaded lexicon.</summary>
    public TextAnalyzer(ChineseLexicon lexicon)
    {
        Lexicon = lexicon;
        Normalizer = new TextNormalizer(lexicon.Converter);
        Segmenter = new WordSegmenter(lexicon.Words);
    }

    /// <summary>The lexicon in use.</summary>
    public ChineseLexicon Lexicon { get; }

    /// <summary>The normaliser in use.</summary>
    public TextNormalizer Normalizer { get; }

    /// <summary>The segmenter in use.</summary>
    public WordSegmenter Segmenter { get; }

    /// <summary>Normalises and analyses <paramref name="text"/>.</summary>
    public IReadOnlyList<Token> Analyze(string? text) => AnalyzeNormalized(Normalizer.Normalize(text));

    /// <summary>Analyses text already in normalised form.</summary>
    public IReadOnlyList<Token> AnalyzeNormalized(string normalized)
    {
        var tokens = new TokenList(normalized.Length * 4);
        Analyze(normalized, tokens);
        return tokens.Tokens;
    }

    /// <summary>The dictionary words of a normalised text, in order (Han words of two or more characters and Latin runs).</summary>
    public IEnumerable<string> Words(string normalized) =>
        AnalyzeNormalized(normalized).Where(t => t.Kind == TokenKind.Word).Select(t => t.Text);

    /// <summary>Analyses normalised text into <paramref name="sink"/>, token by token, as spans of the text.</summary>
    internal void Analyze<TSink>(ReadOnlySpan<char> normalized, TSink sink)
        where TSink : ITokenSink
    {
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            var start = i;
            if (CharClass.IsHan(c))
            {
                while (i < normalized.Length && CharClass.IsHan(normalized[i]))
                {
                    i++;
                }

                AddHanRun(normalized[start..i], sink);
            }
            else if (char.IsLetterOrDigit(c))
            {
                while (i < normalized.Length && char.IsLetterOrDigit(normalized[i]) && !CharClass.IsHan(normalized[i]))
                {
                    i++;
                }

                var run = normalized[start..i];
                sink.Add(TokenKind.Word, run, Informativeness.OfWord(run, Lexicon.Idf));
            }
            else
            {
                i++;
            }
        }
    }

    private void AddHanRun<TSink>(ReadOnlySpan<char> run, TSink sink)
        where TSink : ITokenSink
    {
        int[]? rented = null;
        Span<int> next = run.Length < StackLimit ? stackalloc int[run.Length + 1] : (rented = ArrayPool<int>.Shared.Rent(run.Length + 1));
        Segmenter.Path(run, next);
        for (var i = 0; i < run.Length; i = next[i])
        {
            var word = run[i..next[i]];
            if (word.Length > 1)
            {
                sink.Add(TokenKind.Word, word, Informativeness.OfWord(word, Lexicon.Idf));
                foreach (var (start, length) in WordSegmenter.InnerWordCandidates(word.Length))
                {
                    var inner = word.Slice(start, length);
                    if (Segmenter.Dictionary.Contains(inner))
                    {
                        sink.Add(TokenKind.Word, inner, Informativeness.OfWord(inner, Lexicon.Idf));
                    }
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        Span<char> pair = stackalloc char[32];
        string? previousPinyin = null;
        for (var k = 0; k < run.Length; k++)
        {
            sink.Add(TokenKind.Char, run.Slice(k, 1), Informativeness.OfChar(run[k]));
            var bigramWeight = k > 0 ? Informativeness.OfBigram(run.Slice(k - 1, 2), Lexicon.Words) : 0f;
            if (k > 0)
            {
                sink.Add(TokenKind.Bigram, run.Slice(k - 1, 2), bigramWeight);
            }

            var pinyin = Lexicon.Pinyin.Primary(run[k]);
            if (k > 0 && previousPinyin is not null && pinyin is not null)
            {
                sink.Add(TokenKind.Pinyin, PinyinPair(previousPinyin, pinyin, pair), bigramWeight);
            }

            previousPinyin = pinyin;
        }
    }

    /// <summary>"shen fen": two readings joined by a space, in <paramref name="buffer"/> when they fit.</summary>
    private static ReadOnlySpan<char> PinyinPair(string first, string second, Span<char> buffer)
    {
        var length = first.Length + 1 + second.Length;
        if (length > buffer.Length)
        {
            return first + " " + second;
        }

        first.CopyTo(buffer);
        buffer[first.Length] = ' ';
        second.CopyTo(buffer[(first.Length + 1)..]);
        return buffer[..length];
    }

    /// <summary>Collects an analysis as tokens, for queries and single texts.</summary>
    private sealed class TokenList(int capacity) : ITokenSink
    {
        public List<Token> Tokens { get; } = new(capacity);

        public void Add(TokenKind kind, ReadOnlySpan<char> text, float weight) => Tokens.Add(new Token(kind, text.ToString(), weight));
    }
}
