using System.Globalization;
using System.Text;

namespace Bot.Knowledge.Text;

/// <summary>
/// Puts text into one canonical form before analysis: NFKC (full-width → half-width, compatibility
/// ideographs), lower case, traditional → simplified, a few look-alike characters that people type by
/// mistake, and punctuation or symbols folded into single spaces.
/// </summary>
public sealed class TextNormalizer(ChineseConverter converter)
{
    // Look-alikes that are never meant in a service request: 囗 (enclosure radical) for 口, 〇 kept as a digit.
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['囗'] = '口',
        ['〇'] = '0',
        ['曰'] = '日',
    };

    /// <summary>Returns the canonical form of <paramref name="text"/>.</summary>
    public string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var compatible = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var simplified = converter.ToSimplified(compatible);
        var builder = new StringBuilder(simplified.Length);
        var pendingSpace = false;
        foreach (var raw in simplified)
        {
            var c = LookAlikes.TryGetValue(raw, out var replacement) ? replacement : raw;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.NonSpacingMark)
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
