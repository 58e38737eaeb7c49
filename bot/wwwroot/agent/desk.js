// Alder & Finch agent desk (issue 6, point 4). Plain JavaScript, no framework.
// Security rule for this file: every value that came from the server (customer text above all) is put on the
// page with textContent or as an SVG attribute value, never with innerHTML or insertAdjacentHTML.
(() => {
  'use strict';

  const state = {
    me: null,
    cases: [],
    openId: null,
    open: null,
    shownMessages: new Set(),
    source: null,
  };

  const $ = (id) => document.getElementById(id);

  /** An element with an optional class and text (as text, never markup). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  class ApiError extends Error {
    constructor(status, code, message, body) {
      super(message);
      this.status = status;
      this.code = code;
      this.body = body;
    }
  }

  async function api(path, options = {}) {
    const method = options.method || 'GET';
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (state.me) headers[state.me.antiforgeryHeader] = state.me.antiforgeryToken;
    }
    const response = await fetch('/agent/api' + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (response.status === 401) {
      window.location.assign('/agent/signin');
      throw new ApiError(401, 'Unauthorized', 'Signed out.');
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = (body && body.error) || {};
      throw new ApiError(response.status, error.code || 'Error', error.message || ('The desk answered ' + response.status + '.'), body);
    }
    return body;
  }

  // ---- notices -------------------------------------------------------------------------------------------

  function notice(text) {
    const node = $('notice');
    node.textContent = text || '';
    node.hidden = !text;
  }

  // ---- time ----------------------------------------------------------------------------------------------

  function waitingFor(since) {
    const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
    if (seconds < 60) return seconds + ' s';
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + ' min ' + (seconds % 60) + ' s';
    return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
  }

  function clock(at) {
    const date = new Date(at);
    return isNaN(date) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  // ---- queue ---------------------------------------------------------------------------------------------

  async function loadQueue() {
    const body = await api('/queue');
    state.cases = body.cases || [];
    renderQueue();
  }

  function renderQueue() {
    const list = $('queue');
    list.replaceChildren();
    const waiting = state.cases.filter((c) => c.status === 'waiting').length;
    $('queue-count').textContent = state.cases.length ? '(' + waiting + ' waiting)' : '';
    $('queue-empty').hidden = state.cases.length > 0;
    for (const item of state.cases) {
      const li = el('li', 'queue-item');
      li.dataset.caseId = item.id;
      li.dataset.status = item.status;
      li.tabIndex = 0;
      li.setAttribute('role', 'button');
      if (item.id === state.openId) li.setAttribute('aria-current', 'true');

      const top = el('div', 'line');
      top.append(el('span', 'case-id', item.id), el('span', 'meta channel', item.channel));
      const customer = el('div', 'customer', item.customer);
      const reason = el('div', 'reason', describeReason(item));
      const bottom = el('div', 'line meta');
      const waited = el('span', 'waiting');
      waited.dataset.since = item.createdAt;
      waited.dataset.label = item.status === 'waiting' ? 'waiting ' : 'open for ';
      waited.textContent = waited.dataset.label + waitingFor(item.createdAt);
      bottom.append(waited, el('span', 'holder', item.agent ? 'with ' + item.agent.name : 'unassigned'));
      li.append(top, customer, reason, bottom);
      li.addEventListener('click', () => openCase(item.id));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openCase(item.id); } });
      list.append(li);
    }
  }

  function describeReason(item) {
    const kinds = {
      'sentiment': 'Upset customer',
      'explicit-request': 'Asked for a person',
      'repeated-failure': 'Bot could not help',
      'outside-policy': 'Outside policy',
    };
    const kind = kinds[item.reasonKind] || item.reasonKind || 'Handoff';
    return item.reasons && item.reasons.length ? kind + ' — ' + item.reasons.join(', ') : kind;
  }

  function tickWaiting() {
    for (const node of document.querySelectorAll('.waiting[data-since]')) {
      node.textContent = node.dataset.label + waitingFor(node.dataset.since);
    }
  }

  // ---- one case ------------------------------------------------------------------------------------------

  async function openCase(id) {
    if (state.openId !== id) notice('');
    state.openId = id;
    try {
      const detail = await api('/cases/' + encodeURIComponent(id));
      if (state.openId !== id) return;
      state.open = detail;
      renderCase();
      renderQueue();
    } catch (error) {
      notice(error.message);
    }
  }

  function renderCase() {
    const detail = state.open;
    const item = detail.case;
    $('chat-title').textContent = item.id + ' · ' + item.customer;
    $('chat-status').textContent = statusText(item);
    $('chat-empty').hidden = true;

    const mine = item.agent && state.me && item.agent.id === state.me.id;
    const withMe = item.status === 'withAgent' && mine;
    $('accept').hidden = item.status !== 'waiting';
    // An agent may also close a waiting case without accepting it (e.g. the bot can handle it after all).
    const mayEnd = withMe || item.status === 'waiting';
    $('resolve').hidden = !mayEnd;
    $('return').hidden = !mayEnd;
    $('composer').hidden = !withMe;

    const list = $('transcript');
    list.replaceChildren();
    state.shownMessages = new Set();
    for (const message of detail.transcript || []) appendMessage(message);
    renderContext(detail);
  }

  function statusText(item) {
    switch (item.status) {
      case 'waiting': return 'Waiting for an agent';
      case 'withAgent': return 'With ' + (item.agent ? item.agent.name : 'an agent');
      case 'closed': return 'Resolved';
      case 'returnedToBot': return 'Back with the bot';
      case 'failed': return 'Nobody accepted in time';
      default: return item.status;
    }
  }

  function appendMessage(message) {
    if (message.id && state.shownMessages.has(message.id)) return;
    if (message.id) state.shownMessages.add(message.id);
    const list = $('transcript');
    const li = el('li', 'msg ' + (message.role || 'event'));
    li.dataset.role = message.role || 'event';
    const who = el('span', 'who', (message.name || message.role || '') + (message.at ? ' · ' + clock(message.at) : ''));
    const text = el('span', 'text', message.text);
    li.append(who, text);
    list.append(li);
    list.scrollTop = list.scrollHeight;
  }

  // ---- context panel -------------------------------------------------------------------------------------

  function renderContext(detail) {
    const root = $('context');
    root.replaceChildren();
    const context = detail.context || {};
    const customer = context.customer || {};

    root.append(el('h3', null, 'Customer'));
    const facts = el('dl');
    addRow(facts, 'Name', customer.name || 'Unknown');
    addRow(facts, 'Channel', detail.case.channel);
    for (const identity of customer.identities || []) addRow(facts, identity.channel, identity.id);
    root.append(facts);

    root.append(el('h3', null, 'Summary'));
    root.append(el('p', 'summary', context.summary || '—'));

    root.append(el('h3', null, 'Mood'));
    root.append(moodChart(context.mood || []));
    if (context.moodTrend) {
      root.append(el('p', 'meta mood-trend', 'Trend: ' + context.moodTrend + ' · average ' + Number(context.moodAverage || 0).toFixed(2)));
    }

    root.append(el('h3', null, 'In their words'));
    root.append(list(context.said, 'Nothing recorded.'));

    root.append(el('h3', null, 'Conversation'));
    const heap = el('dl');
    addRow(heap, 'Stage', context.stage || '—');
    addRow(heap, 'Reason', describeReason(detail.case));
    for (const fact of context.facts || []) addRow(heap, fact.name, fact.value);
    root.append(heap);

    root.append(el('h3', null, 'Tried'));
    root.append(list(context.tried, 'Nothing offered yet.'));

    root.append(el('h3', null, 'Tickets'));
    root.append(list((customer.openTickets || []).map((t) => t + ' (open)').concat(customer.pastTickets || []), 'No tickets.'));
  }

  function addRow(dl, name, value) {
    dl.append(el('dt', null, name), el('dd', null, value));
  }

  function list(items, empty) {
    if (!items || items.length === 0) return el('p', 'empty', empty);
    const ul = el('ul');
    for (const item of items) ul.append(el('li', null, item));
    return ul;
  }

  /** The sentiment trajectory as an inline SVG line chart: scores in [-1, 1], one point per customer message. */
  function moodChart(points) {
    const ns = 'http://www.w3.org/2000/svg';
    const width = 300, height = 120, left = 22, right = 8, top = 8, bottom = 16;
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'mood-chart');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('role', 'img');
    const title = document.createElementNS(ns, 'title');
    title.textContent = 'Mood over the conversation (' + points.length + ' messages)';
    svg.append(title);

    const y = (score) => top + (1 - (Math.max(-1, Math.min(1, score)) + 1) / 2) * (height - top - bottom);
    const x = (i) => left + (points.length <= 1 ? (width - left - right) / 2 : i * (width - left - right) / (points.length - 1));
    const line = (x1, y1, x2, y2, cls) => {
      const node = document.createElementNS(ns, 'line');
      node.setAttribute('x1', x1); node.setAttribute('y1', y1); node.setAttribute('x2', x2); node.setAttribute('y2', y2);
      node.setAttribute('class', cls);
      svg.append(node);
    };
    const label = (tx, ty, text) => {
      const node = document.createElementNS(ns, 'text');
      node.setAttribute('x', tx); node.setAttribute('y', ty);
      node.textContent = text;
      svg.append(node);
    };
    line(left, top, left, height - bottom, 'axis');
    line(left, y(0), width - right, y(0), 'zero');
    label(0, y(1) + 4, '+1');
    label(4, y(0) + 3, '0');
    label(0, y(-1) + 3, '−1');

    if (points.length === 0) {
      label(left + 10, height / 2 - 8, 'No scored messages');
      return svg;
    }

    const polyline = document.createElementNS(ns, 'polyline');
    polyline.setAttribute('class', 'line');
    polyline.setAttribute('points', points.map((p, i) => x(i).toFixed(1) + ',' + y(p.score).toFixed(1)).join(' '));
    svg.append(polyline);
    points.forEach((p, i) => {
      const dot = document.createElementNS(ns, 'circle');
      dot.setAttribute('cx', x(i).toFixed(1));
      dot.setAttribute('cy', y(p.score).toFixed(1));
      dot.setAttribute('r', '3.5');
      dot.setAttribute('class', p.upset ? 'point upset' : 'point');
      const tip = document.createElementNS(ns, 'title');
      tip.textContent = p.score.toFixed(2) + (p.reasons && p.reasons.length ? ' — ' + p.reasons.join(', ') : '');
      dot.append(tip);
      svg.append(dot);
    });
    return svg;
  }

  // ---- actions -------------------------------------------------------------------------------------------

  async function act(path, body, done) {
    const id = state.openId;
    if (!id) return;
    try {
      const result = await api('/cases/' + encodeURIComponent(id) + path, { method: 'POST', body: body || {} });
      if (done) done(result);
      await Promise.all([loadQueue(), openCase(id)]);
    } catch (error) {
      notice(error.message);
      await Promise.all([loadQueue(), openCase(id)]).catch(() => {});
    }
  }

  function wireActions() {
    $('accept').addEventListener('click', () => act('/accept', {}, () => notice('')));
    $('resolve').addEventListener('click', () => act('/resolve', {}, () => notice('Resolved: the bot asks the customer how it went.')));
    $('return').addEventListener('click', () => act('/return', {}, () => notice('Returned to the bot.')));
    $('composer').addEventListener('submit', async (e) => {
      e.preventDefault();
      const box = $('reply');
      const text = box.value.trim();
      if (!text || !state.openId) return;
      $('send').disabled = true;
      try {
        const id = state.openId;
        await api('/cases/' + encodeURIComponent(id) + '/messages', { method: 'POST', body: { text } });
        box.value = '';
        // The transcript store is the one source of the thread: reload it rather than echo locally.
        await openCase(id);
      } catch (error) {
        notice(error.message);
      } finally {
        $('send').disabled = false;
        box.focus();
      }
    });
    $('reply').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        $('composer').requestSubmit();
      }
    });
  }

  // ---- live events (Server-Sent Events) ------------------------------------------------------------------

  function connect() {
    const live = $('live');
    const source = new EventSource('/agent/api/events');
    state.source = source;
    source.addEventListener('hello', async () => {
      live.dataset.state = 'live';
      live.textContent = 'Live';
      // (Re)load after subscribing: whatever happened while disconnected is read, not missed.
      await loadQueue().catch((error) => notice(error.message));
      if (state.openId) await openCase(state.openId);
    });
    source.addEventListener('queue', async (e) => {
      const data = JSON.parse(e.data);
      await loadQueue().catch((error) => notice(error.message));
      if (data.caseId && data.caseId === state.openId) await openCase(state.openId);
    });
    source.addEventListener('case', async (e) => {
      const data = JSON.parse(e.data);
      if (data.caseId === state.openId) await openCase(state.openId);
    });
    source.addEventListener('message', (e) => {
      const data = JSON.parse(e.data);
      if (data.caseId === state.openId && data.message) appendMessage(data.message);
    });
    source.onerror = () => {
      live.dataset.state = 'offline';
      live.textContent = 'Reconnecting…';
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. the session ended: 401). Ask who we are — a 401 goes to the sign-in
        // form — and otherwise open a new stream in a moment.
        api('/me').then(() => setTimeout(connect, 3000), () => setTimeout(connect, 10000));
      }
    };
  }

  // ---- start ---------------------------------------------------------------------------------------------

  async function start() {
    state.me = await api('/me');
    $('me').textContent = 'Signed in as ' + state.me.name;
    $('signout-token').value = state.me.antiforgeryToken;
    wireActions();
    // Load at once (the page works without the live feed, e.g. behind a proxy that buffers it); the feed's
    // hello loads again, so nothing between the two is missed.
    await loadQueue();
    connect();
    setInterval(tickWaiting, 1000);
  }

  start().catch((error) => notice(error.message));
})();
