// Runs the official Direct Line client (botframework-directlinejs) against SupportBot's server, as
// tests/Bot.Tests/DirectLine/DirectLineClientTests.cs asks: node chat.js <baseUrl> <token> <websocket|polling> <text>
// It starts the conversation, posts one message and waits for its echo (server id, clientActivityID)
// and the bot's reply, then prints one JSON line. PROTOCOLS.md §1: in Node the client needs the global
// WebSocket (ws) and XMLHttpRequest (xhr2), or it silently falls back to polling.
'use strict';
global.WebSocket = require('ws');
global.XMLHttpRequest = require('xhr2');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, token, mode, text] = process.argv.slice(2);
const clientActivityID = 'node-' + Date.now();
const result = { mode, statuses: [], postedId: null, echo: null, reply: null, sockets: 0 };

const OriginalWebSocket = global.WebSocket;
global.WebSocket = class extends OriginalWebSocket {
  constructor(...args) { super(...args); result.sockets++; }
};

const directLine = new DirectLine({
  token,
  domain: baseUrl + '/v3/directline',
  webSocket: mode === 'websocket',
  pollingInterval: 200,
});

const timer = setTimeout(() => finish(1, 'timed out'), 20000);

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

function check() {
  if (result.postedId && result.echo && result.reply) finish(0);
}

directLine.connectionStatus$.subscribe(status => {
  result.statuses.push(ConnectionStatus[status]);
  if (status === ConnectionStatus.Online && !result.posting) {
    result.posting = true;
    directLine.postActivity({
      type: 'message',
      from: { id: 'dl_not_me', role: 'bot' },
      text,
      channelData: { clientActivityID },
    }).subscribe(id => { result.postedId = id; check(); }, err => finish(1, 'post failed: ' + err));
  }
  if (status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.FailedToConnect) finish(1, 'status ' + ConnectionStatus[status]);
});

directLine.activity$.subscribe(activity => {
  const cid = activity.channelData && activity.channelData.clientActivityID;
  if (cid === clientActivityID) {
    result.echo = { id: activity.id, clientActivityID: cid, fromId: activity.from.id, fromRole: activity.from.role };
  } else if (activity.from && activity.from.role === 'bot' && activity.type === 'message' && !result.reply) {
    result.reply = { id: activity.id, text: activity.text, replyToId: activity.replyToId };
  }
  check();
}, err => finish(1, 'activity stream failed: ' + err));
