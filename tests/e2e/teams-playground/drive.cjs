// The promotion scenario, as a Teams user types it into Microsoft's local Teams simulator.
// Started by run.sh with SIMULATOR_URL, OUT, E2E_MODE (api | ui) and CHROMIUM in the environment.
//
//   1. "promote staging": the bot posts a status card and updates it in place until the run has succeeded.
//   2. "promote production skip parity": the bot refuses with "Cannot skip parity for production".
//
// The bot's messages arrive on the simulator's conversation websocket (new messages and in-place updates);
// transcript.txt gets one line per message or update. Exit 0 when both steps did what they should.
'use strict';
const fs = require('fs');
const path = require('path');
// Node 22+ (or 20 with --experimental-websocket) has a WebSocket client; older Node uses the ws package (run.sh installs it).
const WebSocketClient = typeof WebSocket === 'function' ? WebSocket : require('ws');

const SIMULATOR = process.env.SIMULATOR_URL.replace(/\/$/, '');
const OUT = process.env.OUT;
const MODE = process.env.E2E_MODE || 'api';
const STEP_TIMEOUT_MS = parseInt(process.env.E2E_STEP_TIMEOUT_MS || '120000', 10);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const transcript = path.join(OUT, 'transcript.txt');
fs.writeFileSync(transcript, '');
const write = (line) => { console.log(line); fs.appendFileSync(transcript, line + '\n'); };

// ---- what the bot said: messages by id, each with every version it had ----
const messages = new Map(); // messageId -> { versions: [activity], order }
let order = 0;
function textOf(activity) {
  const parts = [activity.text || ''];
  const walk = (node) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node.type === 'TextBlock' && node.text) parts.push(node.text);
    if (node.type === 'FactSet') (node.facts || []).forEach((fact) => parts.push(`${fact.title}: ${fact.value}`));
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && node.title) parts.push(`[${node.title}]`);
    for (const key of ['body', 'items', 'columns', 'actions', 'card', 'inlines']) if (node[key]) walk(node[key]);
  };
  for (const attachment of activity.attachments || []) walk(attachment.content);
  return parts.filter(Boolean).join(' | ').replace(/\s*\n+\s*/g, ' / ');
}
const isCard = (activity) => (activity.attachments || []).some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');

function onConversationEvent(event) {
  if (event.action !== 'createMessage' && event.action !== 'updateMessage') return;
  const activity = event.message;
  const id = activity.messageId || activity.id;
  if (!messages.has(id)) messages.set(id, { versions: [], order: order++ });
  messages.get(id).versions.push(activity);
  write(`${event.action === 'updateMessage' ? 'bot (updated)' : 'bot'}: ${textOf(activity)}`);
}

function openSocket(route, onMessage) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocketClient(SIMULATOR.replace(/^http/, 'ws') + route);
    socket.addEventListener('open', () => resolve(socket));
    socket.addEventListener('error', () => reject(new Error(`websocket ${route} failed`)));
    socket.addEventListener('message', (message) => onMessage(JSON.parse(message.data)));
  });
}

async function waitFor(description, check) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = check();
    if (found) return found;
    await pause(250);
  }
  throw new Error(`timed out after ${STEP_TIMEOUT_MS} ms waiting for: ${description}`);
}

const since = (mark) => [...messages.values()].filter((m) => m.order >= mark);
const latest = (m) => m.versions[m.versions.length - 1];
const GATES = ['Validate Request', 'CI Gate', 'Policy Gate', 'Rehearsal Gate', 'Parity Gate', 'Deploy'];

async function main() {
  const config = (await (await fetch(`${SIMULATOR}/_internal/v1/config`)).json()).config;
  const conversationId = config.personalChat.id;
  const userId = config.currentUser.id;
  const traffic = path.join(OUT, 'traffic.jsonl');
  fs.writeFileSync(traffic, '');
  const sockets = [
    await openSocket('/_ws/log/stream', (m) => m.log && fs.appendFileSync(traffic, JSON.stringify(m.log) + '\n')),
    await openSocket('/_ws_conversation/v1/conversations/stream', (event) => {
      if (!event.actionConversationId || event.actionConversationId === conversationId) onConversationEvent(event);
    }),
  ];

  let browser = null;
  let page = null;
  let say;
  if (MODE === 'ui') {
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM,
      headless: true,
      // The web UI asks a CDN for fonts; nothing may leave the machine, so no name resolves but loopback.
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.route('**/*', (route) => (['127.0.0.1', 'localhost'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
    await page.goto(`${SIMULATOR}/`, { waitUntil: 'networkidle' });
    await page.locator('button[aria-label="Personal Chat"]').click(); // opening the chat installs the app
    say = async (text) => {
      const compose = page.locator('[data-lexical-editor="true"]');
      await compose.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
  } else {
    await fetch(`${SIMULATOR}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
    });
    say = async (text) => {
      const response = await fetch(`${SIMULATOR}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: userId }, text, textFormat: 'plain' }),
      });
      if (!response.ok) throw new Error(`sending "${text}" failed: ${response.status} ${await response.text()}`);
    };
  }

  try {
    await waitFor('the welcome message', () => messages.size > 0);

    let mark = order;
    write('user: promote staging');
    await say('promote staging');
    const card = await waitFor('a status card updated in place until the run succeeded', () =>
      since(mark).find((m) => isCard(m.versions[0]) && m.versions.length > 1 && /succeeded/i.test(textOf(latest(m)))));
    const final = textOf(latest(card));
    const missing = GATES.filter((gate) => !final.includes(gate));
    if (missing.length) throw new Error(`the final status card does not show ${missing.join(', ')}: ${final}`);
    write(`(status card updated ${card.versions.length - 1} times in place)`);

    mark = order;
    write('user: promote production skip parity');
    await say('promote production skip parity');
    await waitFor('"Cannot skip parity for production"', () =>
      since(mark).find((m) => textOf(latest(m)).includes('Cannot skip parity for production')));

    if (page) {
      // The simulator's log panel takes a third of the page; close it so the conversation fills the picture.
      await page.locator('button[title="Hide log panel"]').first().click({ timeout: 2000 }).catch(() => {});
      await pause(1500);
      await page.screenshot({ path: path.join(OUT, 'screenshot.png') });
    }
    write('PASSED');
    return 0;
  } catch (error) {
    write(`FAILED: ${error.message}`);
    if (page) await page.screenshot({ path: path.join(OUT, 'error.png') }).catch(() => {});
    return 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    sockets.forEach((socket) => socket.close());
  }
}

main().then((code) => process.exit(code), (error) => { console.error(error); process.exit(1); });
