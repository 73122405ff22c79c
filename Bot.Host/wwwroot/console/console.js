// The staff console: plain DOM on the staff JSON APIs and the SignalR hub. Everything from the server is shown
// through textContent, never as markup.
(() => {
  'use strict';

  const DESK = ['Specialist', 'Supervisor', 'Admin'];
  const $ = id => document.getElementById(id);
  const state = { me: null, hub: null, queue: [], queueAt: 0, handoff: null, items: new Map(), departments: new Map() };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'text') node.textContent = value;
      else if (key === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
      else if (key.startsWith('data-') || key === 'type' || key === 'placeholder' || key === 'aria-label') node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (response.status === 401 && url !== '/api/staff/login') { showLogin(); throw new Error('请重新登录'); }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new Error(data && (data.detail || data.title) || `请求失败（${response.status}）`);
    return data;
  }

  function fail(error) {
    const box = $('error');
    box.textContent = error.message || String(error);
    box.hidden = false;
    clearTimeout(fail.timer);
    fail.timer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  const act = handler => event => { event.preventDefault(); Promise.resolve(handler(event)).catch(fail); };
  const isDesk = () => state.me && DESK.includes(state.me.role);
  const time = iso => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const duration = seconds => {
    const s = Math.max(0, Math.floor(seconds));
    return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
  };

  // ---- sign in ----

  function showLogin() {
    $('login').hidden = false;
    $('app').hidden = true;
    $('who').hidden = true;
    if (state.hub) { state.hub.stop(); state.hub = null; }
  }

  async function start(me) {
    state.me = me;
    $('login').hidden = true;
    $('app').hidden = false;
    $('who').hidden = false;
    $('me').textContent = `${me.displayName || me.userName}（${roleLabel(me.role)}${me.employeeNumber ? ' 工号' + me.employeeNumber : ''}${me.departmentId ? ' · ' + me.departmentId : ''}）`;
    $('desk').hidden = !isDesk();
    $('presence').hidden = !isDesk();
    await loadCatalogue().catch(fail);
    await connect();
    $('statistics').hidden = !isDesk();
    if (isDesk()) {
      await loadQueue();
      await resumeChat();
      await loadStatistics();
    }
    await loadTickets();
  }

  function roleLabel(role) {
    return { Specialist: '帮办导办专员', DepartmentHandler: '部门经办人', Supervisor: '督办', Curator: '知识库管理员', Admin: '管理员' }[role] || role;
  }

  $('login-form').addEventListener('submit', act(async () => {
    $('login-error').textContent = '';
    try {
      const me = await api('POST', '/api/staff/login', { userName: $('user-name').value.trim(), password: $('password').value });
      $('password').value = '';
      await start(me);
    } catch (error) {
      $('login-error').textContent = '登录失败：' + error.message;
    }
  }));

  $('logout').addEventListener('click', act(async () => {
    await api('POST', '/api/staff/logout');
    state.me = null;
    showLogin();
  }));

  // ---- live channel ----

  async function connect() {
    const hub = new signalR.HubConnectionBuilder().withUrl('/hubs/staff').withAutomaticReconnect().build();
    hub.on('Notice', onNotice);
    hub.onreconnecting(() => linkState('重新连接中…'));
    hub.onreconnected(async () => {
      linkState('已连接');
      // A new connection starts 在线 on the server: tell it again if this specialist had stepped away.
      if (isDesk() && !present()) await hub.invoke('SetPresence', false).catch(fail);
      if (isDesk()) loadQueue().catch(fail);
      loadTickets().catch(fail);
    });
    hub.onclose(() => linkState('未连接'));
    state.hub = hub;
    await hub.start();
    linkState('已连接');
  }

  function linkState(text) {
    $('link').textContent = text;
    document.body.dataset.hub = text === '已连接' ? 'connected' : 'disconnected';
  }

  const present = () => $('presence').getAttribute('aria-pressed') === 'true';

  $('presence').addEventListener('click', act(async () => {
    const online = !present();
    await state.hub.invoke('SetPresence', online);
    $('presence').setAttribute('aria-pressed', String(online));
    $('presence').textContent = online ? '在线' : '离开';
    if (online) await loadQueue();
  }));

  function onNotice(notice) {
    switch (notice.kind) {
      case 'queueChanged':
      case 'handoffAccepted':
        if (isDesk()) loadQueue().catch(fail);
        break;
      case 'citizenMessage':
        if (state.handoff && notice.subject === state.handoff.id) say('citizen', notice.summary);
        else if (isDesk()) loadQueue().catch(fail);
        break;
      case 'ticketChanged':
        loadTickets().catch(fail);
        if (isDesk()) loadStatistics().catch(fail);
        break;
      default:
        break;
    }
    if (notice.kind !== 'citizenMessage') {
      $('notices').prepend(el('li', { text: `${time(notice.at)} ${notice.summary}` }));
    }
  }

  // ---- queue and chat ----

  // Loads can overlap (a push arrives while a refresh is running): only the newest request may draw.
  const newest = load => {
    let latest = 0;
    return async () => {
      const mine = ++latest;
      const data = await load.fetch();
      if (mine === latest) load.draw(data);
    };
  };

  const loadQueue = newest({ fetch: () => api('GET', '/api/staff/handoffs'), draw: queue => {
    state.queue = queue;
    state.queueAt = Date.now();
    renderQueue();
  } });

  function renderQueue() {
    const list = $('queue');
    const elapsed = (Date.now() - state.queueAt) / 1000;
    list.replaceChildren(...state.queue.map(h => el('li', { 'data-handoff': h.id },
      el('div', { text: `原因：${h.reasonLabel}` }),
      el('div', { className: 'muted', text: `已等待 ${duration(h.waitingSeconds + elapsed)}`, 'data-wait': '' }),
      el('button', { type: 'button', className: 'primary', text: '接入', on: { click: act(() => accept(h.id)) } }))));
    $('queue-count').textContent = state.queue.length ? `（${state.queue.length}）` : '';
    $('queue-empty').hidden = state.queue.length > 0;
  }

  setInterval(() => { if (state.queue.length) renderQueue(); }, 1000);

  async function accept(id) {
    const handoff = await api('POST', `/api/staff/handoffs/${encodeURIComponent(id)}/accept`);
    openChat(handoff);
    await loadQueue();
  }

  // After a reload (or on a second screen) the chat this specialist holds comes back with everything said so far.
  async function resumeChat() {
    const held = await api('GET', '/api/staff/handoffs/mine');
    if (!held.length) return;
    const handoff = held[held.length - 1];
    const messages = await api('GET', `/api/staff/handoffs/${encodeURIComponent(handoff.id)}/messages`);
    openChat(handoff, '已恢复您正在进行的对话。');
    for (const m of messages) say(m.from === 'citizen' ? 'citizen' : 'me', m.text);
  }

  function openChat(handoff, opening = '您已接入，市民将看到“人工客服 工号… 为您服务”。') {
    state.handoff = handoff;
    $('chat').hidden = false;
    $('chat-title').textContent = `（${handoff.channelId} · 等待 ${duration(handoff.waitingSeconds)}）`;
    $('messages').replaceChildren();
    $('send-form').hidden = false;
    $('complete-form').hidden = false;
    say('system', opening);
    $('transcript').replaceChildren(...handoff.transcriptExcerpt.map(line =>
      el('li', { text: `${line.from === 'user' ? '市民' : '助手'}：${line.text.replace(/\*\*/g, '')}` }))); // the bot's bold marks, as plain text
    $('candidates').replaceChildren(...handoff.candidateItemIds.map(candidate));
    $('answers').replaceChildren(...Object.entries(handoff.situationAnswers).map(([question, answer]) => el('li', { text: `${question}：${answer}` })));
    $('contact').textContent = handoff.maskedContact ? `联系方式：${handoff.maskedContact}` : '';
    $('chat-input').focus();
  }

  function candidate(id) {
    const item = state.items.get(id);
    const name = item ? item.name : id;
    return el('li', {},
      el('span', { text: `${name}（${id}）` }), ' ',
      el('button', { type: 'button', className: 'small', text: '发送办事指南', on: { click: act(() =>
        send(`${name}的材料清单和办理方式请看：${location.origin}/checklists/${encodeURIComponent(id)}`)) } }), ' ',
      el('button', { type: 'button', className: 'small', text: '发送办理地点', on: { click: act(() => sendPlace(id)) } }));
  }

  const DAYS = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' };

  // The item's service point (the county centre first), as one message: name, address, window, hours, phone, map link.
  async function sendPlace(id) {
    const item = await api('GET', `/api/items/${encodeURIComponent(id)}`);
    const points = item.servicePoints || [];
    const point = points.find(p => p.kind === 'center') || points[0];
    if (!point) throw new Error('该事项没有登记办理地点');
    const hours = point.hours.map(h => `${h.days.map(d => DAYS[d] || d).join('、')} ${h.open}-${h.close}${h.note ? '（' + h.note + '）' : ''}`).join('；');
    const parts = [`${item.name}的办理地点：${point.name}`];
    if (point.address) parts.push(`地址：${point.address}`);
    if (point.windows.length) parts.push(`窗口：${point.windows.map(w => w.name).join('、')}`);
    if (hours) parts.push(`办公时间：${hours}`);
    if (point.phone) parts.push(`电话：${point.phone}`);
    if (point.navigationUrl) parts.push(`导航：${point.navigationUrl}`);
    await send(parts.join('\n'));
  }

  function say(kind, text) {
    const list = $('messages');
    list.append(el('li', { className: kind, text }));
    list.scrollTop = list.scrollHeight;
  }

  async function send(text) {
    if (!state.handoff || !text.trim()) return;
    await api('POST', `/api/staff/handoffs/${encodeURIComponent(state.handoff.id)}/messages`, { text });
    say('me', text);
  }

  $('send-form').addEventListener('submit', act(async () => {
    const input = $('chat-input');
    const text = input.value;
    await send(text);
    input.value = '';
  }));

  $('complete-form').addEventListener('submit', act(async () => {
    const note = $('summary').value.trim();
    if (!note) throw new Error('请填写服务小结');
    await api('POST', `/api/staff/handoffs/${encodeURIComponent(state.handoff.id)}/complete`, { note });
    say('system', '对话已结束，智能助手继续为市民服务。');
    $('summary').value = '';
    // The citizen is back with the assistant: nothing more can be sent; the chat can still become a ticket.
    $('send-form').hidden = true;
    $('complete-form').hidden = true;
  }));

  $('convert-form').addEventListener('submit', act(async () => {
    const description = $('ticket-description').value.trim();
    if (!description) throw new Error('请填写工单描述');
    const ticket = await api('POST', `/api/staff/handoffs/${encodeURIComponent(state.handoff.id)}/ticket`,
      { category: $('category').value, description });
    say('system', `已转为工单 ${ticket.number}`);
    $('ticket-description').value = '';
    await loadTickets();
  }));

  // ---- tickets ----

  async function loadCatalogue() {
    const items = await api('GET', '/api/items');
    for (const item of items) {
      state.items.set(item.id, item);
      if (item.department) state.departments.set(item.department.id, item.department.name);
    }
  }

  // A refresh (often set off by another console's change) keeps the rows that did not change as they are, so a note
  // being typed or a department being chosen in one of them is not wiped out under the user's hands.
  const loadTickets = newest({ fetch: () => api('GET', '/api/staff/tickets'), draw: tickets => {
    const shown = new Map([...$('tickets').children].map(row => [row.dataset.ticket, row]));
    $('tickets').replaceChildren(...tickets.map(t => {
      const row = shown.get(t.number);
      return row && row.dataset.version === ticketVersion(t) ? row : ticketRow(t);
    }));
    $('tickets-empty').hidden = tickets.length > 0;
  } });

  const ticketVersion = t => [t.status, t.escalationLevel, t.rating, t.leadDepartmentId, t.cycle].join('|');

  function ticketRow(t) {
    const lead = t.leadDepartmentId ? (state.departments.get(t.leadDepartmentId) || t.leadDepartmentId) : '';
    return el('tr', { 'data-ticket': t.number, 'data-version': ticketVersion(t) },
      el('td', { text: t.number }),
      el('td', { text: t.categoryLabel }),
      el('td', { text: t.statusLabel + (t.escalationLevel ? ` · 督办${t.escalationLevel}级` : '') + (t.ratingLabel ? ` · ${t.ratingLabel}` : ''), 'data-status': t.status }),
      el('td', { text: t.description }),
      el('td', { text: lead }),
      el('td', { className: 'actions' }, ...actions(t)));
  }

  function actions(t) {
    const move = (label, action, body) => el('button', { type: 'button', className: 'small', text: label, on: { click: act(async () => {
      await api('POST', `/api/staff/tickets/${encodeURIComponent(t.number)}/${action}`, body ? body() : undefined);
      await loadTickets();
    }) } });
    const note = el('input', { placeholder: '备注 / 办结说明', 'aria-label': `${t.number} 备注` });
    const noted = () => ({ note: note.value.trim() || null });
    const buttons = [];
    const role = state.me.role;
    if (isDesk()) {
      if (t.status === 'new') buttons.push(move('受理', 'accept', noted));
      if (t.status === 'accepted') {
        const lead = el('select', { 'aria-label': `${t.number} 牵头部门` },
          ...[...state.departments].map(([id, name]) => el('option', { value: id, text: `${name}（${id}）` })));
        buttons.push(lead, move('派单', 'dispatch', () => ({ leadDepartmentId: lead.value, cooperatingDepartmentIds: [], note: note.value.trim() || null })));
      }
      if (t.status === 'resolved') buttons.push(move('回访', 'return-visit', noted));
      if (t.status === 'returnVisited' || t.status === 'resolved') buttons.push(move('关闭', 'close', noted));
    }
    if (role === 'DepartmentHandler' || role === 'Supervisor' || role === 'Admin') {
      if (t.status === 'dispatched') buttons.push(move('开始办理', 'start', noted));
    }
    if (t.status === 'inProgress' && role !== 'Specialist') buttons.push(move('办结', 'resolve', noted));
    if (t.status === 'accepted' && isDesk()) buttons.push(move('办结', 'resolve', noted));
    buttons.push(el('button', { type: 'button', className: 'small', text: '办理记录', on: { click: act(() => showAudit(t.number)) } }));
    return buttons.length > 1 ? [note, ...buttons] : buttons;
  }

  async function showAudit(number) {
    const events = await api('GET', `/api/staff/tickets/${encodeURIComponent(number)}/audit`);
    $('audit-number').textContent = number;
    $('audit').replaceChildren(...events.map(e =>
      el('li', { text: `${time(e.at)} ${e.actionLabel}：${e.fromLabel || '—'} → ${e.toLabel}，${e.actor}${e.note ? '，' + e.note : ''}` })));
    $('audit-box').hidden = false;
  }

  $('refresh-tickets').addEventListener('click', act(loadTickets));

  // ---- statistics ----

  const loadStatistics = newest({ fetch: () => api('GET', `/api/staff/statistics?days=${encodeURIComponent($('statistics-days').value)}`), draw: s => {
    const minutes = value => value == null ? '—' : `${(value / 60).toFixed(1)} 分钟`;
    const figure = (label, value, key) => el('div', { 'data-figure': key }, el('dt', { text: label }), el('dd', { text: String(value) }));
    $('figures').replaceChildren(
      figure('排队中', s.queueLength, 'queue'),
      figure('最长等待', minutes(s.longestWaitSeconds), 'longest-wait'),
      figure('在线专员', s.specialistsOnline, 'online'),
      figure('转人工请求', s.handoffs, 'handoffs'),
      figure('已接入', s.handoffsAccepted, 'accepted'),
      figure('排队超时转工单', s.handoffsTimedOut, 'timed-out'),
      figure('等待时长（中位）', minutes(s.medianWaitSeconds), 'median-wait'),
      figure('等待时长（90%）', minutes(s.p90WaitSeconds), 'p90-wait'),
      figure('新登记工单', s.ticketsOpened, 'tickets'),
      figure('首次响应（中位）', s.medianFirstResponseMinutes == null ? '—' : `${s.medianFirstResponseMinutes.toFixed(0)} 分钟`, 'first-response'),
      figure('超期督办', s.slaBreaches, 'breaches'),
      figure('好评率', s.satisfactionRate == null ? '—' : `${(s.satisfactionRate * 100).toFixed(1)}%`, 'satisfaction'));
    const bars = (id, counts) => $(id).replaceChildren(...counts.map(c =>
      el('li', { 'data-key': c.key }, el('span', { text: c.label }), el('span', { text: String(c.value) }))));
    bars('ratings', s.ratings);
    bars('by-category', s.ticketsByCategory);
    bars('by-status', s.openTicketsByStatus);
    bars('by-kind', s.slaBreachesByKind);
  } });

  $('refresh-statistics').addEventListener('click', act(loadStatistics));
  $('statistics-days').addEventListener('change', act(loadStatistics));

  // ---- start ----

  api('GET', '/api/staff/me').then(start, showLogin);
})();
