/* JSON requests with a time limit, shared by the chat (chat-api.js) and the documents
 * panel (documents.js).
 *
 * The API is on the same origin unless <body data-api-base="…"> says otherwise.
 */
(function () {
  'use strict';

  var RA = window.RA = window.RA || {};
  var base = (document.body.getAttribute('data-api-base') || '').replace(/\/+$/, '');

  /** fetch() that gives up after `timeoutMs`. Returns {promise, controller}: the promise
   * resolves to {response, data, invalid} once the body is read (data: the parsed JSON or
   * null; invalid: the body is empty or not JSON) and rejects with error.timedOut set. */
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
        var invalid = !body;
        try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; invalid = true; }
        return { response: response, data: data, invalid: invalid };
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

  /** GET `path` of the API: the JSON body, or a rejection for an HTTP error or a body
   * that is not JSON. */
  function getJson(path, timeoutMs) {
    return fetchJson(base + path, { headers: { 'Accept': 'application/json' } }, timeoutMs).promise
      .then(function (result) {
        if (!result.response.ok) throw new Error('HTTP ' + result.response.status);
        if (result.invalid) throw new Error('Not JSON');
        return result.data;
      });
  }

  RA.http = { base: base, fetchJson: fetchJson, getJson: getJson };
})();
