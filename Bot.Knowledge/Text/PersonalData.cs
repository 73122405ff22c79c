using System.Text.RegularExpressions;

namespace Bot.Knowledge.Text;

/// <summary>Masks personal data (ID-card numbers, mobile and landline numbers, contacts) before text is logged, kept or shown to someone who may not see it.</summary>
public static partial class PersonalData
{
    /// <summary>"110101199003074518" → "1101**********4518", "13812345678" → "138****5678".</summary>
    public static string Mask(string text) =>
        Landline().Replace(Mobile().Replace(IdNumber().Replace(text,
            m => m.Value[..4] + new string('*', m.Value.Length - 8) + m.Value[^4..]),
            m => m.Value[..3] + "****" + m.Value[^4..]),
            m => m.Groups["area"].Value + "-****" + m.Groups["tail"].Value);

    /// <summary>
    /// Masks a contact: a mobile number keeps its first 3 and last 4 digits (<c>138****5678</c>), a landline its area
    /// code and last 2, an e-mail its first character and domain, anything else all but its first and last character.
    /// </summary>
    public static string MaskContact(string contact)
    {
        var text = contact.Trim();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (MobileNumber().IsMatch(text)) return $"{digits[^11..^8]}****{digits[^4..]}";
        if (LandlineNumber().Match(text) is { Success: true } landline) return $"{landline.Groups[1].Value}-****{digits[^2..]}";
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) return $"{text[0]}***{text[at..]}";
        return text.Length <= 2 ? new string('*', text.Length) : $"{text[0]}{new string('*', text.Length - 2)}{text[^1]}";
    }

    /// <summary>The first mobile or landline number written in free text ("我电话13812345678"), or null.</summary>
    public static string? FindPhone(string text) =>
        Mobile().Match(text) is { Success: true } mobile ? mobile.Value
        : Landline().Match(text) is { Success: true } landline ? landline.Value
        : null;

    [GeneratedRegex(@"^\+?(86)?[\s-]?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}$")]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"^(0\d{2,3})[\s-]?\d{7,8}$")]
    private static partial Regex LandlineNumber();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<area>(?<!\d)0\d{2,3})-?\d{3,4}(?<tail>\d{4})(?!\d)")]
    private static partial Regex Landline();
}
