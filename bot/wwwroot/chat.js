// Alder & Finch chat: starts or resumes a Direct Line conversation and renders the official Web Chat
// control in it (issue 5, point 5; PROTOCOLS.md §1). No secret here: the page asks our own
// POST /api/webchat/token for a conversation token. Embeddable: on another site, load lib/webchat.js and
// this file from the bot's host and set data-bot-url (and optionally data-target) on this script tag.
(function () {
  'use strict';

  var script = document.currentScript;
  var botUrl = ((script && script.getAttribute('data-bot-url')) || window.location.origin).replace(/\/+$/, '');
  var target = document.getElementById((script && script.getAttribute('data-target')) || 'webchat');
  var nonceMeta = document.querySelector('meta[name="csp-nonce"]');
  var nonce = nonceMeta ? nonceMeta.getAttribute('content') : undefined;
  var storageKey = 'alder-finch-webchat:' + botUrl;

  // directlinejs ConnectionStatus values.
  var FailedToConnect = 3;
  var ExpiredToken = 4;

  var styleOptions = {
    accent: '#2f5d50',
    botAvatarInitials: 'AF',
    botAvatarBackgroundColor: '#21443a',
    userAvatarInitials: 'You',
    userAvatarBackgroundColor: '#c9a36b',
    bubbleBackground: '#f1f4f2',
    bubbleBorderRadius: 10,
    bubbleFromUserBackground: '#2f5d50',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 10,
    suggestedActionBorderRadius: 16,
    suggestedActionLayout: 'flow',
    hideUploadButton: true,
    rootHeight: '100%',
    rootWidth: '100%'
  };

  function readSaved() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      return saved && saved.conversationId && saved.token && saved.userId ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function save(directLine, userId) {
    // The client replaces its token on reconnect and refresh (PROTOCOLS.md §1): keep the newest one.
    if (directLine.conversationId && directLine.token) {
      window.sessionStorage.setItem(storageKey, JSON.stringify({
        conversationId: directLine.conversationId,
        token: directLine.token,
        userId: userId
      }));
    }
  }

  function fetchToken() {
    return window.fetch(botUrl + '/api/webchat/token', { method: 'POST', credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('The chat could not start (' + response.status + ').');
        }
        return response.json();
      });
  }

  function render(options, resuming) {
    // With conversationId the client reconnects (GET) instead of creating: the stream replays the history.
    var directLine = window.WebChat.createDirectLine({
      domain: botUrl + '/v3/directline',
      token: options.token,
      conversationId: options.conversationId,
      webSocket: true
    });

    var subscriptions = [
      directLine.connectionStatus$.subscribe(function (status) {
        if (resuming && (status === ExpiredToken || status === FailedToConnect)) {
          // The saved conversation cannot be resumed (its token expired): start a new one.
          window.sessionStorage.removeItem(storageKey);
          subscriptions.forEach(function (s) { s.unsubscribe(); });
          directLine.end();
          start();
        }
      }),
      directLine.activity$.subscribe(function () {
        resuming = false;
        save(directLine, options.userId);
      })
    ];
    window.addEventListener('pagehide', function () { save(directLine, options.userId); });

    window.WebChat.renderWebChat({
      directLine: directLine,
      // No userID: Web Chat reserves "dl_" ids for the token, and our server sets from.id from the token anyway.
      locale: 'en-US',
      nonce: nonce,
      styleOptions: styleOptions
    }, target);
  }

  function start() {
    var saved = readSaved();
    if (saved) {
      render(saved, true);
      return;
    }

    fetchToken().then(function (answer) {
      // The token names the conversation, but the conversation starts with POST /conversations: pass no id.
      render({ token: answer.token, userId: answer.userId }, false);
    }).catch(function (error) {
      target.textContent = error.message;
    });
  }

  start();
}());
