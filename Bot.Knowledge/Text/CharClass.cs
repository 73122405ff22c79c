namespace Bot.Knowledge.Text;

internal static class CharClass
{
    // CJK Unified Ideographs and Extension A; the rarer planes carry nothing a service request needs.
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static bool IsLatin(char c) => c is >= 'a' and <= 'z';
}
