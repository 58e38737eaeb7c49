// The official Direct Line client (botframework-directlinejs) across a server restart, as
// tests/Bot.Tests/DirectLine/DirectLineClientTests.cs asks: node restart.js <baseUrl> <token> <websocket|polling>
// It starts the conversation, posts "first" and waits for its echo and the bot's reply, then prints
// {"event":"first-answered"}. The test restarts the server and writes a line to stdin; the script then
// posts that line as a second message and waits for its echo and reply. In WebSocket mode the same
// client object reconnects by itself (it fetches a new stream URL after the socket drops). In polling
// mode the client gives up polling at the first failed GET, so the script does what the chat page does
// after a reload: a new client resumes the conversation from its id and watermark. At the end it prints
// {"event":"done", ...} with the conversation id and every activity it received, in order, so the test
// can compare them with the server's history: no gaps, no duplicates.
'use strict';
global.WebSocket = require('ws');
global.XMLHttpRequest = require('xhr2');
const readline = require('readline');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, token, mode] = process.argv.slice(2);
const result = { event: 'done', mode, statuses: [], sockets: 0, received: [] };
const waiting = new Map(); // clientActivityID -> { echo, reply, resolve }

const OriginalWebSocket = global.WebSocket;
global.WebSocket = class extends OriginalWebSocket {
  constructor(...args) { super(...args); result.sockets++; }
};

const timer = setTimeout(() => finish(1, 'timed out'), 120000);
let finished = false;
function finish(code, error) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  if (error) result.error = error;
  process.stdout.write(JSON.stringify(result) + '\n');
  try { directLine.end(); } catch (e) { /* ending is best effort */ }
  setTimeout(() => process.exit(code), 50);
}

function say(text) {
  const clientActivityID = 'node-' + text.replace(/\W+/g, '-') + '-' + Date.now();
  return new Promise(resolve => {
    const entry = { serverId: null, echo: false, reply: null, resolve };
    waiting.set(clientActivityID, entry);
    directLine.postActivity({ type: 'message', from: { id: 'dl_whoever' }, text, channelData: { clientActivityID } })
      .subscribe(id => { entry.serverId = id; settle(entry); }, err => finish(1, 'post failed: ' + err));
  });
}

// The reply can arrive on the socket before the POST answers with the server id, so bot messages are
// kept and matched whenever either side arrives.
const botMessages = [];
function settle(entry) {
  if (entry.serverId && !entry.reply) {
    const reply = botMessages.find(m => m.replyToId === entry.serverId);
    if (reply) entry.reply = reply.text;
  }
  if (entry.serverId && entry.echo && entry.reply && !entry.settled) {
    entry.settled = true;
    entry.resolve(entry.reply);
  }
}

function connect(options) {
  const client = new DirectLine(Object.assign({
    domain: baseUrl + '/v3/directline',
    webSocket: mode === 'websocket',
    pollingInterval: 200,
  }, options));
  client.subscriptions = [
    client.activity$.subscribe(onActivity, err => finish(1, 'activity stream failed: ' + err)),
    client.connectionStatus$.subscribe(onStatus),
  ];
  return client;
}

function onActivity(activity) {
  result.received.push(activity.type + ' ' + activity.id);
  const cid = activity.channelData && activity.channelData.clientActivityID;
  if (cid && waiting.has(cid)) {
    const entry = waiting.get(cid);
    entry.echo = true;
    settle(entry);
    return;
  }
  if (activity.type === 'message' && activity.from && activity.from.role === 'bot') {
    botMessages.push(activity);
    for (const entry of waiting.values()) settle(entry);
  }
}

let started = false;
function onStatus(status) {
  result.statuses.push(ConnectionStatus[status]);
  if (status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.FailedToConnect) finish(1, 'status ' + ConnectionStatus[status]);
  if (status === ConnectionStatus.Online && !started) {
    started = true;
    run().catch(err => finish(1, String(err)));
  }
}

async function run() {
  result.firstReply = await say('first, before the restart');
  process.stdout.write(JSON.stringify({ event: 'first-answered' }) + '\n');
  const lines = readline.createInterface({ input: process.stdin });
  const next = await new Promise(resolve => lines.once('line', resolve));
  lines.close();
  result.conversationId = directLine.conversationId;
  if (mode !== 'websocket') {
    const { conversationId, watermark } = directLine;
    directLine.subscriptions.forEach(subscription => subscription.unsubscribe());
    directLine.end();
    directLine = connect({ token: directLine.token, conversationId, watermark });
    await new Promise(resolve => directLine.connectionStatus$.subscribe(s => s === ConnectionStatus.Online && resolve()));
  }
  result.secondReply = await say(next);
  finish(0);
}

let directLine = connect({ token });
