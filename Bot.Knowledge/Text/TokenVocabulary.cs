namespace Bot.Knowledge.Text;

/// <summary>
/// Integer ids for tokens (a kind and a text), dense from 0 in order of first sight. An index build gives each token
/// its id once, while analysing, so that the embedding fit, the BM25F postings and the classifier count and train
/// on int arrays rather than on string-keyed dictionaries. Growing is not thread-safe; once built it is read-only
/// and may be read concurrently.
/// </summary>
internal sealed class TokenVocabulary
{
    private readonly Dictionary<string, int>[] _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;
    private readonly List<TokenKind> _kinds = [];
    private readonly List<string> _texts = [];

    public TokenVocabulary()
    {
        var kinds = Enum.GetValues<TokenKind>().Length;
        _ids = new Dictionary<string, int>[kinds];
        _lookups = new Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[kinds];
        for (var k = 0; k < kinds; k++)
        {
            _ids[k] = new Dictionary<string, int>(StringComparer.Ordinal);
            _lookups[k] = _ids[k].GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    public int Count => _texts.Count;

    public TokenKind Kind(int id) => _kinds[id];

    public string Text(int id) => _texts[id];

    /// <summary>The token of an id, at weight 1 (its <see cref="Token.Key"/> is made anew on each call).</summary>
    public Token Token(int id) => new(_kinds[id], _texts[id]);

    /// <summary>The id of the token, given now if it has none.</summary>
    public int Intern(TokenKind kind, ReadOnlySpan<char> text) =>
        _lookups[(int)kind].TryGetValue(text, out var id) ? id : Add(kind, text.ToString());

    /// <summary>Like <see cref="Intern(TokenKind, ReadOnlySpan{char})"/>, keeping <paramref name="text"/> itself when new.</summary>
    public int Intern(TokenKind kind, string text) =>
        _ids[(int)kind].TryGetValue(text, out var id) ? id : Add(kind, text);

    /// <summary>The tokens' ids, given where missing, with their weights.</summary>
    public TokenSequence Intern(IReadOnlyList<Token> tokens)
    {
        var ids = new int[tokens.Count];
        var weights = new float[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Intern(tokens[i].Kind, tokens[i].Text);
            weights[i] = tokens[i].Weight;
        }

        return new TokenSequence(ids, weights);
    }

    /// <summary>The token's id, or -1 when the vocabulary has none.</summary>
    public int Find(Token token) => _ids[(int)token.Kind].TryGetValue(token.Text, out var id) ? id : -1;

    private int Add(TokenKind kind, string text)
    {
        var id = _texts.Count;
        _kinds.Add(kind);
        _texts.Add(text);
        _ids[(int)kind][text] = id;
        return id;
    }
}
