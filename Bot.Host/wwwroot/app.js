// The citizen page: Microsoft's Web Chat on our Direct Line. The page never sees the channel secret: it asks
// /api/directline/token for a short-lived token bound to one conversation, and keeps it for this tab only.
(function () {
  'use strict';
  var KEY = 'govdoorplate.directline';
  var LARGE = 'govdoorplate.largeText';
  var doorplate = (location.pathname.match(/^\/d\/([^/]+)\/?$/) || [])[1];

  function styleOptions(large) {
    return {
      accent: '#1f4e9c',
      primaryFont: 'system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
      backgroundColor: '#ffffff',
      bubbleBackground: '#f3f5f9',
      bubbleBorderColor: '#dde3ec',
      bubbleBorderRadius: 10,
      bubbleFromUserBackground: '#1f4e9c',
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 10,
      bubbleMaxWidth: large ? 640 : 520,
      bubbleMinHeight: large ? 48 : 40,
      botAvatarInitials: '政',
      botAvatarBackgroundColor: '#c8102e',
      userAvatarInitials: '我',
      userAvatarBackgroundColor: '#1f4e9c',
      avatarSize: large ? 44 : 36,
      showAvatarInGroup: 'status',
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: '#1f4e9c',
      suggestedActionBorderRadius: 20,
      suggestedActionBorderWidth: 1,
      suggestedActionTextColor: '#1f4e9c',
      suggestedActionHeight: large ? 52 : 40,
      sendBoxHeight: large ? 64 : 48,
      sendBoxButtonColor: '#1f4e9c',
      sendBoxTextWrap: true,
      hideUploadButton: false,
      fontSizeSmall: large ? '90%' : '75%',
      timestampFormat: 'absolute',
      richCardWrapTitle: true,
      adaptiveCardsParserMaxVersion: '1.5'
    };
  }

  function readSession() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      return saved && saved.expiresAt - Date.now() > 60000 ? saved : null;
    } catch (e) { return null; }
  }

  function newSession() {
    return fetch('/api/directline/token', { method: 'POST' }).then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    }).then(function (body) {
      var session = { token: body.token, conversationId: body.conversationId, expiresAt: Date.now() + body.expires_in * 1000 };
      sessionStorage.setItem(KEY, JSON.stringify(session));
      return session;
    });
  }

  function start(session, resumed) {
    var directLine = window.WebChat.createDirectLine({
      domain: location.origin + '/v3/directline',
      token: session.token,
      conversationId: resumed ? session.conversationId : undefined
    });
    // On connect, tell the bot where the citizen came from: a doorplate's item or place, or the plain page.
    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            var event = doorplate
              ? { name: 'doorplate/open', value: { id: decodeURIComponent(doorplate) } }
              : (resumed ? null : { name: 'webchat/join', value: { locale: 'zh-CN' } });
            if (event) setTimeout(function () { api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: event }); }, 0);
          }
          return next(action);
        };
      };
    });
    var element = document.getElementById('webchat');
    function render() {
      var large = document.body.classList.contains('large-text');
      window.WebChat.renderWebChat({ directLine: directLine, store: store, locale: 'zh-CN', styleOptions: styleOptions(large) }, element);
    }
    render();

    Array.prototype.forEach.call(document.querySelectorAll('[data-say]'), function (button) {
      button.addEventListener('click', function () {
        store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: button.getAttribute('data-say') } });
      });
    });
    var toggle = document.getElementById('large-text');
    function applyLarge(on) {
      document.body.classList.toggle('large-text', on);
      toggle.setAttribute('aria-pressed', String(on));
      toggle.textContent = on ? '标准字' : '大字';
      try { localStorage.setItem(LARGE, on ? '1' : '0'); } catch (e) { /* private mode */ }
      render();
    }
    toggle.addEventListener('click', function () { applyLarge(!document.body.classList.contains('large-text')); });
    if (localStorage.getItem(LARGE) === '1') applyLarge(true);
  }

  var saved = doorplate ? null : readSession();
  (saved ? Promise.resolve(saved) : newSession()).then(function (session) { start(session, !!saved); }).catch(function () {
    document.getElementById('webchat').innerHTML =
      '<p style="padding:16px">暂时无法连接，请稍后刷新重试，或拨打政务服务便民热线 <a href="tel:12345">12345</a>。</p>';
  });
})();
