/* Web chat page of the resolution assistant: state, wiring and events.
 *
 * Plain ES2017, no framework, no build step. Loaded after dom.js, http.js, chat-api.js and
 * messages.js (see index.html). Every piece of text that comes from the user or the server
 * is written with textContent / createElement only: never innerHTML.
 */
(function () {
  'use strict';

  var RA = window.RA;
  var str = RA.dom.str;
  var removeNode = RA.dom.removeNode;

  var STORAGE_KEY = 'ra.sender';
  var STARTERS = [
    'Bắc Kạn đặt mục tiêu gì về dịch vụ công trực tuyến đến năm 2025?',
    'Ai chủ trì theo dõi việc thực hiện nghị quyết của Quảng Ninh?',
    'Nghị quyết của Lai Châu có những mục tiêu cụ thể nào?',
    'Các nghị quyết hiện có là những văn bản nào?'
  ];

  var els = RA.dom.byIds({
    app: 'app',
    conversation: 'conversation',
    intro: 'intro',
    starters: 'starters',
    messages: 'messages',
    form: 'composer',
    input: 'question',
    send: 'send',
    newConversation: 'new-conversation'
  });

  var sender = null;
  var memorySender = null;      // used when localStorage is unavailable (private mode)
  var busy = false;
  var generation = 0;           // bumped by "new conversation": late replies are dropped
  var inFlight = null;          // AbortController of the running request

  var finePointer = window.matchMedia ? window.matchMedia('(pointer: fine)').matches : true;
  var reducedMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)').matches : false;

  var ui = RA.messages.create({
    isBusy: function () { return busy; },
    choose: function (payload, title) { ask(payload, title, { fromChip: true }); }
  });

  /* ------------------------------------------------------------------ ids and storage */

  function newId() {
    var bytes = new Uint8Array(16);
    var cryptoObj = window.crypto || window.msCrypto;
    if (cryptoObj && cryptoObj.getRandomValues) {
      cryptoObj.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    return 'web-' + Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  function readSender() {
    try {
      var value = window.localStorage.getItem(STORAGE_KEY);
      if (value && /^[A-Za-z0-9_.:-]{1,128}$/.test(value)) return value;
    } catch (e) { /* storage disabled */ }
    return memorySender;
  }

  function writeSender(value) {
    memorySender = value;
    try { window.localStorage.setItem(STORAGE_KEY, value); } catch (e) { /* storage disabled */ }
  }

  /* ------------------------------------------------------------------ messages on the page */

  function appendNode(node) {
    els.messages.appendChild(node);
    updateIntro();
    return node;
  }

  function removeQuickReplies() {
    var groups = els.messages.querySelectorAll('.chips--replies');
    Array.prototype.forEach.call(groups, function (group) { group.parentNode.removeChild(group); });
  }

  function showTyping() {
    var node = appendNode(RA.messages.typingNode());
    scrollToBottom();
    return node;
  }

  function appendError(info, retry) {
    appendNode(ui.errorNode(info, retry));
    scrollToBottom();
  }

  /* ------------------------------------------------------------------ scrolling */

  function scrollConversation(top) {
    var box = els.conversation;
    if (box.scrollTo) box.scrollTo({ top: top, behavior: reducedMotion ? 'auto' : 'smooth' });
    else box.scrollTop = top;
  }

  function scrollToBottom() {
    scrollConversation(els.conversation.scrollHeight);
  }

  /** Show a new answer: its start when it is taller than the view, otherwise the bottom. */
  function revealAnswer(node) {
    var box = els.conversation;
    var top = node.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 12;
    scrollConversation(node.offsetHeight > box.clientHeight * 0.8 ? top : box.scrollHeight);
  }

  /* ------------------------------------------------------------------ state */

  function setBusy(value) {
    busy = value;
    els.send.disabled = value;
    els.form.setAttribute('aria-busy', value ? 'true' : 'false');
    var chips = document.querySelectorAll('.chip');
    Array.prototype.forEach.call(chips, function (chip) { chip.disabled = value; });
  }

  function updateIntro() {
    var empty = !els.messages.querySelector('.msg');
    els.intro.hidden = !empty;
  }

  function renderStarters() {
    els.starters.textContent = '';
    STARTERS.forEach(function (question) {
      els.starters.appendChild(ui.makeChip(question, question));
    });
  }

  function focusInput() {
    if (finePointer) els.input.focus();
  }

  /* ------------------------------------------------------------------ chat */

  function ask(message, display, options) {
    options = options || {};
    var text = str(message);
    if (!text || busy) return;
    removeQuickReplies();
    appendNode(ui.buildMessage({ role: 'user', text: str(display) || text }));
    scrollToBottom();
    if (options.fromChip) {
      focusInput();
    }
    request(text);
  }

  function request(message) {
    var myGeneration = generation;
    setBusy(true);
    var typing = showTyping();
    var call = RA.chatApi.send(sender, message);
    inFlight = call.controller;

    call.promise.then(function (outcome) {
      if (myGeneration !== generation) return;
      removeNode(typing);
      if (outcome.error) {
        appendError(outcome.error, outcome.error.retry ? function () { request(message); } : null);
        return;
      }
      revealAnswer(appendNode(ui.buildMessage(outcome.answer)));
    }).then(function () {
      if (myGeneration !== generation) return;
      inFlight = null;
      setBusy(false);
    });
  }

  /* ------------------------------------------------------------------ history */

  function renderHistory(messages) {
    var fragment = ui.buildHistory(messages);
    // Do not read the whole history aloud on reload.
    els.messages.setAttribute('aria-live', 'off');
    els.messages.appendChild(fragment);
    updateIntro();
    els.conversation.scrollTop = els.conversation.scrollHeight;
    setTimeout(function () { els.messages.setAttribute('aria-live', 'polite'); }, 0);
  }

  function loadHistory() {
    var myGeneration = generation;
    els.messages.setAttribute('aria-busy', 'true');
    return RA.chatApi.history(sender).then(function (messages) {
      if (myGeneration !== generation) return;
      if (messages && !els.messages.querySelector('.msg')) renderHistory(messages);
    }).then(function () {
      els.messages.setAttribute('aria-busy', 'false');
      updateIntro();
    });
  }

  /* ------------------------------------------------------------------ conversation */

  function startNewConversation() {
    generation += 1;
    if (inFlight) { try { inFlight.abort(); } catch (e) { /* ignore */ } }
    inFlight = null;
    sender = newId();
    writeSender(sender);
    els.messages.textContent = '';
    setBusy(false);
    updateIntro();
    els.conversation.scrollTop = 0;
    els.input.value = '';
    autoGrow();
    if (finePointer) els.input.focus();
    else els.intro.focus && els.intro.focus();
  }

  /* ------------------------------------------------------------------ composer */

  function autoGrow() {
    var input = els.input;
    input.style.height = 'auto';
    var max = parseFloat(getComputedStyle(input).maxHeight) || 160;
    input.style.height = Math.min(input.scrollHeight + 2, max) + 'px';
    input.style.overflowY = input.scrollHeight + 2 > max ? 'auto' : 'hidden';
  }

  function submitInput() {
    var text = str(els.input.value);
    if (!text) { els.input.focus(); return; }
    if (busy) return;
    els.input.value = '';
    autoGrow();
    ask(text, text);
    els.input.focus();
  }

  els.form.addEventListener('submit', function (event) {
    event.preventDefault();
    submitInput();
  });

  els.input.addEventListener('keydown', function (event) {
    // Vietnamese input methods compose characters: never send in the middle of that.
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      submitInput();
    }
  });

  els.input.addEventListener('input', autoGrow);

  els.newConversation.addEventListener('click', startNewConversation);

  /* Keep the composer above the on-screen keyboard (iOS does not resize the layout). */
  if (window.visualViewport) {
    var viewport = window.visualViewport;
    var onViewport = function () {
      document.documentElement.style.setProperty('--app-height', viewport.height + 'px');
      els.app.classList.add('app--vv');
      if (viewport.offsetTop > 0 && document.activeElement === els.input) window.scrollTo(0, 0);
    };
    viewport.addEventListener('resize', onViewport);
    onViewport();
  }
  els.input.addEventListener('focus', function () {
    setTimeout(function () {
      if (els.conversation.scrollHeight - els.conversation.scrollTop - els.conversation.clientHeight < 120) {
        els.conversation.scrollTop = els.conversation.scrollHeight;
      }
    }, 300);
  });

  /* ------------------------------------------------------------------ start */

  els.intro.setAttribute('tabindex', '-1');
  renderStarters();
  sender = readSender();
  if (!sender) {
    sender = newId();
    writeSender(sender);
  }
  autoGrow();
  loadHistory().then(function () {
    if (finePointer && document.activeElement === document.body) els.input.focus();
  });
})();
