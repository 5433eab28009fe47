// Drives Microsoft's Teams simulator (Agents Playground) over its own HTTP API, as its web UI does, and checks what the
// bot answered on the wire: a welcome card on install (once), help for text it does not know, and a card button that
// sends its command back. Prints one line per check and "N passed, N failed".
const base = process.env.PLAYGROUND_BASE;
const waitMs = Number(process.env.WAIT_MS ?? 20000);
const events = [];
let passed = 0;
let failed = 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

async function until(predicate, ms = waitMs) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const found = predicate();
    if (found) return found;
    await sleep(100);
  }
  return predicate();
}

const cards = (ev) => (ev.message.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
const textOf = (ev) => [ev.message.text ?? '', ...cards(ev).map((a) => JSON.stringify(a.content))].join(' ');

function findAction(node, title) {
  if (!node || typeof node !== 'object') return null;
  if (typeof node.type === 'string' && node.type.startsWith('Action.') && node.title === title) return node;
  for (const value of Object.values(node)) {
    const found = findAction(value, title);
    if (found) return found;
  }
  return null;
}

const config = (await (await fetch(`${base}/_internal/v1/config`)).json()).config;
const conversationId = config.personalChat.id;
const userId = config.currentUser.id;
const ws = new WebSocket(`${base.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error('websocket failed')); });
ws.onmessage = (message) => {
  const ev = JSON.parse(message.data);
  if ((ev.action === 'createMessage' || ev.action === 'updateMessage') && (!ev.actionConversationId || ev.actionConversationId === conversationId)) events.push(ev);
};

// 1. Install: the simulator sends installationUpdate and conversationUpdate; the bot welcomes once, with a card.
await fetch(`${base}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
});
const welcome = await until(() => events.find((ev) => cards(ev).length && textOf(ev).includes('Hello')));
await sleep(1500);
check('install is welcomed with an Adaptive Card', Boolean(welcome), `bot said: ${events.map(textOf).join(' | ')}`);
check('the welcome comes once', events.filter((ev) => textOf(ev).includes('Hello')).length === 1, `${events.length} messages`);
const welcomeCard = welcome && cards(welcome)[0].content;
check('the welcome card is version 1.5 with a Promote staging button', welcomeCard?.version === '1.5' && Boolean(findAction(welcomeCard, 'Promote staging')));

// 2. Text the bot does not know gets the help text.
let before = events.length;
await fetch(`${base}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ from: { id: userId }, text: 'hello there', textFormat: 'plain' }),
});
const help = await until(() => events.slice(before).find((ev) => textOf(ev).includes('Commands:')));
check('unknown text is answered with help', Boolean(help), events.slice(before).map(textOf).join(' | ') || 'no answer');

// 3. A card button (Action.Submit) sends its command back as a message, and the bot answers it.
const button = welcomeCard && findAction(welcomeCard, 'Help');
before = events.length;
const submitted = button && await fetch(`${base}/_conversation/v1/submit`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ conversation: { id: conversationId }, from: { id: userId }, replyToId: welcome.message.messageId, value: button.data }),
});
const answer = submitted?.ok && await until(() => events.slice(before).find((ev) => textOf(ev).toLowerCase().includes('help')));
check('a card button is answered', Boolean(answer), submitted ? `submit HTTP ${submitted.status}` : 'no Help button');

ws.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
