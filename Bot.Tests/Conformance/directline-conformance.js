// Drives a running GovDoorplate host with Microsoft's own Direct Line client (botframework-directlinejs) and prints
// one line per check: "CHECK <name> ok|fail <detail>", then "SUMMARY <passed> <failed>". The xunit test parses these.
//   node directline-conformance.js http://127.0.0.1:PORT websocket|polling   (secret in DIRECTLINE_SECRET)
'use strict';
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [base, mode] = process.argv.slice(2);
const webSocket = mode === 'websocket';
const secret = process.env.DIRECTLINE_SECRET;
const results = [];
const check = (name, ok, detail) => {
  results.push(ok);
  console.log(`CHECK ${name} ${ok ? 'ok' : 'fail'} ${detail === undefined ? '' : JSON.stringify(detail)}`);
};

function connect(options) {
  const client = new DirectLine({ domain: `${base}/v3/directline`, webSocket, pollingInterval: 200, timeout: 10000, ...options });
  const seen = [];
  const waiters = [];
  client.activity$.subscribe(activity => {
    seen.push(activity);
    for (const waiter of waiters.splice(0)) if (!waiter(activity)) waiters.push(waiter);
  }, error => console.log(`ERROR activity$ ${error && error.message}`));
  const until = (predicate, ms = 15000) => new Promise((resolve, reject) => {
    const hit = seen.find(predicate);
    if (hit) return resolve(hit);
    const timer = setTimeout(() => reject(new Error('timed out waiting for an activity')), ms);
    waiters.push(activity => { if (!predicate(activity)) return false; clearTimeout(timer); resolve(activity); return true; });
  });
  const post = activity => new Promise((resolve, reject) =>
    client.postActivity({ from: { id: 'node-user', name: '测试用户' }, ...activity }).subscribe(resolve, reject));
  return { client, seen, until, post };
}

async function turn(session, text) {
  const id = await session.post({ type: 'message', text, locale: 'zh-CN' });
  const echo = await session.until(a => a.id === id);
  const reply = await session.until(a => a.replyToId === id);
  return { id, echo, reply };
}

(async () => {
  const generated = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { Authorization: `Bearer ${secret}` } });
  const { token, conversationId } = await generated.json();
  check('token-generated', generated.status === 200 && !!token, { status: generated.status });

  const first = connect({ token });
  await new Promise(resolve => first.client.connectionStatus$.subscribe(s => s === ConnectionStatus.Online && resolve()));
  check('online', first.client.conversationId === conversationId, { conversationId: first.client.conversationId });

  const one = await turn(first, '我想开个小饭馆');
  check('turn-1', one.echo.from.id === 'node-user' && one.reply.text === '你说：我想开个小饭馆' && one.reply.from.role === 'bot',
    { echo: one.echo.text, reply: one.reply.text });
  check('suggested-actions', (one.reply.suggestedActions?.actions || []).map(a => a.title).join('|') === '查材料清单|在哪办');
  const two = await turn(first, '查材料清单');
  const card = two.reply.attachments && two.reply.attachments[0];
  check('turn-2-adaptive-card', !!card && card.contentType === 'application/vnd.microsoft.card.adaptive' && card.content.type === 'AdaptiveCard',
    { contentType: card && card.contentType });
  const watermark = first.client.watermark;
  const three = await turn(first, '在哪办');
  check('turn-3', three.reply.text === '你说：在哪办', { reply: three.reply.text });
  const ids = first.seen.map(a => a.id);
  check('no-duplicates', new Set(ids).size === ids.length && ids.length === 6, { count: ids.length });
  check('ordered', ids.every((id, i) => i === 0 || id > ids[i - 1]), ids);
  first.client.end();

  // Reconnect as a page reload would: same conversation, the watermark after turn 2; only turn 3 comes again.
  const again = connect({ token, conversationId, watermark });
  const replayed = await again.until(a => a.id === three.reply.id);
  await new Promise(resolve => setTimeout(resolve, 500));
  check('reconnect-with-watermark', replayed.text === '你说：在哪办' && again.seen.every(a => a.id > (two.reply.id)),
    { watermark, replayed: again.seen.map(a => a.id) });
  const four = await turn(again, '谢谢');
  check('turn-after-reconnect', four.reply.text === '你说：谢谢', { reply: four.reply.text });
  again.client.end();

  const failed = results.filter(ok => !ok).length;
  console.log(`SUMMARY ${results.length - failed} ${failed}`);
  process.exit(failed === 0 ? 0 : 1);
})().catch(error => {
  console.log(`ERROR ${error && error.stack || error}`);
  console.log(`SUMMARY ${results.filter(Boolean).length} ${results.filter(ok => !ok).length + 1}`);
  process.exit(1);
});
