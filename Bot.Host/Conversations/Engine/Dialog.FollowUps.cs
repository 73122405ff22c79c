using System.Globalization;
using Bot.Host.Conversations.Replies;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;

namespace Bot.Host.Conversations.Engine;

internal sealed partial class Dialog
{
    private const double FaqMatch = 0.5;

    /// <summary>"要带什么？" "在哪办？" "周末开门吗？" "要多久？" "收费吗？" and the item's FAQs, about the current subject.</summary>
    private async Task<bool> TryFollowUpAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var subject = state.Subject!;
        var text = turn.Text;
        if (BestFaq(subject, text) is { } faq && CitizenText.Similarity(text, faq.Question) >= 0.75)
        {
            AnswerFaq(turn, faq);
            return true;
        }
        switch (Phrases.FollowUp(text))
        {
            case Ask.Materials: await NextQuestionOrChecklistAsync(turn, cancellationToken); return true;
            case Ask.Where: Places(turn); return true;
            case Ask.Hours: Places(turn, hoursOnly: true); return true;
            case Ask.Duration: Say(turn, "duration", TimeLimitText(subject)); return true;
            case Ask.Fee: Say(turn, "fee", FeeText(subject)); return true;
            case Ask.Online: Online(turn); return true;
            case Ask.Conditions: Say(turn, "conditions", ConditionsText(subject)); return true;
            case Ask.Faqs: Faqs(turn); return true;
        }
        if (BestFaq(subject, text) is { } close && CitizenText.Similarity(text, close.Question) >= FaqMatch)
        {
            AnswerFaq(turn, close);
            return true;
        }
        if (state.Township is not null && Township(Knowledge, text) is not null && text.Length <= 8)
        {
            Places(turn);
            return true;
        }
        return false;
    }

    private void Say(Turn turn, string kind, string text)
    {
        turn.Say(Reply.Message(text, FollowUpButtons()));
        turn.State.LastAnswer = $"{kind}:{turn.State.Subject}";
    }

    private static IEnumerable<Bot.Host.Conversations.Activities.CardAction> FollowUpButtons() =>
        new[] { "材料清单", "在哪办", "网上办", "常见问题" }.Select(o => Reply.Button(o));

    private IEnumerable<Faq> SubjectFaqs(string subject) =>
        Knowledge.Bundles.TryGetValue(subject, out var bundle)
            ? bundle.Faqs.Concat(bundle.Steps.SelectMany(s => Knowledge.Items[s.ItemId].Faqs))
            : Knowledge.Items[subject].Faqs;

    private Faq? BestFaq(string subject, string text) =>
        SubjectFaqs(subject).MaxBy(f => CitizenText.Similarity(text, f.Question));

    private void AnswerFaq(Turn turn, Faq faq) =>
        Say(turn, "faq", $"**{Reply.Md(faq.Question)}**\n\n{Reply.Md(faq.Answer)}");

    private void Faqs(Turn turn)
    {
        var faqs = SubjectFaqs(turn.State.Subject!).Take(6).ToList();
        turn.Say(Reply.Message($"关于“{Reply.Md(DisplayName(turn.State.Subject!))}”，大家常问：\n\n" + string.Join("\n", faqs.Select((f, i) => $"{i + 1}. {Reply.Md(f.Question)}")),
            faqs.Select(f => Reply.Button(f.Question.Length <= 20 ? f.Question : f.Question[..20], f.Question))));
        turn.State.LastAnswer = $"faqs:{turn.State.Subject}";
    }

    private string TimeLimitText(string subject)
    {
        var limit = Knowledge.Items.TryGetValue(subject, out var item) ? item.TimeLimit : Knowledge.Bundles[subject].TimeLimit;
        if (limit is null) return "办理时限以各事项为准，请点“材料清单”查看每一步。";
        var promised = limit.PromisedDays switch { 0 => "即来即办（材料齐全当场办结）", { } d => $"承诺{d}个工作日内办结", null => null };
        var statutory = limit.StatutoryDays is { } s and > 0 ? $"法定时限{s}个工作日" : null;
        return $"“{Reply.Md(DisplayName(subject))}”的办理时限：{string.Join("，", new[] { promised, statutory }.OfType<string>())}。{Reply.Md(limit.Note)}";
    }

    private string FeeText(string subject)
    {
        if (!Knowledge.Items.TryGetValue(subject, out var item))
            return "这个一件事涉及的事项收费标准不同：" + string.Join("；", Knowledge.Bundles[subject].Steps.Select(s => FeeLine(Knowledge.Items[s.ItemId])));
        return FeeLine(item);
    }

    private static string FeeLine(ServiceItem item) =>
        $"“{Reply.Md(item.Name)}”{(item.Fee.Free ? "不收费" : "需要交费")}{(item.Fee.Note is { } note ? $"：{Reply.Md(note)}" : "")}";

    private string ConditionsText(string subject) =>
        Knowledge.Items.TryGetValue(subject, out var item) && item.Conditions.Count > 0
            ? $"办理“{Reply.Md(item.Name)}”的条件：\n\n" + string.Join("\n", item.Conditions.Select((c, i) => $"{i + 1}. {Reply.Md(c)}"))
            : "这件事的办理条件请看每个事项的说明，可以点“材料清单”逐项了解。";

    private void Online(Turn turn)
    {
        var subject = turn.State.Subject!;
        var channels = Knowledge.Items.TryGetValue(subject, out var item) ? item.OnlineChannels : Knowledge.Bundles[subject].OnlineChannels;
        if (channels.Count == 0)
        {
            Say(turn, "online", $"“{Reply.Md(DisplayName(subject))}”目前需要到现场办理。点“在哪办”看看离您最近的地方。");
            return;
        }
        turn.Say(Reply.Message($"“{Reply.Md(DisplayName(subject))}”可以这样在网上办：\n\n" +
            string.Join("\n", channels.Select(c => $"- **{Reply.Md(c.Name)}**：{Reply.Md(c.Can)}")),
            channels.Take(3).Select(c => Reply.Link($"打开{c.Name}", c.Url)).Concat(FollowUpButtons())));
        turn.State.LastAnswer = $"online:{subject}";
    }

    /// <summary>Where to go: nearest first when the citizen's place is known, open now or next opening, window, navigation.</summary>
    private void Places(Turn turn, bool hoursOnly = false)
    {
        var state = turn.State;
        var subject = state.Subject!;
        var places = Knowledge.Items.TryGetValue(subject, out var item) ? item.ServicePoints : Knowledge.Bundles[subject].ServicePoints;
        var origin = state.Latitude is { } lat && state.Longitude is { } lng ? new GeoPoint(lat, lng) : null;
        var points = PlaceFinder.Order(places.Select(p => Knowledge.ServicePoints[p.PointId]), origin, state.Township);
        var halls = points.Where(p => p.Kind != ServicePointKind.Kiosk).Take(3).ToList();
        var kiosks = points.Where(p => p.Kind == ServicePointKind.Kiosk).Take(2).ToList();
        var now = LocalNow();
        var lines = halls.Select((p, i) =>
        {
            var windows = places.First(x => x.PointId == p.Id).Windows.Select(w => p.Windows.First(x => x.Id == w)).Select(w => $"{w.Id} {w.Name}");
            var distance = origin is not null && p.Location is { } at ? $"（约{PlaceFinder.DistanceKm(origin, at):0.#}公里）" : "";
            return $"{i + 1}. **{Reply.Md(p.Name)}**{distance}\n   {Reply.Md(p.Address)}\n   窗口：{Reply.Md(string.Join("、", windows))}\n   {OpenText(p, now)}" +
                   (hoursOnly ? $"\n   {Reply.Md(HoursText(p))}" : "") + (p.NavigationUrl is { } url ? $"\n   [导航前往]({url})" : "");
        });
        var text = $"“{Reply.Md(DisplayName(subject))}”可以在这些地方办：\n\n{string.Join("\n", lines)}";
        if (kiosks.Count > 0)
            text += $"\n\n自助终端也能办：{string.Join("、", kiosks.Select(k => $"{Reply.Md(k.Name)}（{OpenText(k, now)}）"))}";
        if (origin is null && state.Township is null)
            text += "\n\n告诉我您在哪个乡镇（如“我在东河镇”），我按远近为您排序。";
        var buttons = halls.Where(p => p.NavigationUrl is not null).Take(2).Select(p => Reply.Link($"导航到{p.Name}", p.NavigationUrl!)).Concat(FollowUpButtons());
        turn.Say(Reply.Message(text, buttons));
        state.LastAnswer = $"places:{subject}";
    }

    private DateTime LocalNow() =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Options.TimeZone)).DateTime;

    private static readonly string[] DayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    private static string OpenText(ServicePoint point, DateTime now)
    {
        if (PlaceFinder.IsOpen(point, now)) return "现在正在办公";
        if (PlaceFinder.NextOpening(point, now) is not { } next) return "开放时间请电话咨询";
        var day = next.Date == now.Date ? "今天" : next.Date == now.Date.AddDays(1) ? "明天" : DayNames[(int)next.DayOfWeek];
        return $"现在不在办公时间，下次开门：{day} {next.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static string HoursText(ServicePoint point) =>
        "办公时间：" + string.Join("；", point.Hours.Select(h =>
            $"{DaysText(h.Days)} {h.Open:HH\\:mm}-{(h.Close == TimeOnly.MaxValue ? "24:00" : h.Close.ToString("HH\\:mm", CultureInfo.InvariantCulture))}{(h.Note is null ? "" : $"（{h.Note}）")}"));

    private static string DaysText(IReadOnlyList<DayOfWeek> days)
    {
        var set = days.ToHashSet();
        if (set.Count == 7) return "每天";
        if (set.SetEquals([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday])) return "周一至周五";
        return string.Join("、", days.Select(d => DayNames[(int)d]));
    }
}
