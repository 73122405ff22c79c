namespace Bot.Knowledge.Text;

/// <summary>
/// jieba's word list with frequencies, plus words a caller adds (catalogue keywords). Lookups take spans,
/// so segmenting a query allocates nothing per candidate word.
/// </summary>
public sealed class WordDictionary
{
    private readonly Dictionary<string, double> _logProbabilities;
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Every word of two or more characters and every prefix of one (as jieba's prefix dictionary): a word's log
    // probability, NaN for a prefix that is no word. The segmenter stops extending a candidate word at the first
    // span that is not in here, instead of trying every length up to the longest word.
    private readonly Dictionary<string, double> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _stepLookup;
    private readonly double _logTotal;

    private WordDictionary(Dictionary<string, long> frequencies, long total, int longest)
    {
        _logTotal = Math.Log(total);
        _logProbabilities = new Dictionary<string, double>(frequencies.Count, StringComparer.Ordinal);
        foreach (var (word, frequency) in frequencies)
        {
            _logProbabilities[word] = Math.Log(Math.Max(frequency, 1)) - _logTotal;
        }

        _lookup = _logProbabilities.GetAlternateLookup<ReadOnlySpan<char>>();
        _stepLookup = _steps.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (word, logProbability) in _logProbabilities)
        {
            AddStep(word, logProbability);
        }

        LongestWord = longest;
    }

    /// <summary>Number of words.</summary>
    public int Count => _logProbabilities.Count;

    /// <summary>Length of the longest word, which bounds the segmenter's look-ahead.</summary>
    public int LongestWord { get; private set; }

    /// <summary>The log probability given to a character that is no word of the dictionary.</summary>
    public double UnknownLogProbability => -_logTotal;

    /// <summary>Loads jieba's <c>dict.txt</c> from <paramref name="directory"/>.</summary>
    public static WordDictionary Load(string directory)
    {
        var path = LexiconPath.Require(directory, LexiconFiles.JiebaDictionary);
        var frequencies = new Dictionary<string, long>(400_000, StringComparer.Ordinal);
        long total = 0;
        var longest = 1;
        foreach (var line in File.ReadLines(path))
        {
            var span = line.AsSpan();
            var first = span.IndexOf(' ');
            if (first <= 0)
            {
                continue;
            }

            var rest = span[(first + 1)..];
            var second = rest.IndexOf(' ');
            if (!long.TryParse(second < 0 ? rest : rest[..second], out var frequency))
            {
                continue;
            }

            // jieba's list mixes cases ("4S店", "4s店"); the analyser lower-cases, so words are kept lower-case.
            var word = span[..first].ToString().ToLowerInvariant();
            frequencies[word] = frequencies.GetValueOrDefault(word) + frequency;
            total += frequency;
            longest = Math.Max(longest, word.Length);
        }

        return new WordDictionary(frequencies, Math.Max(total, 1), longest);
    }

    /// <summary>Creates a dictionary from explicit words, for tests and small deployments.</summary>
    public static WordDictionary FromWords(IEnumerable<(string Word, long Frequency)> words)
    {
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        var longest = 1;
        foreach (var (word, frequency) in words)
        {
            frequencies[word] = frequency;
            total += frequency;
            longest = Math.Max(longest, word.Length);
        }

        return new WordDictionary(frequencies, Math.Max(total, 1), longest);
    }

    /// <summary>Whether <paramref name="word"/> is in the dictionary.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _lookup.ContainsKey(word);

    /// <summary>The word's log probability, or false when it is not a word.</summary>
    public bool TryGetLogProbability(ReadOnlySpan<char> word, out double logProbability) =>
        _lookup.TryGetValue(word, out logProbability);

    /// <summary>
    /// For the segmenter: whether <paramref name="span"/> (two or more characters) is a word or begins one; its log
    /// probability when it is a word, NaN when it only begins one.
    /// </summary>
    internal bool TryGetStep(ReadOnlySpan<char> span, out double logProbability) => _stepLookup.TryGetValue(span, out logProbability);

    private void AddStep(string word, double logProbability)
    {
        for (var length = 2; length < word.Length; length++)
        {
            if (!_stepLookup.ContainsKey(word.AsSpan(0, length)))
            {
                _steps[word[..length]] = double.NaN;
            }
        }

        if (word.Length >= 2)
        {
            _steps[word] = logProbability;
        }
    }

    /// <summary>
    /// Adds or strengthens a domain word (a catalogue keyword) so that the segmenter keeps it whole.
    /// Not thread-safe against concurrent segmentation; call while (re)building an index.
    /// </summary>
    public void AddWord(string word)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        // Frequency high enough to win against splits, as jieba's suggest_freq does for user words.
        var strong = Math.Log(50_000) - _logTotal;
        _logProbabilities[word] = Math.Max(_logProbabilities.GetValueOrDefault(word, double.NegativeInfinity), strong);
        AddStep(word, _logProbabilities[word]);
        LongestWord = Math.Max(LongestWord, word.Length);
    }
}
