using System.Globalization;
using Bot.Knowledge.Places;

namespace Bot.Host.Doorplates;

/// <summary>Opening hours in the words a notice on a wall uses: 周一至周五 08:30–12:00.</summary>
internal static class OpeningHours
{
    private static readonly string[] DayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static IReadOnlyList<string> Describe(IReadOnlyList<OpeningSpan> spans) =>
        spans.Select(span => $"{Days(span.Days)} {Time(span.Open)}–{Time(span.Close)}{(span.Note is null ? "" : $"（{span.Note}）")}").ToList();

    private static string Time(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Consecutive days (Monday first) become a range; others are listed.</summary>
    private static string Days(IReadOnlyList<DayOfWeek> days)
    {
        var order = days.Select(d => ((int)d + 6) % 7).Distinct().Order().ToList();
        var runs = new List<string>();
        for (var i = 0; i < order.Count;)
        {
            var j = i;
            while (j + 1 < order.Count && order[j + 1] == order[j] + 1) j++;
            var first = DayNames[(order[i] + 1) % 7];
            var last = DayNames[(order[j] + 1) % 7];
            runs.Add(j - i >= 2 ? $"{first}至{last}" : j == i ? first : $"{first}、{last}");
            i = j + 1;
        }
        return string.Join("、", runs);
    }
}
