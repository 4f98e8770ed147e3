/* Documents panel: each document's targets, deadlines and responsibilities as tables.
 *
 * A separate plain script (app.js is the chat). Text from the server is written with
 * textContent / createElement only: never innerHTML. Tables come from facts-table.js;
 * DOM helpers and requests from dom.js and http.js.
 *
 * API (same origin unless <body data-api-base="…"> says otherwise):
 *   GET /documents                   -> [{id, kind, label, secondary, province, number, title, date, …}]
 *   GET /facts?doc_id=…              -> [{type, indicator, value, unit, due, item, actor, quote, …}]
 *   GET /facts?doc_id=…&format=csv   -> the same rows as a CSV download
 */
(function () {
  'use strict';

  var TIMEOUT_MS = 15000;
  var NARROW = '(max-width: 760px)';

  var T = window.FactsTable;
  var dom = window.RA.dom;
  var http = window.RA.http;
  var el = dom.el;
  var str = dom.str;

  var els = dom.byIds({
    open: 'open-documents',
    dialog: 'documents-panel',
    close: 'docs-close',
    back: 'docs-back',
    status: 'docs-status',
    list: 'docs-list',
    detail: 'docs-detail'
  });
  if (!els.open || !els.dialog) return;

  var documents = null;         // loaded once
  var factsCache = {};          // doc id -> facts
  var request = 0;              // bumped per selection: late replies are dropped

  // The server names each document's type ("Kế hoạch", "Dự thảo nghị quyết"): an open list.
  function kindLabel(doc) {
    return str(doc.label) || 'Văn bản';
  }

  // "Bắc Kạn, nay thuộc tỉnh Thái Nguyên": the issuing province and the unit it joined in 2025.
  function provinceLabel(doc) {
    return str(doc.province_label) || str(doc.province);
  }

  function numberLabel(doc) {
    return str(doc.number) || 'không số';
  }

  function isNarrow() {
    return window.matchMedia ? window.matchMedia(NARROW).matches : false;
  }

  function getJson(url) {
    return http.getJson(url, TIMEOUT_MS);
  }

  /* ------------------------------------------------------------------ open / close */

  function open() {
    if (typeof els.dialog.showModal === 'function') {
      if (!els.dialog.open) els.dialog.showModal();
    } else {
      els.dialog.setAttribute('open', '');
    }
    els.open.setAttribute('aria-expanded', 'true');
    if (documents) {
      focusCurrent();
    } else {
      els.close.focus();
      loadDocuments();
    }
  }

  function close() {
    if (typeof els.dialog.close === 'function' && els.dialog.open) els.dialog.close();
    else { els.dialog.removeAttribute('open'); onClosed(); }
  }

  function onClosed() {
    els.open.setAttribute('aria-expanded', 'false');
    els.open.focus();
  }

  /** Focus the chosen document in the list, else the first one, else the close button. */
  function focusListItem() {
    var current = els.list.querySelector('[aria-current="true"]');
    (current || els.list.querySelector('button') || els.close).focus();
  }

  function focusCurrent() {
    if (els.dialog.classList.contains('docs--detail') && isNarrow()) {
      var heading = els.detail.querySelector('.docs__doc-title');
      if (heading) { heading.focus(); return; }
    }
    focusListItem();
  }

  /* ------------------------------------------------------------------ list */

  function setStatus(text, retry) {
    els.status.textContent = '';
    if (!text) { els.status.hidden = true; return; }
    els.status.hidden = false;
    els.status.appendChild(el('span', null, text));
    if (retry) {
      els.status.appendChild(document.createTextNode(' '));
      els.status.appendChild(dom.button('docs__retry', 'Thử lại', retry));
    }
  }

  function loadDocuments() {
    setStatus('Đang tải danh sách văn bản…');
    els.list.setAttribute('aria-busy', 'true');
    getJson('/documents').then(function (data) {
      documents = Array.isArray(data) ? data.filter(function (d) { return d && d.id; }) : [];
      renderList();
      setStatus(documents.length ? '' : 'Chưa có văn bản nào.');
      if (els.dialog.open) focusCurrent();
    }, function () {
      setStatus('Không tải được danh sách văn bản.', loadDocuments);
    }).then(function () {
      els.list.setAttribute('aria-busy', 'false');
    });
  }

  function renderList() {
    els.list.textContent = '';
    documents.forEach(function (doc) {
      var item = el('li', 'docs__entry');
      var button = dom.button('docs__item', null, function () { select(doc.id); });
      button.setAttribute('data-doc-id', doc.id);
      button.appendChild(el('span', 'docs__item-province', provinceLabel(doc) || 'Không rõ tỉnh'));
      button.appendChild(el('span', 'docs__item-kind', kindLabel(doc) + ' · ' + numberLabel(doc)));
      if (str(doc.title)) button.appendChild(el('span', 'docs__item-title', str(doc.title)));
      item.appendChild(button);
      els.list.appendChild(item);
    });
  }

  /* ------------------------------------------------------------------ detail */

  function select(docId) {
    var doc = documents.filter(function (d) { return d.id === docId; })[0];
    if (!doc) return;
    var mine = ++request;
    Array.prototype.forEach.call(els.list.querySelectorAll('.docs__item'), function (button) {
      if (button.getAttribute('data-doc-id') === docId) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    });
    els.dialog.classList.add('docs--detail');
    els.back.hidden = false;
    renderHeader(doc);
    var heading = els.detail.querySelector('.docs__doc-title');
    if (heading) heading.focus();

    var body = el('div', 'docs__facts');
    els.detail.appendChild(body);
    if (factsCache[docId]) { renderFacts(body, doc, factsCache[docId]); return; }
    body.setAttribute('aria-busy', 'true');
    body.appendChild(el('p', 'docs__note', 'Đang tải chỉ tiêu, thời hạn…'));
    getJson('/facts?doc_id=' + encodeURIComponent(docId)).then(function (data) {
      if (mine !== request) return;
      factsCache[docId] = Array.isArray(data) ? data : [];
      renderFacts(body, doc, factsCache[docId]);
    }, function () {
      if (mine !== request) return;
      body.textContent = '';
      var note = el('p', 'docs__note docs__note--error', 'Không tải được chỉ tiêu, thời hạn của văn bản này. ');
      note.appendChild(dom.button('docs__retry', 'Thử lại', function () { select(docId); }));
      body.appendChild(note);
    }).then(function () { body.setAttribute('aria-busy', 'false'); });
  }

  function renderHeader(doc) {
    els.detail.textContent = '';
    var title = el('h3', 'docs__doc-title', kindLabel(doc) + ' ' + numberLabel(doc) +
      (provinceLabel(doc) ? ' — ' + provinceLabel(doc) : ''));
    title.id = 'docs-doc-title';
    title.tabIndex = -1;
    els.detail.appendChild(title);
    if (str(doc.title)) els.detail.appendChild(el('p', 'docs__doc-name', str(doc.title)));
    var meta = [];
    if (str(doc.issuing_body)) meta.push(str(doc.issuing_body));
    if (str(doc.date)) meta.push('ngày ' + T.formatDate(str(doc.date)));
    if (str(doc.period)) meta.push('giai đoạn ' + str(doc.period));
    if (meta.length) els.detail.appendChild(el('p', 'docs__doc-meta', meta.join(' · ')));
  }

  function renderFacts(body, doc, facts) {
    body.textContent = '';
    if (!facts.length) {
      // a secondary document (news article, copy note) repeats a primary one
      body.appendChild(el('p', 'docs__note', !doc.secondary
        ? 'Chưa trích được chỉ tiêu, thời hạn hay trách nhiệm nào từ văn bản này.'
        : kindLabel(doc) + ' nhắc lại văn bản gốc nên không trích chỉ tiêu, thời hạn; hãy xem văn bản gốc.'));
      return;
    }
    var actions = el('p', 'docs__actions');
    var csv = el('a', 'docs__csv', 'Tải CSV');
    csv.href = http.base + '/facts?doc_id=' + encodeURIComponent(doc.id) + '&format=csv';
    csv.setAttribute('download', 'chi-tieu-' + doc.id + '.csv');
    csv.setAttribute('aria-label', 'Tải CSV các chỉ tiêu, thời hạn, trách nhiệm của văn bản này');
    actions.appendChild(csv);
    actions.appendChild(el('span', 'docs__hint', 'Chọn một dòng để xem câu trích nguyên văn.'));
    body.appendChild(actions);
    T.TABLES.forEach(function (spec) {
      var rows = facts.filter(function (f) { return f && f.type === spec.type; });
      body.appendChild(T.renderTable(spec, rows, doc.id));
    });
  }

  function showList() {
    els.dialog.classList.remove('docs--detail');
    els.back.hidden = true;
    focusListItem();
  }

  /* ------------------------------------------------------------------ wiring */

  els.open.addEventListener('click', open);
  els.close.addEventListener('click', close);
  els.back.addEventListener('click', showList);
  els.dialog.addEventListener('close', onClosed);
  // A click on the backdrop (the dialog element itself, outside its box) closes it.
  els.dialog.addEventListener('click', function (event) {
    if (event.target !== els.dialog) return;
    var box = els.dialog.getBoundingClientRect();
    var inside = event.clientX >= box.left && event.clientX <= box.right &&
      event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) close();
  });
  els.dialog.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && typeof els.dialog.showModal !== 'function') close();
  });
})();
