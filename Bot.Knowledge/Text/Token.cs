namespace Bot.Knowledge.Text;

/// <summary>What a token stands for; the ranking weighs the kinds differently.</summary>
public enum TokenKind
{
    /// <summary>A dictionary word of two or more characters, or a Latin/digit run.</summary>
    Word,

    /// <summary>A single Han character.</summary>
    Char,

    /// <summary>Two adjacent Han characters.</summary>
    Bigram,

    /// <summary>Toneless pinyin of two adjacent Han characters: catches homophone typos.</summary>
    Pinyin,
}

/// <summary>One analysed token. <see cref="Key"/> is unique across kinds ("w:身份证", "p:shen fen").</summary>
/// <param name="Kind">What the token stands for.</param>
/// <param name="Text">The token's text.</param>
/// <param name="Weight">How informative it is, in (0, 1] (see <see cref="Informativeness"/>).</param>
public readonly record struct Token(TokenKind Kind, string Text, float Weight = 1f)
{
    /// <summary>The key the indexes use; made once per token, since every index reads it.</summary>
    public string Key { get; } = Kind switch
    {
        TokenKind.Word => "w:" + Text,
        TokenKind.Char => "c:" + Text,
        TokenKind.Bigram => "b:" + Text,
        _ => "p:" + Text,
    };
}
