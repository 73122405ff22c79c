// Embed the GovDoorplate widget on another site:
//   <script src="https://ASSISTANT-HOST/embed.js" data-doorplate="GA-04" async></script>
// A floating button opens the citizen page in an iframe. The embedding site's origin must be listed in
// Channels:Embed:AllowedOrigins, or the browser refuses to frame the page (CSP frame-ancestors).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__govdoorplateEmbed) return;
  window.__govdoorplateEmbed = true;
  var origin = new URL(script.src).origin;
  var id = script.getAttribute('data-doorplate');
  var src = origin + (id ? '/d/' + encodeURIComponent(id) : '/');
  var label = script.getAttribute('data-label') || '办事咨询';

  var style = document.createElement('style');
  style.textContent =
    '.gdp-button{position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:52px;padding:0 20px;border:0;' +
    'border-radius:26px;background:#1f4e9c;color:#fff;font:600 16px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;' +
    'box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}' +
    '.gdp-button:focus-visible{outline:3px solid #ffd54f}' +
    '.gdp-frame{position:fixed;right:16px;bottom:80px;z-index:2147483000;width:380px;height:640px;max-height:calc(100vh - 96px);' +
    'border:0;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);background:#fff}' +
    '@media (max-width:480px){.gdp-frame{right:0;bottom:0;width:100vw;height:100vh;max-height:none;border-radius:0}' +
    '.gdp-open .gdp-button{bottom:auto;top:8px;right:8px;min-height:40px}}';
  document.head.appendChild(style);

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'gdp-button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  var frame = null;
  button.addEventListener('click', function () {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.className = 'gdp-frame';
      frame.title = '数字政务门牌 · 办事咨询';
      frame.src = src;
      frame.allow = 'clipboard-write';
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    var open = !frame.hidden;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '关闭' : label;
    document.documentElement.classList.toggle('gdp-open', open);
  });
  document.body.appendChild(button);
})();
