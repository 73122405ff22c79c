using System.Text;
using Bot.Knowledge.Text;
using Bot.Knowledge.Search.Lexical;

namespace Bot.Knowledge.Search.Ranking;

/// <summary>
/// Everything built from one set of documents: analysed fields, the BM25F index, the classifier and the
/// pinyin reader over the catalogue's vocabulary. Immutable; a rebuild swaps in a new one.
/// </summary>
internal sealed class SearchSnapshot
{
    private readonly HashSet<string> _latinWords;
    private readonly PinyinTransliterator _transliterator;

    private SearchSnapshot(
        IReadOnlyList<IndexedDocument> documents,
        Bm25FIndex lexical,
        ExampleClassifier classifier,
        PinyinTransliterator transliterator,
        HashSet<string> latinWords)
    {
        Documents = documents;
        Lexical = lexical;
        Classifier = classifier;
        _transliterator = transliterator;
        _latinWords = latinWords;
        Ordinals = documents.Select((d, i) => (d.Document.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<IndexedDocument> Documents { get; }

    public Bm25FIndex Lexical { get; }

    public ExampleClassifier Classifier { get; }

    public IReadOnlyDictionary<string, int> Ordinals { get; }

    public static SearchSnapshot Build(IReadOnlyList<SearchDocument> documents, TextAnalyzer analyzer)
    {
        var indexed = documents
            .Select(d => new IndexedDocument(d, d.Fields
                .Where(f => !string.IsNullOrWhiteSpace(f.Text) && f.Weight > 0)
                .Select(f => new AnalyzedField(f.Name, f.Weight, analyzer.Analyze(f.Text)))
                .ToList()))
            .ToList();

        var lexical = Bm25FIndex.Build(indexed.Select(d => d.Fields).ToList(), analyzer.Lexicon.Idf);
        var examples = indexed
            .SelectMany((d, label) => d.Fields.Select(f => (label, f.Tokens)))
            .ToList();
        var classifier = ExampleClassifier.Train(examples, indexed.Count);

        // The vocabulary pinyin may stand for: the catalogue's words first, then its single characters.
        var words = indexed.SelectMany(d => d.Fields).SelectMany(f => f.Tokens)
            .Where(t => t.Kind is TokenKind.Word or TokenKind.Char)
            .GroupBy(t => t.Text, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key.Length > 1)
            .ThenByDescending(g => g.Count())
            .Select(g => g.Key)
            .ToList();
        var latin = words.Where(w => w.All(char.IsAsciiLetterOrDigit)).ToHashSet(StringComparer.Ordinal);
        return new SearchSnapshot(indexed, lexical, classifier, new PinyinTransliterator(analyzer.Lexicon.Pinyin, words), latin);
    }

    /// <summary>
    /// Adds the Chinese reading of Latin runs the catalogue does not use ("sfz丢了" → "sfz丢了 身份证"),
    /// keeping the original so that catalogue words such as "ktv" still match as typed.
    /// </summary>
    public string ExpandPinyin(string normalized)
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
