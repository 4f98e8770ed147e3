"""Rate limiting: 429 with Retry-After per conversation by default, per address as an option,
and defaults that let one address (a portal's proxy) drive a 32-conversation benchmark."""
import uuid

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.middleware import protect
from api.ratelimit import SlidingWindowLimiter, turn_sender
from api.schemas import ChatRequest, RestRequest
from api.settings import ApiSettings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def small_app(**limits) -> TestClient:
    """The protection on stub routes: no Rasa agent, so no 35 s load."""
    app = FastAPI()

    @app.post("/chat")
    async def chat(body: ChatRequest) -> dict:
        return {"sender": body.sender}

    @app.post("/webhooks/rest/webhook")
    async def webhook(body: RestRequest) -> list:
        return [{"recipient_id": body.sender}]

    @app.get("/search")
    async def search(q: str) -> dict:
        return {"q": q}

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok"}

    protect(app, ApiSettings(**limits))
    return TestClient(app)


def test_sliding_window_counts_the_last_window_only():
    clock = FakeClock()
    limiter = SlidingWindowLimiter(3, 10.0, clock=clock)
    for _ in range(3):  # at 1000, 1002, 1004
        assert limiter.hit("a") == 0.0
        clock.now += 2
    assert limiter.hit("a") == 4.0  # at 1006: the first hit leaves the window in 4 s
    assert limiter.hit("b") == 0.0  # other keys are independent
    clock.now = 1010
    assert limiter.hit("a") == 0.0  # the hit at 1000 has left
    assert limiter.hit("a") == 2.0  # those at 1002 and 1004 still count, with the one at 1010


def test_refused_hits_do_not_extend_the_wait():
    clock = FakeClock()
    limiter = SlidingWindowLimiter(1, 10.0, clock=clock)
    limiter.hit("a")
    for _ in range(50):
        clock.now += 0.1
        assert limiter.hit("a") > 0
    clock.now += 5.1
    assert limiter.hit("a") == 0.0


def test_memory_is_bounded():
    clock = FakeClock()
    limiter = SlidingWindowLimiter(5, 10.0, max_keys=100, clock=clock)
    for i in range(1000):
        limiter.hit(f"sender-{i}")
    assert len(limiter) <= 100
    clock.now += 11
    limiter.hit("late")
    assert len(limiter) == 1  # expired keys are dropped as hits arrive


def test_defaults_let_one_address_drive_32_conversations_at_40_turns_per_second():
    settings = ApiSettings()
    assert settings.rate_limit_per_address == 0  # per-address limiting is opt-in
    clock = FakeClock()
    limiter = SlidingWindowLimiter(settings.rate_limit_per_sender, settings.rate_limit_window_s, clock=clock)
    refused = 0
    for turn in range(40 * 60):  # one minute at 40 turns/s, round-robin over 32 conversations
        clock.now += 1 / 40
        refused += limiter.hit(f"sender:bench-{turn % 32}") > 0
    assert refused == 0


def test_turn_sender_reads_the_json_body():
    assert turn_sender("/chat", b'{"sender": "web-1", "message": "hi"}') == "web-1"
    assert turn_sender("/webhooks/rest/webhook", b'{"message": "hi"}') == "default"
    assert turn_sender("/chat", b'{"sender": 5}') is None
    assert turn_sender("/chat", b"not json") is None
    assert turn_sender("/chat", b"[" * 5000) is None
    assert turn_sender("/chat", b"") is None
    assert len(turn_sender("/chat", ('{"sender": "%s"}' % ("x" * 10_000)).encode())) == 256


def test_429_with_retry_after_per_conversation():
    client = small_app(rate_limit_per_sender=3, rate_limit_window_s=30)
    statuses = [client.post("/chat", json={"sender": "a", "message": "hi"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = client.post("/chat", json={"sender": "a", "message": "hi"})
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 30
    assert "thử lại sau" in refused.json()["detail"]
    # the REST channel is the same conversation; another conversation is not affected
    assert client.post("/webhooks/rest/webhook", json={"sender": "a", "message": "hi"}).status_code == 429
    assert client.post("/chat", json={"sender": "b", "message": "hi"}).status_code == 200
    assert client.get("/search", params={"q": "x"}).status_code == 200  # not a turn


def test_per_address_option():
    client = small_app(rate_limit_per_address=4, rate_limit_window_s=30)
    statuses = [client.post("/chat", json={"sender": f"s{i}", "message": "hi"}).status_code for i in range(4)]
    assert statuses == [200] * 4
    refused = client.get("/search", params={"q": "x"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert client.get("/health").status_code == 200  # monitoring is never limited


def test_one_address_many_conversations_by_default():
    client = small_app()
    statuses = {client.post("/chat", json={"sender": f"bench-{i % 32}", "message": "hi"}).status_code
                for i in range(32 * 5)}
    assert statuses == {200}


def test_the_real_app_limits_a_conversation(client):
    """30 turns per 10 s by default; invalid turns count too (cheap 422s here)."""
    sender = f"rl-{uuid.uuid4().hex[:8]}"
    statuses = [client.post("/chat", json={"sender": sender, "message": ""}).status_code for _ in range(30)]
    assert statuses == [422] * 30
    refused = client.post("/chat", json={"sender": sender, "message": "chào bạn"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert client.post("/chat", json={"sender": f"rl-{uuid.uuid4().hex[:8]}", "message": ""}).status_code == 422
