/* Rendering of the chat's messages: user and bot bubbles, lists in answers, cited sources,
 * quick-reply chips, the typing indicator and errors. Builds elements and returns them;
 * app.js puts them on the page.
 *
 * Text from the user or the server is written with textContent / createElement only.
 */
(function () {
  'use strict';

  var RA = window.RA = window.RA || {};
  var el = RA.dom.el;
  var str = RA.dom.str;

  var SUMMARY_TITLE_MAX = 64;
  var SUMMARY_SECTION_MAX = 40;
  var BULLET_RE = /^\s*[-•*]\s+(.*)$/;
  var NUMBERED_RE = /^\s*(\d{1,3})[.)]\s+(.*)$/;

  function truncate(text, max) {
    if (text.length <= max) return text;
    var cut = text.slice(0, max);
    var space = cut.lastIndexOf(' ');
    if (space > max * 0.6) cut = cut.slice(0, space);
    return cut.replace(/[\s,.;:·-]+$/, '') + '…';
  }

  /* ------------------------------------------------------------------ rich-ish text */

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

  function renderSource(source) {
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
    return item;
  }

  function renderSources(sources) {
    var box = el('div', 'sources');
    box.appendChild(el('p', 'sources__title', 'Nguồn trích dẫn (' + sources.length + ')'));
    var list = el('ul', 'sources__list');
    sources.forEach(function (source) {
      if (!source || typeof source !== 'object') return;
      list.appendChild(renderSource(source));
    });
    box.appendChild(list);
    return box;
  }

  /* ------------------------------------------------------------------ typing */

  function typingNode() {
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
    return node;
  }

  /* ------------------------------------------------------------------ with the chat's state */

  /** Builders whose buttons act on the chat. hooks.isBusy(): a request is running (buttons
   * do nothing); hooks.choose(payload, title): a chip was picked. */
  function create(hooks) {
    function makeChip(title, payload) {
      var chip = RA.dom.button('chip', title, function () {
        if (hooks.isBusy()) return;
        hooks.choose(payload, title);
      });
      chip.disabled = hooks.isBusy();
      return chip;
    }

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

    /** One message element. `message`: {role, text, sources, buttons, intent}. */
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

    /** The stored messages of a conversation; only the last answer keeps its chips. */
    function buildHistory(messages) {
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
      return fragment;
    }

    /** An error message; with `retry`, a "Thử lại" chip that removes it and calls retry(). */
    function errorNode(info, retry) {
      var node = el('div', 'msg msg--bot msg--error');
      node.appendChild(el('span', 'visually-hidden', 'Thông báo lỗi: '));
      var bubble = el('div', 'bubble bubble--error');
      bubble.appendChild(el('p', 'msg-text__p', info.message));
      if (info.detail) bubble.appendChild(el('p', 'error-detail', 'Chi tiết: ' + info.detail));
      node.appendChild(bubble);
      if (retry) {
        var actions = el('div', 'chips');
        actions.appendChild(RA.dom.button('chip chip--retry', 'Thử lại', function () {
          if (hooks.isBusy()) return;
          RA.dom.removeNode(node);
          retry();
        }));
        node.appendChild(actions);
      }
      return node;
    }

    return { makeChip: makeChip, buildMessage: buildMessage, buildHistory: buildHistory, errorNode: errorNode };
  }

  RA.messages = { renderText: renderText, renderSources: renderSources, typingNode: typingNode, create: create };
})();
