namespace Bot.Knowledge.Text;

/// <summary>
/// Turns text into the tokens both the lexical index and the built-in embeddings use: dictionary words
/// (with jieba's search-mode inner words), Han character unigrams and bigrams, and pinyin bigrams.
/// </summary>
public sealed class TextAnalyzer
{
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
        var tokens = new List<Token>(normalized.Length * 4);
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

                AddHanRun(normalized.AsSpan(start, i - start), tokens);
            }
            else if (char.IsLetterOrDigit(c))
            {
                while (i < normalized.Length && char.IsLetterOrDigit(normalized[i]) && !CharClass.IsHan(normalized[i]))
                {
                    i++;
                }

                var run = normalized[start..i];
                tokens.Add(new Token(TokenKind.Word, run, Informativeness.OfWord(run, Lexicon.Idf)));
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }

    /// <summary>The dictionary words of a normalised text, in order (Han words of two or more characters and Latin runs).</summary>
    public IEnumerable<string> Words(string normalized) =>
        AnalyzeNormalized(normalized).Where(t => t.Kind == TokenKind.Word).Select(t => t.Text);

    private void AddHanRun(ReadOnlySpan<char> run, List<Token> tokens)
    {
        foreach (var word in Segmenter.Segment(run))
        {
            if (word.Length > 1)
            {
                tokens.Add(new Token(TokenKind.Word, word, Informativeness.OfWord(word, Lexicon.Idf)));
                foreach (var inner in Segmenter.InnerWords(word))
                {
                    tokens.Add(new Token(TokenKind.Word, inner, Informativeness.OfWord(inner, Lexicon.Idf)));
                }
            }
        }

        string? previousPinyin = null;
        for (var k = 0; k < run.Length; k++)
        {
            tokens.Add(new Token(TokenKind.Char, run.Slice(k, 1).ToString(), Informativeness.OfChar(run[k])));
            var bigramWeight = k > 0 ? Informativeness.OfBigram(run.Slice(k - 1, 2), Lexicon.Words) : 0f;
            if (k > 0)
            {
                tokens.Add(new Token(TokenKind.Bigram, run.Slice(k - 1, 2).ToString(), bigramWeight));
            }

            var pinyin = Lexicon.Pinyin.Primary(run[k]);
            if (k > 0 && previousPinyin is not null && pinyin is not null)
            {
                tokens.Add(new Token(TokenKind.Pinyin, previousPinyin + " " + pinyin, bigramWeight));
            }

            previousPinyin = pinyin;
        }
    }
}
