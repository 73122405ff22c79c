using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Host.Conversations.Engine;

/// <summary>Cleans what a citizen typed before it is understood. Nothing here is ever rendered back as HTML.</summary>
internal static partial class CitizenText
{
    /// <summary>NFKC (full-width → half-width), tags removed, whitespace collapsed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var normal = text.Normalize(NormalizationForm.FormKC);
        normal = Tag().Replace(normal, " ");
        return Whitespace().Replace(normal, " ").Trim();
    }

    /// <summary>True when the text has something to understand: a CJK character, a letter or a digit (not only emoji or punctuation).</summary>
    public static bool HasWords(string text) => text.Any(c => char.IsLetterOrDigit(c));

    public static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');

    /// <summary>Dice coefficient over character bigrams: how much two short Chinese texts share.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        return 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var letters = new string(text.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        var set = new HashSet<string>();
        for (var i = 0; i + 1 < letters.Length; i++) set.Add(letters.Substring(i, 2));
        if (letters.Length == 1) set.Add(letters);
        return set;
    }

    [GeneratedRegex("<[^>]{0,200}>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
