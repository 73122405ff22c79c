using System.Text;
using Bot.Knowledge.Text;
using Bot.Knowledge.Search.Lexical;

namespace Bot.Knowledge.Search.Ranking;

/// <summary>
/// Everything built from one set of documents: analysed fields, the BM25F index, the classifier, the near
/// misses and the pinyin reader over the catalogue's vocabulary. Immutable; a rebuild swaps in a new one.
/// </summary>
internal sealed class SearchSnapshot
{
    private readonly HashSet<string> _latinWords;
    private readonly IReadOnlyList<IReadOnlySet<string>> _notForWords;
    private readonly PinyinTransliterator _transliterator;
    private readonly HomophoneReader _homophones;

    private SearchSnapshot(
        IReadOnlyList<SearchDocument> documents,
        Bm25FIndex lexical,
        ExampleClassifier classifier,
        NearMisses nearMisses,
        IReadOnlyList<IReadOnlySet<string>> notForWords,
        PinyinTransliterator transliterator,
        HomophoneReader homophones,
        HashSet<string> latinWords)
    {
        Documents = documents;
        Lexical = lexical;
        Classifier = classifier;
        NearMisses = nearMisses;
        _notForWords = notForWords;
        _transliterator = transliterator;
        _homophones = homophones;
        _latinWords = latinWords;
        Ordinals = documents.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The documents, in class order; their analysed tokens are not kept once the indexes are built.</summary>
    public IReadOnlyList<SearchDocument> Documents { get; }

    public Bm25FIndex Lexical { get; }

    /// <summary>
    /// Trained on the documents' examples plus one more class, <see cref="OutsideClass"/>, learnt from every
    /// document's near misses: what people ask that looks like the catalogue but is not in it.
    /// </summary>
    public ExampleClassifier Classifier { get; }

    /// <summary>The classifier's class for "looks like a catalogue request but is none of them".</summary>
    public int OutsideClass => Documents.Count;

    public NearMisses NearMisses { get; }

    public IReadOnlyDictionary<string, int> Ordinals { get; }


    /// <summary>
    /// Builds the snapshot from the documents and their field texts analysed once each (<paramref name="corpus"/>,
    /// whose vocabulary the lexical index and the classifier keep).
    /// </summary>
    public static SearchSnapshot Build(
        IReadOnlyList<SearchDocument> documents, AnalysedCorpus corpus, TextAnalyzer analyzer, NearMisses nearMisses, BuildClock? phases = null)
    {
        var vocabulary = corpus.Vocabulary;
        var indexed = documents
            .Select(d => new IndexedDocument(d, d.Fields
                .Where(IsPositiveExample)
                .Select(f => new AnalyzedField(f.Name, f.Weight, corpus.Tokens(f.Text)))
                .ToList()))
            .ToList();

        var lexical = Bm25FIndex.Build(indexed.Select(d => d.Fields).ToList(), vocabulary, analyzer.Lexicon.Idf);
        phases?.Lap("lexical");
        var examples = indexed
            .SelectMany((d, label) => d.Fields.Select(f => (label, f.Tokens)))
            .Concat(documents.SelectMany(d => d.Fields.Where(IsNegativeExample)).Select(f => (indexed.Count, corpus.Tokens(f.Text))))
            .ToList();
        var classifier = ExampleClassifier.Train(examples, vocabulary, indexed.Count + 1);
        phases?.Lap("classifier");
        var notForWords = documents.Select((d, i) =>
        {
            if (!d.Fields.Any(IsNegativeExample))
            {
                return (IReadOnlySet<string>)new HashSet<string>();
            }

            var positive = indexed[i].Fields.SelectMany(f => f.Tokens.Ids).Where(t => vocabulary.Kind(t) == TokenKind.Word)
                .Select(vocabulary.Text).ToHashSet(StringComparer.Ordinal);
            return d.Fields.Where(IsNegativeExample)
                .SelectMany(f => Tokens(corpus.Tokens(f.Text), vocabulary))
                .Where(t => IsTellingWord(t) && !positive.Contains(t.Text))
                .Select(t => t.Text)
                .ToHashSet(StringComparer.Ordinal);
        }).ToList();

        var words = PinyinVocabulary(indexed, vocabulary);
        var latin = words.Where(w => w.All(char.IsAsciiLetterOrDigit)).ToHashSet(StringComparer.Ordinal);
        var snapshot = new SearchSnapshot(documents, lexical, classifier, nearMisses, notForWords, new PinyinTransliterator(analyzer.Lexicon.Pinyin, words),
            new HomophoneReader(analyzer, words), latin);
        phases?.Lap("not-for words, pinyin vocabulary");
        return snapshot;
    }

    /// <summary>
    /// The vocabulary pinyin may stand for: the catalogue's words first, then its single characters; more frequent
    /// first, then in order of first use. Counted per token id, so once per occurrence without a string lookup.
    /// </summary>
    private static List<string> PinyinVocabulary(List<IndexedDocument> indexed, TokenVocabulary vocabulary)
    {
        var counts = new int[vocabulary.Count];
        var firstUse = new List<int>();
        foreach (var token in indexed.SelectMany(d => d.Fields).SelectMany(f => f.Tokens.Ids))
        {
            if (vocabulary.Kind(token) is TokenKind.Word or TokenKind.Char && counts[token]++ == 0)
            {
                firstUse.Add(token);
            }
        }

        return firstUse
            .Select((token, first) => (Text: vocabulary.Text(token), Count: counts[token], First: first))
            .OrderByDescending(p => p.Text.Length > 1)
            .ThenByDescending(p => p.Count)
            .ThenBy(p => p.First)
            .Select(p => p.Text)
            .ToList();
    }

    private static IEnumerable<Token> Tokens(TokenSequence sequence, TokenVocabulary vocabulary) =>
        sequence.Ids.Select((id, i) => vocabulary.Token(id) with { Weight = sequence.Weights[i] });

    /// <summary>
    /// The query's informative words that occur in the document's near misses and nowhere in its own examples
    /// ("考试" for 医师执业注册 when a curator recorded "医师资格考试什么时候考"): words that flip the request away from it.
    /// </summary>
    public IReadOnlyList<string> NotForWords(int document, IReadOnlyList<Token> query) =>
        query.Where(t => IsTellingWord(t) && _notForWords[document].Contains(t.Text)).Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();

    private static bool IsTellingWord(Token token) => token.Kind == TokenKind.Word && token.Text.Length >= 2 && token.Weight >= 0.5f;

    /// <summary>A text people use to ask for the document (indexed, embedded, a positive class example).</summary>
    public static bool IsPositiveExample(SearchField field) => !field.IsNegative && !string.IsNullOrWhiteSpace(field.Text) && field.Weight > 0;

    /// <summary>A near miss recorded for the document.</summary>
    public static bool IsNegativeExample(SearchField field) => field.IsNegative && !string.IsNullOrWhiteSpace(field.Text);

    /// <summary>
    /// Adds the Chinese reading of Latin runs the catalogue does not use ("sfz丢了" → "sfz丢了 身份证") and the
    /// catalogue word a misspelt span sounds like ("吃低包" → "吃低包 低保"), keeping the original so that catalogue
    /// words such as "ktv" still match as typed.
    /// </summary>
    public string ExpandReadings(string normalized)
    {
        var homophones = _homophones.Read(normalized);
        var expanded = ExpandPinyin(normalized);
        return homophones.Count == 0 ? expanded : expanded + " " + string.Join(' ', homophones);
    }

    private string ExpandPinyin(string normalized)
    {
        StringBuilder? expanded = null;
        var i = 0;
        while (i < normalized.Length)
        {
            if (!char.IsAsciiLetterLower(normalized[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < normalized.Length && char.IsAsciiLetterLower(normalized[i]))
            {
                i++;
            }

            var run = normalized[start..i];
            if (_latinWords.Contains(run) || _transliterator.Transliterate(run) is not { } reading)
            {
                continue;
            }

            expanded ??= new StringBuilder(normalized);
            expanded.Append(' ').Append(reading);
        }

        return expanded?.ToString() ?? normalized;
    }
}
