/* Small DOM helpers shared by the chat (messages.js, app.js) and the documents panel
 * (facts-table.js, documents.js). Loaded first: the other scripts read window.RA.dom.
 *
 * Text is only ever written with textContent / createElement: never innerHTML.
 */
(function () {
  'use strict';

  var RA = window.RA = window.RA || {};

  /** <tag class="className">text</tag>; text is set with textContent. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** A <button type="button">, with a click handler when one is given. */
  function button(className, text, onClick) {
    var node = el('button', className, text);
    node.type = 'button';
    if (onClick) node.addEventListener('click', onClick);
    return node;
  }

  /** Any value as trimmed text: '' for undefined and null. */
  function str(value) {
    if (value === undefined || value === null) return '';
    return String(value).trim();
  }

  function removeNode(node) {
    if (node && node.parentNode) node.parentNode.removeChild(node);
  }

  /** {name: 'element-id', …} -> {name: element, …} */
  function byIds(ids) {
    var found = {};
    Object.keys(ids).forEach(function (name) {
      found[name] = document.getElementById(ids[name]);
    });
    return found;
  }

  RA.dom = { el: el, button: button, str: str, removeNode: removeNode, byIds: byIds };
})();
