/* Tables of a document's facts (targets, deadlines, responsibilities) for documents.js.
 *
 * Each row expands to the verbatim quote that states it, so a reader can check the value.
 * Rows carry explicit ARIA roles: on phones CSS turns them into cards (display: block),
 * which would otherwise drop the table semantics. textContent only, never innerHTML.
 * Needs dom.js (window.RA.dom).
 */
(function () {
  'use strict';

  var dom = window.RA.dom;
  var el = dom.el;
  var str = dom.str;

  /** "2021-04-22" -> "22/4/2021", the way the documents write dates. */
  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? parseInt(m[3], 10) + '/' + parseInt(m[2], 10) + '/' + m[1] : iso;
  }

  /** "≥ 90%", "vị trí 20 - 25", "> 10.000 doanh nghiệp": comparator, value and unit. */
  function formatValue(fact) {
    var value = str(fact.value);
    var unit = str(fact.unit);
    var amount = unit === '%' ? value + '%' : unit === 'vị trí' ? 'vị trí ' + value : (value + ' ' + unit).trim();
    var comparator = str(fact.comparator);
    return (comparator && comparator !== '=' ? comparator + ' ' : '') + amount;
  }

  function dash(value) { return str(value) || '—'; }

  var SECTION = { label: 'Mục', className: 'fact__section', value: function (f) { return dash(f.section); } };

  var TABLES = [
    {
      type: 'target', title: 'Chỉ tiêu', empty: 'Văn bản không nêu chỉ tiêu có số liệu.',
      columns: [
        { label: 'Chỉ tiêu', main: true, value: function (f) { return str(f.indicator) || str(f.quote); } },
        { label: 'Giá trị', className: 'fact__value', value: formatValue,
          note: function (f) { return str(f.qualifier); } },
        { label: 'Năm', className: 'fact__year', value: function (f) { return dash(f.year); } },
        SECTION
      ]
    },
    {
      type: 'deadline', title: 'Thời hạn', empty: 'Văn bản không nêu thời hạn nào.',
      columns: [
        { label: 'Hạn', className: 'fact__due', value: function (f) { return dash(f.due); } },
        { label: 'Nội dung', main: true, value: function (f) { return str(f.item) || str(f.quote); } },
        SECTION
      ]
    },
    {
      type: 'responsibility', title: 'Trách nhiệm', empty: 'Văn bản không giao trách nhiệm cho cơ quan cụ thể.',
      columns: [
        { label: 'Cơ quan', className: 'fact__actor', value: function (f) { return dash(f.actor); } },
        { label: 'Vai trò', className: 'fact__role', value: function (f) { return dash(f.role); } },
        { label: 'Nhiệm vụ', main: true, value: function (f) { return str(f.task) || str(f.quote); } },
        SECTION
      ]
    }
  ];

  function setOpen(row, toggle, quoteRow, open) {
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    quoteRow.hidden = !open;
    row.classList.toggle('fact--open', open);
  }

  function quoteRowFor(fact, id, span) {
    var row = el('tr', 'fact__quote-row');
    row.setAttribute('role', 'row');
    row.id = id;
    row.hidden = true;
    var cell = el('td');
    cell.setAttribute('role', 'cell');
    cell.colSpan = span;
    var where = ['Trích nguyên văn'];
    if (str(fact.section)) where.push('mục ' + str(fact.section));
    if (str(fact.level)) where.push(str(fact.level));
    cell.appendChild(el('p', 'fact__quote-label', where.join(' · ')));
    cell.appendChild(el('blockquote', 'fact__quote', str(fact.quote) || 'Không có đoạn trích.'));
    var heading = Array.isArray(fact.heading) ? fact.heading.map(str).filter(Boolean) : [];
    if (heading.length) cell.appendChild(el('p', 'fact__heading', heading.join(' › ')));
    row.appendChild(cell);
    return row;
  }

  function rowsFor(spec, fact, id) {
    var row = el('tr', 'fact');
    row.setAttribute('role', 'row');
    var quoteRow = quoteRowFor(fact, id, spec.columns.length);
    var toggle = null;
    spec.columns.forEach(function (column) {
      var cell = el('td', column.main ? 'fact__main' : column.className);
      cell.setAttribute('role', 'cell');
      cell.setAttribute('data-label', column.label);
      var text = column.value(fact);
      if (column.main) {
        toggle = dom.button('fact__toggle', text, function () {
          setOpen(row, toggle, quoteRow, quoteRow.hidden);
        });
        toggle.setAttribute('aria-controls', id);
        toggle.setAttribute('aria-expanded', 'false');
        cell.appendChild(toggle);
      } else {
        // One child per cell: on phones the cell is a two-column grid (label, content).
        var content = el('span', 'fact__content');
        content.appendChild(el('span', 'fact__text', text));
        var note = column.note ? column.note(fact) : '';
        if (note) content.appendChild(el('span', 'fact__note', note));
        cell.appendChild(content);
      }
      row.appendChild(cell);
    });
    // The whole row opens the quote for a mouse or a finger; the button is for keyboards.
    row.addEventListener('click', function (event) {
      if (event.target.closest('button, a')) return;
      if (window.getSelection && String(window.getSelection())) return;
      setOpen(row, toggle, quoteRow, quoteRow.hidden);
    });
    return [row, quoteRow];
  }

  /** A titled section with the table of `facts` of one type, or a note when there are none. */
  function renderTable(spec, facts, docId) {
    var titleId = 'facts-' + spec.type + '-title';
    var section = el('section', 'facts facts--' + spec.type);
    section.setAttribute('aria-labelledby', titleId);
    var title = el('h4', 'facts__title', spec.title + ' ');
    title.id = titleId;
    title.appendChild(el('span', 'facts__count', '(' + facts.length + ')'));
    section.appendChild(title);
    if (!facts.length) {
      section.appendChild(el('p', 'docs__note', spec.empty));
      return section;
    }
    var scroll = el('div', 'facts__scroll');
    var table = el('table', 'facts__table');
    table.setAttribute('role', 'table');
    table.setAttribute('aria-labelledby', titleId);
    var head = el('thead');
    head.setAttribute('role', 'rowgroup');
    var headRow = el('tr');
    headRow.setAttribute('role', 'row');
    spec.columns.forEach(function (column) {
      var th = el('th', column.main ? 'fact__main' : column.className, column.label);
      th.scope = 'col';
      th.setAttribute('role', 'columnheader');
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el('tbody');
    body.setAttribute('role', 'rowgroup');
    facts.forEach(function (fact, index) {
      rowsFor(spec, fact, 'q-' + docId + '-' + spec.type + '-' + index).forEach(function (row) {
        body.appendChild(row);
      });
    });
    table.appendChild(body);
    scroll.appendChild(table);
    section.appendChild(scroll);
    return section;
  }

  window.FactsTable = { formatDate: formatDate, formatValue: formatValue, TABLES: TABLES, renderTable: renderTable };
})();
