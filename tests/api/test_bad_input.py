"""Bad input on every endpoint gets a clear 4xx JSON `{"detail": …}` or a polite answer,
never a 5xx, and the server stays up; CORS lets only the configured origins in."""
import asyncio
import json
import unicodedata
import uuid

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.middleware import protect
from api.schemas import MAX_MESSAGE_CHARS
from api.settings import ApiSettings

TURNS = ("/chat", "/webhooks/rest/webhook")
JSON = {"Content-Type": "application/json"}


def new_sender() -> str:
    return f"bad-{uuid.uuid4().hex[:10]}"


def post_json(client, path: str, payload: object):
    """JSON with \\u escapes, so lone surrogates survive the trip (httpx would refuse them)."""
    return client.post(path, content=json.dumps(payload).encode(), headers=JSON)


def assert_clear_4xx(response, status=None) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    assert status is None or response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    detail = response.json()["detail"]
    assert detail and len(str(detail)) < 2000  # concise: never echoes a large input back


@pytest.mark.parametrize("path", TURNS)
@pytest.mark.parametrize("body, status", [
    (b"not json", 422),
    (b'{"sender": "x", "message": ', 422),
    (b"", 422),
    (b"null", 422),
    (b"[]", 422),
    (b'"just a string"', 422),
    (b'{"sender": "x", "message": ["a"]}', 422),
    (b'{"sender": "x", "message": {"text": "a"}}', 422),
    (b'{"sender": "x", "message": null}', 422),
    (b'{"sender": ["x"], "message": "hi"}', 422),
    (b'{"sender": "x y <b>", "message": "hi"}', 422),
    (b'{"sender": "x", "message": "\\u0000\\u001b\\t\\n "}', 422),  # nothing left once cleaned
    (b'{"sender": "x", "message": "\xff\xfe hi"}', 400),  # invalid UTF-8
    (b'{"sender": "x", "message": "\xc0\xaf"}', 400),  # overlong UTF-8 encoding of "/"
    (b"[" * 20_000, None),  # nesting deep enough to break a recursive parser
    (b'{"sender": "x", "message": ' + b"9" * 10_000 + b"}", None),  # past Python's int digit limit
])
def test_malformed_bodies(client, path, body, status):
    body = body.replace(b'"x"', f'"{new_sender()}"'.encode())  # no conversation nears its rate limit
    assert_clear_4xx(client.post(path, content=body, headers=JSON), status)


def test_odd_json_that_parses_gets_an_answer(client):
    body = b'\xef\xbb\xbf{"sender": "%s", "message": 1e999999}' % new_sender().encode()  # BOM, infinity
    response = client.post("/chat", content=body, headers=JSON)
    assert response.status_code in (200, 422), response.text[:300]


def test_missing_sender_or_message(client):
    assert_clear_4xx(client.post("/chat", json={"message": "no sender"}), 422)
    assert_clear_4xx(client.post("/chat", json={"sender": new_sender()}), 422)
    assert_clear_4xx(client.post("/webhooks/rest/webhook", json={}), 422)


def test_wrong_content_type(client):
    assert_clear_4xx(client.post("/chat", content=b"sender=x&message=hi",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"}), 422)
    assert_clear_4xx(client.post("/chat", content=b"hi", headers={"Content-Type": "text/plain"}), 422)


@pytest.mark.parametrize("path", TURNS)
def test_oversized_bodies_get_413(client, path):
    huge = b'{"sender": "x", "message": "' + b"a" * 200_000 + b'"}'
    assert_clear_4xx(client.post(path, content=huge, headers=JSON), 413)
    # without Content-Length (chunked), the limit applies while reading
    assert_clear_4xx(client.post(path, content=iter([huge[:1000], huge[1000:]]), headers=JSON), 413)


def raw_post(app, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple[list[dict], int]:
    """One request straight through ASGI: the messages sent back, and how many body chunks were read."""
    pending = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    sent, read = [], 0

    async def receive():
        nonlocal read
        read += 1
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/chat", "raw_path": b"/chat", "query_string": b"", "root_path": "", "headers": headers,
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80), "state": {}}
    asyncio.run(app(scope, receive, send))
    return sent, read


def test_413_comes_before_the_body_is_read():
    app = cors_app([]).app
    sent, read = raw_post(app, [(b"content-length", b"10000000")], [b"x" * 65536] * 200)
    assert sent[0]["status"] == 413 and read == 0
    sent, read = raw_post(app, [], [b"x" * 65536] * 200)  # chunked: stops at the first chunk over
    assert sent[0]["status"] == 413 and read == 2
    sent, _ = raw_post(app, [(b"content-length", b"12abc")], [b"{}"])
    assert sent[0]["status"] == 400


def test_over_long_messages_get_422(client):
    assert_clear_4xx(client.post("/chat", json={"sender": new_sender(), "message": "a" * (MAX_MESSAGE_CHARS + 1)}),
                     422)
    assert_clear_4xx(client.post("/chat", json={"sender": "x" * 129, "message": "hi"}), 422)


def test_a_message_at_the_limit_gets_a_polite_answer(client):
    words = ("Bắc Kạn đặt mục tiêu gì về cáp quang " * 60)[:MAX_MESSAGE_CHARS]
    reply = client.post("/chat", json={"sender": new_sender(), "message": words})
    assert reply.status_code == 200 and reply.json()["text"]


def test_control_characters_are_cleaned(client):
    sender = new_sender()
    message = "Ai ký\x00 nghị\x1b quyết\ncủa\tQuảng\r\nNinh?\x7f\x85"
    reply = client.post("/chat", json={"sender": sender, "message": message})
    assert reply.status_code == 200 and "Nguyễn Xuân Ký" in reply.json()["text"]
    said = client.get(f"/conversations/{sender}/messages").json()["messages"][0]["text"]
    assert said == "Ai ký nghị quyết của Quảng Ninh?"


def test_nfd_text_is_answered_like_nfc(client):
    question = "Ai ký nghị quyết của Quảng Ninh?"
    nfd = unicodedata.normalize("NFD", question)
    assert nfd != question
    sender = new_sender()
    first = client.post("/chat", json={"sender": new_sender(), "message": question}).json()
    second = client.post("/chat", json={"sender": sender, "message": nfd}).json()
    assert second["text"] == first["text"] and second["intent"]["name"] == first["intent"]["name"]
    assert client.get(f"/conversations/{sender}/messages").json()["messages"][0]["text"] == question


@pytest.mark.parametrize("message", [
    "😀😀😀 👍🏽 👨‍👩‍👧",
    "Bắc Kạn 🙏 đặt mục tiêu gì về cáp quang?",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "'; DROP TABLE events; --",
    "\ud83d lone surrogate",
    "ƒ∂ß ∑ ¥ ≈ ç √ ∫ Ω ≤ ≥ µ",
])
def test_odd_but_valid_messages_get_a_polite_answer(client, message):
    assert post_json(client, "/webhooks/rest/webhook", {"sender": new_sender(), "message": message}).status_code == 200
    reply = post_json(client, "/chat", {"sender": new_sender(), "message": message})
    assert reply.status_code == 200, reply.text[:300]
    assert reply.json()["text"] and "<script>" not in reply.json()["text"]


def test_numbers_for_strings_are_taken_as_text(client):
    reply = client.post("/chat", json={"sender": new_sender(), "message": 12345})
    assert reply.status_code == 200 and reply.json()["text"]


@pytest.mark.parametrize("sender", ["bad sender", "%FF%FE", "a" * 300, "%00", "<script>", "..%2F..%2Fetc"])
def test_history_with_bad_sender_ids(client, sender):
    assert_clear_4xx(client.get(f"/conversations/{sender}/messages"))


@pytest.mark.parametrize("params, status", [
    ({"q": ""}, 422),
    ({"q": "a" * 501}, 422),
    ({"q": "x", "k": "abc"}, 422),
    ({"q": "x", "k": 0}, 422),
    ({"q": "x", "k": 10_000}, 422),
    ({"q": "x", "province": "p" * 65}, 422),
    ({}, 422),
])
def test_search_rejects_bad_parameters(client, params, status):
    assert_clear_4xx(client.get("/search", params=params), status)


@pytest.mark.parametrize("q", ["\x00\x01\x02", "😀", "<script>alert(1)</script>", "%FF", "\u200b\u200b",
                               unicodedata.normalize("NFD", "bắc kạn cáp quang"), "   ", "a" * 500])
def test_search_answers_odd_queries(client, q):
    response = client.get("/search", params={"q": q})
    assert response.status_code in (200, 422), response.text[:300]


def test_other_endpoints_shrug_off_junk(client):
    assert client.get("/documents", params={"x": "\x00" * 100}).status_code == 200
    assert client.get("/health", params={"junk": "😀"}).status_code == 200
    assert client.get("/", params={"q": "<script>"}).status_code == 200
    for path in ("/static/nope.js", "/static/..%2F..%2Fapi%2Fsettings.py", "/static/%FF", "/nope"):
        assert client.get(path).status_code == 404
    assert client.put("/chat", json={}).status_code == 405
    assert client.get("/chat").status_code == 405
    assert client.get("/search", params={"q": "x" * 20_000}).status_code == 422


def test_the_server_is_still_up(client):
    assert client.get("/health").json()["status"] == "ok"


def cors_app(origins: list[str]) -> TestClient:
    app = FastAPI()

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok"}

    protect(app, ApiSettings(cors_origins=origins))
    return TestClient(app)


def test_cors_same_origin_only_by_default(client):
    response = client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/chat", headers={"Origin": "https://elsewhere.example",
                                                 "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_configured_origins():
    client = cors_app(["https://dichvucong.example.gov.vn"])
    allowed = client.get("/health", headers={"Origin": "https://dichvucong.example.gov.vn"})
    assert allowed.headers["access-control-allow-origin"] == "https://dichvucong.example.gov.vn"
    refused = client.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in refused.headers
    preflight = client.options("/health", headers={"Origin": "https://evil.example",
                                                   "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 400


def test_cors_origins_from_the_environment(monkeypatch):
    monkeypatch.setenv("ASSISTANT_CORS_ORIGINS", "https://a.example, https://b.example")
    assert ApiSettings().cors_origins == ["https://a.example", "https://b.example"]
