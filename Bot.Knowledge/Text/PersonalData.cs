using System.Text.RegularExpressions;

namespace Bot.Knowledge.Text;

/// <summary>Masks personal data (ID-card numbers, mobile and landline numbers) before text is logged or kept in a transcript.</summary>
public static partial class PersonalData
{
    /// <summary>"110101199003074518" → "1101**********4518", "13812345678" → "138****5678".</summary>
    public static string Mask(string text) =>
        Landline().Replace(Mobile().Replace(IdNumber().Replace(text,
            m => m.Value[..4] + new string('*', m.Value.Length - 8) + m.Value[^4..]),
            m => m.Value[..3] + "****" + m.Value[^4..]),
            m => m.Groups["area"].Value + "-****" + m.Groups["tail"].Value);

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<area>(?<!\d)0\d{2,3})-?\d{3,4}(?<tail>\d{4})(?!\d)")]
    private static partial Regex Landline();
}
