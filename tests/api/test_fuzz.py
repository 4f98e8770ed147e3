"""Property-based fuzzing of every operation in the app's OpenAPI: whatever is sent, the
answer is never a 5xx, and a 4xx says why in JSON `{"detail": …}`.

schemathesis would be the tool, but no release fits this lock (jsonschema<4.18 for Rasa
needs schemathesis<=3.21, which needs pytest<8): hypothesis drives the requests instead,
from the same OpenAPI document, in-process against the real app.
"""
import json
import string
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from api.app import create_app
from api.schemas import SENDER_PATTERN
from api.settings import ApiSettings

FUZZ = settings(max_examples=100, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))

# Strings that stress parsers: control characters, NFD, emoji, markup, lone surrogates, long runs.
nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(exclude_categories=()), max_size=40),  # with lone surrogates
    st.sampled_from(["", " ", "\x00", "\t\n\r", "<script>alert(1)</script>", "😀👨‍👩‍👧", "Bắc Kạn",
                     "Ba\u0306\u0301c Ka\u0323n", "'; DROP TABLE events; --", "../../etc/passwd", "%FF", "null",
                     "Ai ký nghị quyết của Quảng Ninh?", "bac kan cap quang"]),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "ệ", "😀", " ", "\x1b"]), st.integers(1, 3000)),
)
valid_sender = st.from_regex(SENDER_PATTERN, fullmatch=True)
# Real questions, and the same with odd things around them: most turns then reach the agent.
questions = st.one_of(
    st.sampled_from(["Bắc Kạn đặt mục tiêu gì về cáp quang?", "Ai ký nghị quyết của Quảng Ninh?", "chào bạn",
                     "bac kan cap quang ho gia dinh", "Còn Lai Châu thì sao?", "Thời hạn hoàn thành là khi nào?"]),
    st.builds(lambda before, question, after: before + question + after, nasty_text,
              st.sampled_from(["Lai Châu đạt bao nhiêu %", "Sở Nội vụ chịu trách nhiệm gì"]), nasty_text),
)
json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | nasty_text,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(nasty_text, inner, max_size=3),
                          max_leaves=8)


def operations(spec: dict) -> list[tuple[str, str, dict]]:
    """Every operation of the schema, and the page and static files it leaves out."""
    return [(method.upper(), path, op) for path, item in spec["paths"].items()
            for method, op in item.items() if method in ("get", "post")] + [
        ("GET", path, {}) for path in ("/", "/static/app.js", "/static/style.css")]


# The schema without loading the agent (an app is only loaded when entered).
SPEC = create_app(ApiSettings()).openapi()


def property_value(schema: dict) -> st.SearchStrategy:
    """Mostly the declared type, with every kind of wrong value mixed in."""
    kind = schema.get("type")
    if schema.get("pattern") == SENDER_PATTERN or "sender" in str(schema.get("title", "")).lower():
        return st.one_of(valid_sender, nasty_text, json_value)
    if kind == "string":
        return st.one_of(questions, nasty_text, json_value)
    if kind in ("integer", "number"):
        return st.one_of(st.integers(-10**6, 10**6), st.floats(), json_value)
    return json_value


@st.composite
def json_body(draw: st.DrawFn, schema: dict) -> bytes:
    """Any bytes, any JSON, the model's fields each maybe missing or wrong, or (half the
    time) a well-formed turn whose message is a question with odd text around it."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(st.binary(max_size=200))
    if choice == 1:
        return json.dumps(draw(json_value)).encode()
    fields = schema.get("properties", {})
    if choice >= 5 and {"sender", "message"} <= set(fields):
        return json.dumps({"sender": draw(valid_sender), "message": draw(st.one_of(questions, nasty_text))}).encode()
    return json.dumps({name: draw(property_value(prop)) for name, prop in fields.items()
                       if draw(st.integers(0, 5))}).encode()


def parameter_value(param: dict) -> st.SearchStrategy:
    """Values that fit the parameter's schema (pattern, range, examples) and values that do not."""
    schema = param.get("schema", {})
    known = [e["value"] for e in (param.get("examples") or {}).values() if "value" in e]
    known += [str(v) for v in schema.get("enum", [])] + [str(e) for e in schema.get("examples", [])]
    if "pattern" in schema:
        fitting = st.from_regex(schema["pattern"], fullmatch=True)
    elif schema.get("type") == "integer":
        fitting = st.integers(schema.get("minimum", -10), schema.get("maximum", 100)).map(str)
    else:
        fitting = st.one_of(questions, st.text(max_size=30))
    urlable = nasty_text.filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s))
    return st.one_of(fitting, fitting, urlable, st.integers(-100, 10**6).map(str),
                     *([st.sampled_from(known)] if known else []))


def resolve(schema: dict) -> dict:
    ref = schema.get("$ref", "")
    return SPEC["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else schema


def test_the_schema_lists_every_endpoint(client):
    assert client.get("/openapi.json").json() == SPEC
    paths = {path for _, path, _ in operations(SPEC)}
    assert {"/chat", "/webhooks/rest/webhook", "/conversations/{sender}/messages", "/search", "/documents",
            "/health", "/admin/reload", "/admin/rebuild-index"} <= paths


@pytest.mark.parametrize("method, path, op", operations(SPEC), ids=[f"{m} {p}" for m, p, _ in operations(SPEC)])
@FUZZ
@given(data=st.data())
def test_no_input_makes_a_server_error(client, method, path, op, data):
    params, headers, content = {}, {}, None
    for param in op.get("parameters", []):
        if param["in"] == "path":
            path = path.replace("{%s}" % param["name"], quote(data.draw(parameter_value(param)), safe="") or "x")
        elif param["in"] == "query" and data.draw(st.integers(0, 9 if param.get("required") else 1)):
            params[param["name"]] = data.draw(parameter_value(param), label=param["name"])
    if "requestBody" in op:
        schema = resolve(op["requestBody"]["content"]["application/json"]["schema"])
        content = data.draw(json_body(schema), label="body")
        kinds = ["application/json"] * 4 + ["text/plain", "application/x+json"]
        headers["Content-Type"] = data.draw(st.sampled_from(kinds), label="content-type")
    if op.get("security"):
        headers["Authorization"] = data.draw(st.text(string.printable.strip(), max_size=30), label="authorization")
    response = client.request(method, path, params=params, content=content, headers=headers)
    event(f"status {response.status_code}")  # shown by --hypothesis-show-statistics
    assert response.status_code < 500, (method, path, params, content and content[:300], response.text[:300])
    if response.status_code >= 400 and response.headers.get("content-type", "").startswith("application/json"):
        assert response.json().get("detail")
