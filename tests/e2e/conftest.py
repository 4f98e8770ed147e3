"""A real server process, started the way `make run` starts it, on a free loopback port."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

from contextlib import contextmanager
from typing import Iterator, Optional

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def start_server(root, tmp_path_factory, extra_env: Optional[dict] = None) -> Iterator[str]:
    """`python -m api` on a free port with its own tracker database; yields its URL."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1",
           "ASSISTANT_TRACKER_DB": str(tmp_path_factory.mktemp("db") / "tracker.db"), **(extra_env or {})}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "api"], cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as r:
                if json.loads(r.read())["status"] == "ok":
                    break
        except OSError:
            time.sleep(1)
    else:
        proc.kill()
        pytest.fail(f"server not ready in 300 s:\n{log.read_text()[-3000:]}")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="session")
def server_factory(root, tmp_path_factory):
    """server_factory(extra_env) → a context manager that runs a server with that environment."""
    return lambda extra_env=None: start_server(root, tmp_path_factory, extra_env)


@pytest.fixture(scope="session")
def live_server(built, tmp_path_factory, root):
    with start_server(root, tmp_path_factory) as url:
        yield url


@pytest.fixture()
def ask(live_server):
    """ask(message, sender=None) → the /chat JSON; one new conversation per test by default."""
    default_sender = f"e2e-{uuid.uuid4().hex[:12]}"

    def _ask(message: str, sender: str = "") -> dict:
        body = json.dumps({"sender": sender or default_sender, "message": message}).encode()
        request = urllib.request.Request(live_server + "/chat", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    return _ask
