"""Faults: a failing action gives the user an apology; a missing or broken build output
stops `python -m api` with one line that names the fix, not a traceback or a hang."""
import asyncio
import os
import subprocess
import sys
import uuid
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI

from api.action_endpoint import ACTION_FAILED
from api.middleware import protect
from api.settings import ApiSettings
from index.runtime import get_searcher
from index import store
from index.store import IndexMissingError

ROOT = Path(__file__).resolve().parents[2]


def test_a_failing_action_gives_an_apology(client, monkeypatch):
    def broken_search(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(get_searcher(), "search", broken_search)
    sender = f"fault-{uuid.uuid4().hex[:8]}"
    reply = client.post("/chat", json={"sender": sender, "message": "Bắc Kạn đặt mục tiêu gì về cáp quang?"})
    assert reply.status_code == 200 and ACTION_FAILED in reply.json()["text"]
    assert reply.json()["sources"] == []
    monkeypatch.undo()
    again = client.post("/chat", json={"sender": sender, "message": "Bắc Kạn đặt mục tiêu gì về cáp quang?"})
    assert again.status_code == 200 and ACTION_FAILED not in again.json()["text"]


def test_an_unexpected_error_answers_json_500():
    from fastapi.testclient import TestClient

    app = FastAPI()

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("bug")

    protect(app, ApiSettings())
    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500 and "thử lại" in response.json()["detail"]


def test_a_startup_error_is_reported_in_one_line():
    """What uvicorn prints for a failed start-up is the message Starlette sends with it."""

    @asynccontextmanager
    async def lifespan(app):
        raise IndexMissingError("index at x is missing manifest.json: run `python -m index build`")
        yield

    app = FastAPI(lifespan=lifespan)
    protect(app, ApiSettings())
    sent = []

    async def receive():
        return {"type": "lifespan.startup"}

    async def send(message):
        sent.append(message)

    with pytest.raises(IndexMissingError):
        asyncio.run(app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, receive, send))
    assert sent == [{"type": "lifespan.startup.failed",
                     "message": "IndexMissingError: index at x is missing manifest.json: run `python -m index build`"}]


def corrupt_index(folder: Path) -> Path:
    folder.mkdir()
    for name in store.FILES:
        (folder / name).write_bytes(b"\x00garbage")
    return folder


@pytest.mark.parametrize("case", ["empty index folder", "corrupt index", "missing model"])
def test_python_m_api_names_the_fix_and_exits(case, tmp_path):
    env = {**os.environ, "PORT": "0", "HOST": "127.0.0.1"}
    if case == "empty index folder":
        env["ASSISTANT_INDEX_DIR"], fix = str(tmp_path), "python -m index build"
    elif case == "corrupt index":
        env["ASSISTANT_INDEX_DIR"], fix = str(corrupt_index(tmp_path / "build")), "python -m index build --full"
    else:
        env["ASSISTANT_RASA_MODEL"], fix = str(tmp_path / "assistant.tar.gz"), "make train"
    run = subprocess.run([sys.executable, "-m", "api"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    output = run.stdout + run.stderr
    assert run.returncode != 0
    errors = [line for line in output.splitlines() if line.startswith("ERROR:")]
    assert fix in errors[0] and "Traceback" not in output, output[-3000:]
