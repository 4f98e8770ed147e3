/* The chat's calls to the API, and what their failures tell the reader.
 *
 *   GET  /conversations/{sender}/messages -> {sender, messages: [{role, text, sources, buttons}]}
 *   POST /chat {sender, message}          -> {sender, text, sources, buttons, intent}
 */
(function () {
  'use strict';

  var RA = window.RA = window.RA || {};
  var str = RA.dom.str;

  var CHAT_TIMEOUT_MS = 120000;
  var HISTORY_TIMEOUT_MS = 15000;

  /** FastAPI's {detail: "…" | [{msg}] | {message}} as one line of text. */
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

  /** POST one message. Returns {promise, controller}; the promise always resolves, to
   * {answer: {role, text, sources, buttons, intent}} or {error: {message, detail, retry}}. */
  function send(sender, message) {
    var call = RA.http.fetchJson(RA.http.base + '/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ sender: sender, message: message })
    }, CHAT_TIMEOUT_MS);

    var promise = call.promise.then(function (result) {
      var data = result.data;
      if (!result.response.ok) return { error: httpErrorInfo(result.response, data) };
      if (!data || typeof data !== 'object') {
        return { error: { message: 'Không đọc được câu trả lời từ máy chủ. Vui lòng thử lại.', retry: true } };
      }
      return {
        answer: { role: 'bot', text: data.text, sources: data.sources, buttons: data.buttons, intent: data.intent }
      };
    }, function (error) {
      return {
        error: error && error.timedOut
          ? { message: 'Máy chủ phản hồi quá lâu. Vui lòng thử lại sau ít phút.', retry: true }
          : { message: 'Không gửi được câu hỏi. Vui lòng kiểm tra kết nối mạng rồi thử lại.', retry: true }
      };
    });
    return { promise: promise, controller: call.controller };
  }

  /** The stored messages of a conversation, or null (none, or they could not be read). */
  function history(sender) {
    return RA.http.getJson('/conversations/' + encodeURIComponent(sender) + '/messages', HISTORY_TIMEOUT_MS)
      .then(function (data) {
        return data && Array.isArray(data.messages) ? data.messages : null;
      }, function () { return null; });
  }

  RA.chatApi = { send: send, history: history };
})();
