using System.Text;
using System.Text.Encodings.Web;

namespace Bot.Host.Doorplates;

/// <summary>The printable doorplate: A5 by default, A4 with <c>?size=A4</c>; the print rules are in wwwroot/doorplate.css.</summary>
internal static class DoorplatePage
{
    public static string Render(Doorplate plate, string deepLink, string paperSize)
    {
        var h = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>政务门牌 · {{h.Encode(plate.Name)}}</title>
            <link rel="stylesheet" href="/doorplate.css">
            <style>@page { size: {{paperSize}} portrait; margin: 10mm; }</style>
            </head>
            <body class="paper-{{paperSize.ToLowerInvariant()}}">
            <main class="doorplate">
              <header class="doorplate-band"><span class="emblem" aria-hidden="true">政</span><span>数字政务门牌</span></header>
              <h1 class="doorplate-name">{{h.Encode(plate.Name)}}</h1>
            """);
        if (plate.Subtitle is not null) html.Append($"""<p class="doorplate-subtitle">{h.Encode(plate.Subtitle)}</p>""");
        html.Append($"""
              <p class="doorplate-department">{h.Encode(plate.Department)}</p>
              <figure class="doorplate-qr">
                <img src="/doorplates/{h.Encode(plate.Id)}.svg" alt="扫码咨询 {h.Encode(plate.Name)}">
                <figcaption>微信或手机相机扫码：问办事、查材料、找窗口</figcaption>
              </figure>
              <dl class="doorplate-facts">
            """);
        if (plate.Place is not null) html.Append($"<dt>办理地点</dt><dd>{h.Encode(plate.Place)}</dd>");
        if (plate.Address is not null) html.Append($"<dt>地址</dt><dd>{h.Encode(plate.Address)}</dd>");
        if (plate.Hours.Count > 0) html.Append($"<dt>办公时间</dt><dd>{string.Join("<br>", plate.Hours.Select(h.Encode))}</dd>");
        html.Append($"""
                <dt>咨询投诉</dt><dd class="hotline">政务服务便民热线 {Doorplate.Hotline}</dd>
              </dl>
              <footer class="doorplate-link">{h.Encode(deepLink)}</footer>
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
