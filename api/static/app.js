/* Web chat page of the resolution assistant.
 *
 * Plain ES2017, no framework, no build step. Every piece of text that comes from the
 * user or the server is written with textContent / createElement only: never innerHTML.
 *
 * API (same origin unless <body data-api-base="…"> says otherwise):
 *   GET  /conversations/{sender}/messages -> {sender, messages: [{role, text, sources, buttons}]}
 *   POST /chat {sender, message}          -> {sender, text, sources, buttons, intent}
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'ra.sender';
  var CHAT_TIMEOUT_MS = 120000;
  var HISTORY_TIMEOUT_MS = 15000;
  var SUMMARY_TITLE_MAX = 64;
  var SUMMARY_SECTION_MAX = 40;
  var STARTERS = [
    'Bắc Kạn đặt mục tiêu gì về dịch vụ công trực tuyến đến năm 2025?',
    'Ai chủ trì theo dõi việc thực hiện nghị quyết của Quảng Ninh?',
    'Nghị quyết của Lai Châu có những mục tiêu cụ thể nào?',
    'Các nghị quyết hiện có là những văn bản nào?'
  ];

  var apiBase = (document.body.getAttribute('data-api-base') || '').replace(/\/+$/, '');

  var els = {
    app: document.getElementById('app'),
    conversation: document.getElementById('conversation'),
    intro: document.getElementById('intro'),
    starters: document.getElementById('starters'),
    messages: document.getElementById('messages'),
    form: document.getElementById('composer'),
    input: document.getElementById('question'),
    send: document.getElementById('send'),
    newConversation: document.getElementById('new-conversation')
  };

  var sender = null;
  var memorySender = null;      // used when localStorage is unavailable (private mode)
  var busy = false;
  var generation = 0;           // bumped by "new conversation": late replies are dropped
  var inFlight = null;          // AbortController of the running request

  var finePointer = window.matchMedia ? window.matchMedia('(pointer: fine)').matches : true;
  var reducedMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)').matches : false;

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

  /* ------------------------------------------------------------------ small DOM helpers */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function str(value) {
    if (value === undefined || value === null) return '';
    return String(value).trim();
  }

  function truncate(text, max) {
    if (text.length <= max) return text;
    var cut = text.slice(0, max);
    var space = cut.lastIndexOf(' ');
    if (space > max * 0.6) cut = cut.slice(0, space);
    return cut.replace(/[\s,.;:·-]+$/, '') + '…';
  }

  /* ------------------------------------------------------------------ rich-ish text */

  var BULLET_RE = /^\s*[-•*]\s+(.*)$/;
  var NUMBERED_RE = /^\s*(\d{1,3})[.)]\s+(.*)$/;

  /** Append `text` to `container` as paragraphs and lists, using textContent only. */
  function renderText(container, text) {
    var lines = String(text).replace(/\r\n?/g, '\n').split('\n');
    var paragraph = [];
    var list = null;
    var listType = null;

    function flushParagraph() {
      if (paragraph.length) {
        container.appendChild(el('p', 'msg-text__p', paragraph.join('\n')));
        paragraph = [];
      }
    }
    function closeList() { list = null; listType = null; }

    lines.forEach(function (line) {
      var bullet = BULLET_RE.exec(line);
      var numbered = bullet ? null : NUMBERED_RE.exec(line);
      if (bullet || numbered) {
        flushParagraph();
        var type = bullet ? 'ul' : 'ol';
        if (!list || listType !== type) {
          list = el(type, 'msg-text__list');
          listType = type;
          container.appendChild(list);
        }
        var item = el('li', null, bullet ? bullet[1] : numbered[2]);
        if (numbered) item.value = parseInt(numbered[1], 10);
        list.appendChild(item);
      } else if (!line.trim()) {
        flushParagraph();
        closeList();
      } else if (list && /^\s+\S/.test(line)) {
        // indented continuation of the previous list item
        var last = list.lastElementChild;
        last.textContent = last.textContent + '\n' + line.trim();
      } else {
        closeList();
        paragraph.push(line);
      }
    });
    flushParagraph();
  }

  /* ------------------------------------------------------------------ sources */

  function documentLabel(source) {
    var number = str(source.number);
    var title = str(source.title);
    if (number) {
      if (/NQ/i.test(number)) return 'Nghị quyết ' + number;
      return 'Văn bản số ' + number;
    }
    if (title) return truncate(title, SUMMARY_TITLE_MAX);
    return str(source.doc_id) || 'Văn bản';
  }

  function sectionLabel(section) {
    if (/^(mục|phần|điều|khoản|chương|điểm)\b/i.test(section)) return section;
    return 'mục ' + section;
  }

  function renderSources(sources) {
    var box = el('div', 'sources');
    var heading = el('p', 'sources__title', 'Nguồn trích dẫn (' + sources.length + ')');
    box.appendChild(heading);
    var list = el('ul', 'sources__list');
    sources.forEach(function (source) {
      if (!source || typeof source !== 'object') return;
      var number = str(source.number);
      var title = str(source.title);
      var province = str(source.province);
      var section = str(source.section);
      var quote = str(source.quote);

      var item = el('li', 'source');
      var details = el('details', 'source__details');
      var summary = el('summary', 'source__summary');
      summary.appendChild(el('span', 'source__doc', documentLabel(source)));
      if (province) {
        summary.appendChild(el('span', 'source__sep', ' · '));
        summary.appendChild(el('span', 'source__province', province));
      }
      if (section) {
        summary.appendChild(el('span', 'source__sep', ' · '));
        summary.appendChild(el('span', 'source__section', truncate(sectionLabel(section), SUMMARY_SECTION_MAX)));
      }
      details.appendChild(summary);

      var body = el('div', 'source__body');
      if (title && (number || title.length > SUMMARY_TITLE_MAX)) {
        body.appendChild(el('p', 'source__title', title));
      }
      if (section) {
        var sec = el('p', 'source__meta');
        sec.appendChild(el('span', 'source__label', 'Mục: '));
        sec.appendChild(document.createTextNode(section));
        body.appendChild(sec);
      }
      if (quote) {
        body.appendChild(el('blockquote', 'source__quote', quote));
      } else {
        body.appendChild(el('p', 'source__meta', 'Không có đoạn trích.'));
      }
      details.appendChild(body);
      item.appendChild(details);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  /* ------------------------------------------------------------------ messages */

  function renderButtons(buttons) {
    var group = el('div', 'chips chips--replies');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Lựa chọn trả lời');
    buttons.forEach(function (button) {
      if (!button || typeof button !== 'object') return;
      var title = str(button.title);
      var payload = str(button.payload) || title;
      if (!title && !payload) return;
      group.appendChild(makeChip(title || payload, payload));
    });
    return group.childElementCount ? group : null;
  }

  function makeChip(title, payload) {
    var chip = el('button', 'chip', title);
    chip.type = 'button';
    chip.disabled = busy;
    chip.addEventListener('click', function () {
      if (busy) return;
      ask(payload, title, { fromChip: true });
    });
    return chip;
  }

  /** Build one message element. `message`: {role, text, sources, buttons, intent}. */
  function buildMessage(message, options) {
    options = options || {};
    var isUser = message.role === 'user';
    var node = el('div', 'msg ' + (isUser ? 'msg--user' : 'msg--bot'));
    node.appendChild(el('span', 'visually-hidden', isUser ? 'Bạn: ' : 'Trợ lý: '));

    var text = str(message.text);
    var buttons = Array.isArray(message.buttons) ? message.buttons : [];
    var sources = Array.isArray(message.sources) ? message.sources.filter(Boolean) : [];
    if (!isUser && !text && !buttons.length && !sources.length) {
      text = 'Xin lỗi, trợ lý chưa có câu trả lời cho câu hỏi này.';
    }

    if (text) {
      var bubble = el('div', 'bubble');
      if (isUser) {
        bubble.appendChild(el('p', 'msg-text__p', text));
      } else {
        renderText(bubble, text);
      }
      node.appendChild(bubble);
    }
    if (!isUser) {
      var intent = message.intent && message.intent.name;
      if (intent) node.setAttribute('data-intent', String(intent));
      if (sources.length) node.appendChild(renderSources(sources));
      if (buttons.length && options.withButtons !== false) {
        var chips = renderButtons(buttons);
        if (chips) node.appendChild(chips);
      }
    }
    return node;
  }

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
    var node = el('div', 'msg msg--bot msg--typing');
    var bubble = el('div', 'bubble bubble--typing');
    bubble.appendChild(el('span', 'visually-hidden', 'Trợ lý đang soạn câu trả lời…'));
    var dots = el('span', 'typing-dots');
    dots.setAttribute('aria-hidden', 'true');
    dots.appendChild(el('span'));
    dots.appendChild(el('span'));
    dots.appendChild(el('span'));
    bubble.appendChild(dots);
    node.appendChild(bubble);
    appendNode(node);
    scrollToBottom();
    return node;
  }

  function removeNode(node) {
    if (node && node.parentNode) node.parentNode.removeChild(node);
  }

  function appendError(info, retry) {
    var node = el('div', 'msg msg--bot msg--error');
    node.appendChild(el('span', 'visually-hidden', 'Thông báo lỗi: '));
    var bubble = el('div', 'bubble bubble--error');
    bubble.appendChild(el('p', 'msg-text__p', info.message));
    if (info.detail) bubble.appendChild(el('p', 'error-detail', 'Chi tiết: ' + info.detail));
    node.appendChild(bubble);
    if (retry) {
      var actions = el('div', 'chips');
      var again = el('button', 'chip chip--retry', 'Thử lại');
      again.type = 'button';
      again.addEventListener('click', function () {
        if (busy) return;
        removeNode(node);
        retry();
      });
      actions.appendChild(again);
      node.appendChild(actions);
    }
    appendNode(node);
    scrollToBottom();
  }

  /* ------------------------------------------------------------------ scrolling */

  function scrollToBottom() {
    var box = els.conversation;
    box.scrollTo ? box.scrollTo({ top: box.scrollHeight, behavior: reducedMotion ? 'auto' : 'smooth' })
                 : (box.scrollTop = box.scrollHeight);
  }

  /** Show a new answer: its start when it is taller than the view, otherwise the bottom. */
  function revealAnswer(node) {
    var box = els.conversation;
    var top = node.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 12;
    var target = node.offsetHeight > box.clientHeight * 0.8 ? top : box.scrollHeight;
    if (box.scrollTo) box.scrollTo({ top: target, behavior: reducedMotion ? 'auto' : 'smooth' });
    else box.scrollTop = target;
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
      els.starters.appendChild(makeChip(question, question));
    });
  }

  function focusInput() {
    if (finePointer) els.input.focus();
  }

  /* ------------------------------------------------------------------ network */

  function fetchJson(url, init, timeoutMs) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timedOut = false;
    var timer = null;
    if (controller) {
      init.signal = controller.signal;
      timer = setTimeout(function () { timedOut = true; controller.abort(); }, timeoutMs);
    }
    var promise = fetch(url, init).then(function (response) {
      return response.text().then(function (body) {
        var data = null;
        try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; }
        return { response: response, data: data };
      });
    }).catch(function (error) {
      error.timedOut = timedOut;
      throw error;
    }).then(function (result) {
      if (timer) clearTimeout(timer);
      return result;
    }, function (error) {
      if (timer) clearTimeout(timer);
      throw error;
    });
    return { promise: promise, controller: controller };
  }

  function detailText(data) {
    if (!data || data.detail === undefined || data.detail === null) return '';
    var detail = data.detail;
    if (typeof detail === 'string') return detail.trim();
    if (Array.isArray(detail)) {
      return detail.map(function (d) {
        return d && typeof d === 'object' ? str(d.msg || d.message) : str(d);
      }).filter(Boolean).join('; ');
    }
    if (typeof detail === 'object') return str(detail.message || detail.msg);
    return str(detail);
  }

  function httpErrorInfo(response, data) {
    var detail = detailText(data);
    if (response.status === 429) {
      var wait = parseInt(response.headers.get('Retry-After') || '', 10);
      var message = 'Bạn đang gửi câu hỏi hơi nhanh. Vui lòng đợi một lát' +
        (wait > 0 && wait < 3600 ? ' (khoảng ' + wait + ' giây)' : '') + ' rồi gửi lại.';
      return { message: message, detail: detail, retry: true };
    }
    var retryable = response.status >= 500 || response.status === 408;
    return {
      message: 'Không gửi được câu hỏi' + (response.status ? ' (mã lỗi ' + response.status + ')' : '') +
        '. ' + (retryable ? 'Vui lòng thử lại sau ít phút.' : 'Vui lòng kiểm tra lại câu hỏi.'),
      detail: detail,
      retry: retryable
    };
  }

  /* ------------------------------------------------------------------ chat */

  function ask(message, display, options) {
    options = options || {};
    var text = str(message);
    if (!text || busy) return;
    removeQuickReplies();
    appendNode(buildMessage({ role: 'user', text: str(display) || text }));
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
    var call = fetchJson(apiBase + '/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ sender: sender, message: message })
    }, CHAT_TIMEOUT_MS);
    inFlight = call.controller;

    call.promise.then(function (result) {
      if (myGeneration !== generation) return;
      removeNode(typing);
      var response = result.response;
      var data = result.data;
      if (!response.ok) {
        var info = httpErrorInfo(response, data);
        appendError(info, info.retry ? function () { request(message); } : null);
        return;
      }
      if (!data || typeof data !== 'object') {
        appendError({ message: 'Không đọc được câu trả lời từ máy chủ. Vui lòng thử lại.' },
          function () { request(message); });
        return;
      }
      var node = appendNode(buildMessage({
        role: 'bot',
        text: data.text,
        sources: data.sources,
        buttons: data.buttons,
        intent: data.intent
      }));
      revealAnswer(node);
    }, function (error) {
      if (myGeneration !== generation) return;
      removeNode(typing);
      var info = error && error.timedOut
        ? { message: 'Máy chủ phản hồi quá lâu. Vui lòng thử lại sau ít phút.' }
        : { message: 'Không gửi được câu hỏi. Vui lòng kiểm tra kết nối mạng rồi thử lại.' };
      appendError(info, function () { request(message); });
    }).then(function () {
      if (myGeneration !== generation) return;
      inFlight = null;
      setBusy(false);
    });
  }

  /* ------------------------------------------------------------------ history */

  function renderHistory(messages) {
    var fragment = document.createDocumentFragment();
    var previousBot = null;
    var lastIndex = messages.length - 1;
    messages.forEach(function (raw, index) {
      if (!raw || typeof raw !== 'object') return;
      var role = raw.role === 'user' ? 'user' : 'bot';
      var text = str(raw.text);
      if (role === 'user') {
        // A button click is stored as its payload: show the button's title again.
        var buttons = previousBot && Array.isArray(previousBot.buttons) ? previousBot.buttons : [];
        for (var i = 0; i < buttons.length; i++) {
          if (buttons[i] && str(buttons[i].payload) === text && str(buttons[i].title)) {
            text = str(buttons[i].title);
            break;
          }
        }
        if (!text) return;
        fragment.appendChild(buildMessage({ role: 'user', text: text }));
      } else {
        previousBot = raw;
        fragment.appendChild(buildMessage({
          role: 'bot', text: raw.text, sources: raw.sources, buttons: raw.buttons, intent: raw.intent
        }, { withButtons: index === lastIndex }));
      }
    });
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
    var call = fetchJson(apiBase + '/conversations/' + encodeURIComponent(sender) + '/messages', {
      method: 'GET',
      headers: { 'Accept': 'application/json' }
    }, HISTORY_TIMEOUT_MS);
    return call.promise.then(function (result) {
      if (myGeneration !== generation) return;
      var data = result.data;
      if (result.response.ok && data && Array.isArray(data.messages) && !els.messages.querySelector('.msg')) {
        renderHistory(data.messages);
      }
    }, function () { /* no history: start empty */ }).then(function () {
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
