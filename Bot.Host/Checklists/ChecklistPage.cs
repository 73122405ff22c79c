using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Checklists;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;
using QRCoder;

namespace Bot.Host.Checklists;

/// <summary>Renders a checklist as a printable A4 page with a QR code back to itself. Every text is HTML-encoded.</summary>
internal static class ChecklistPage
{
    // Encodes markup characters but keeps Chinese readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(Checklist checklist, KnowledgeSnapshot knowledge, string pageUrl, DateTimeOffset created)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>材料清单 · {E(checklist.SubjectName)}</title>
            <style>{Css}</style></head><body>
            <header><div><p class="org">示例县政务服务中心 · 一次性告知材料清单</p><h1>{E(checklist.SubjectName)}</h1>
            <p class="meta">清单编号 {E(pageUrl[(pageUrl.LastIndexOf('/') + 1)..])} · 打印于 {created.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}</p></div>
            <figure class="qr">{QrSvg(pageUrl)}<figcaption>扫码查看本清单</figcaption></figure></header>
            <button class="print" onclick="window.print()">打印清单</button>
            """);
        if (checklist.Situation.Count > 0)
        {
            page.Append("<section><h2>您的情况</h2><dl>");
            foreach (var s in checklist.Situation) page.Append(CultureInfo.InvariantCulture, $"<dt>{E(s.Question)}</dt><dd>{E(s.Answer)}</dd>");
            page.Append("</dl></section>");
        }
        if (checklist.Shared.Count > 0)
        {
            page.Append("<section><h2>共用材料（带一份即可）</h2><ol>");
            foreach (var shared in checklist.Shared)
                page.Append(MaterialItem(shared.Material, shared.Name, $"用于：{string.Join("、", shared.UsedBy)}"));
            page.Append("</ol></section>");
        }
        foreach (var step in checklist.Steps)
        {
            var title = checklist.IsBundle ? $"第{step.Order}步：{step.Item.Name}" : "需要准备的材料";
            page.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(title)}</h2>");
            if (step.Note is not null) page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(step.Note)}</p>");
            page.Append("<ol>");
            foreach (var material in step.Materials) page.Append(MaterialItem(material, material.Name, null));
            if (step.Materials.Count == 0) page.Append("<li>本步无需另带材料</li>");
            page.Append("</ol>");
            page.Append(Facts(step.Item, knowledge));
            page.Append("</section>");
        }
        page.Append("<footer>本清单依据示例县公开的办事指南生成（示例数据）。材料以窗口最终审核为准；如有疑问请拨打 12345。</footer></body></html>");
        return page.ToString();
    }

    private static string MaterialItem(Material m, string name, string? usedBy)
    {
        var item = new StringBuilder();
        item.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(name)}</strong> <span class=\"form\">{E(m.Form.Label())}{(m.Copies > 1 ? $" × {m.Copies}份" : "")}</span>");
        if (!m.Required) item.Append(" <span class=\"optional\">如有</span>");
        if (usedBy is not null) item.Append(CultureInfo.InvariantCulture, $"<div class=\"used\">{E(usedBy)}</div>");
        if (m.Source is not null) item.Append(CultureInfo.InvariantCulture, $"<div class=\"used\">来源：{E(m.Source)}</div>");
        if (m.ReviewPoints.Count > 0)
        {
            item.Append("<ul class=\"review\">");
            foreach (var point in m.ReviewPoints) item.Append(CultureInfo.InvariantCulture, $"<li>{E(point)}</li>");
            item.Append("</ul>");
        }
        if (m.Sample is { } sample && Uri.TryCreate(sample.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
            item.Append(CultureInfo.InvariantCulture, $"<div class=\"sample\">样表：<a href=\"{E(url.ToString())}\">{E(sample.Name)}</a></div>");
        if (m.Note is not null) item.Append(CultureInfo.InvariantCulture, $"<div class=\"used\">{E(m.Note)}</div>");
        return item.Append("</li>").ToString();
    }

    private static string Facts(ServiceItem item, KnowledgeSnapshot knowledge)
    {
        var facts = new StringBuilder("<dl class=\"facts\">");
        var limit = item.TimeLimit.PromisedDays is 0 ? "即来即办" : item.TimeLimit.PromisedDays is { } d ? $"承诺{d}个工作日" : "以窗口告知为准";
        facts.Append(CultureInfo.InvariantCulture, $"<dt>办理时限</dt><dd>{E(limit)}{(item.TimeLimit.Note is null ? "" : "，" + E(item.TimeLimit.Note))}</dd>");
        facts.Append(CultureInfo.InvariantCulture, $"<dt>收费</dt><dd>{(item.Fee.Free ? "不收费" : "收费")}{(item.Fee.Note is null ? "" : "，" + E(item.Fee.Note))}</dd>");
        var halls = item.ServicePoints.Select(p => (Point: knowledge.ServicePoints[p.PointId], p.Windows)).Where(p => p.Point.Kind != ServicePointKind.Kiosk).Take(3);
        foreach (var (point, windows) in halls)
            facts.Append(CultureInfo.InvariantCulture, $"<dt>办理地点</dt><dd>{E(point.Name)}，{E(point.Address ?? "")}，窗口 {E(string.Join("、", windows))}</dd>");
        foreach (var channel in item.OnlineChannels.Take(2))
            facts.Append(CultureInfo.InvariantCulture, $"<dt>网上办</dt><dd>{E(channel.Name)}：{E(channel.Can)}</dd>");
        return facts.Append("</dl>").ToString();
    }

    private static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(132, 132), "#000", "#fff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private static string E(string text) => Html.Encode(text);

    private const string Css = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:780px;margin:0 auto;padding:16px;color:#1a1a1a;line-height:1.55}
        header{display:flex;justify-content:space-between;gap:16px;border-bottom:3px solid #b71c1c;padding-bottom:8px}
        h1{margin:4px 0;font-size:1.5em}h2{font-size:1.1em;border-left:4px solid #b71c1c;padding-left:8px;margin-top:20px}
        .org{color:#b71c1c;margin:0;font-weight:bold}.meta{color:#555;margin:0;font-size:.9em}
        .qr{margin:0;text-align:center;font-size:.8em;color:#555}.qr svg{width:120px;height:120px}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#555}dd{margin:0}
        ol>li{margin-bottom:10px}.form{color:#0d47a1}.optional{color:#8d6e63}.used,.sample,.note{font-size:.9em;color:#444}
        ul.review{margin:2px 0 0 0;padding-left:18px;font-size:.9em;color:#333}
        .print{margin:12px 0;padding:8px 20px;font-size:1em}
        footer{margin-top:24px;font-size:.85em;color:#666;border-top:1px solid #ccc;padding-top:8px}
        @page{size:A4;margin:15mm}
        @media print{.print{display:none}body{max-width:none;padding:0;font-size:11pt}section{break-inside:avoid-page}}
        """;
}
