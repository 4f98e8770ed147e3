"""Two app instances sharing one PostgreSQL tracker store and one Redis lock store: a
conversation whose turns alternate between them keeps its context (README "Scale-out").

Debian's redis-server and postgresql are installed with apt-get when absent (CI runs as
root); both run on loopback from temporary folders, postgres as its own unprivileged user
when this runs as root (it refuses to run as root). Everything is stopped at the end.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterator, Optional

import pytest

READY_S = 240  # two instances load side by side on two cores


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(check: Callable[[], bool], seconds: float, what: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{what} exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if check():
                return
        except Exception:  # not up yet
            pass
        time.sleep(0.3)
    pytest.fail(f"{what} not ready in {seconds:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _apt_install(package: str) -> Optional[str]:
    """None when installed, else why it could not be."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return f"{package} is not installed, and apt-get needs root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "install", "-y", "-qq", package], ["apt-get", "update", "-qq"],
                 ["apt-get", "install", "-y", "-qq", package]):
        done = subprocess.run(step, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode == 0 and step[1] == "install":
            return None
    return f"apt-get install {package} failed: {done.stderr.strip()[-300:]}"


def _postgres_bin() -> Optional[Path]:
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[-3]))
    return Path(versions[-1]).parent if versions else None


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory) -> Iterator[str]:
    if not shutil.which("redis-server"):
        problem = _apt_install("redis-server")
        if problem:
            pytest.skip(problem)
    import redis

    folder, port = tmp_path_factory.mktemp("redis"), _free_port()
    log = folder / "redis.log"
    with log.open("w") as out:
        proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                 "--appendonly", "no", "--dir", str(folder)], stdout=out, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        _wait(lambda: bool(client.ping()), 30, "redis-server", proc, log)
        yield f"redis://127.0.0.1:{port}/1"
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if _postgres_bin() is None:
        problem = _apt_install("postgresql")
        if problem:
            pytest.skip(problem)
    binaries = _postgres_bin()
    if binaries is None:
        pytest.skip("postgresql installed, but no initdb found")
    as_user: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root: its own user, in a folder it owns
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser: cannot start postgres as another user")
        try:
            import pwd

            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
    root.chmod(0o755)
    data, port, log = root / "data", _free_port(), root / "postgres.log"
    data.mkdir(mode=0o700)
    log.touch()
    if as_user:
        for path in (root, data, log):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    proc = None
    try:
        subprocess.run([*as_user, str(binaries / "initdb"), "-D", str(data), "-U", "assistant", "--auth=trust",
                        "-E", "UTF8", "--no-sync"], check=True, capture_output=True, timeout=120)
        with log.open("a") as out:
            proc = subprocess.Popen([*as_user, str(binaries / "postgres"), "-D", str(data), "-p", str(port),
                                     "-k", str(root), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
                                    stdout=out, stderr=subprocess.STDOUT)
        import psycopg2

        def create_database() -> bool:
            conn = psycopg2.connect(host="127.0.0.1", port=port, user="assistant", dbname="postgres")
            try:
                conn.autocommit = True  # CREATE DATABASE runs outside a transaction
                conn.cursor().execute("CREATE DATABASE tracker")
            finally:
                conn.close()
            return True

        _wait(create_database, 60, "postgres", proc, log)
        yield f"postgresql://assistant@127.0.0.1:{port}/tracker"
    finally:
        if proc is not None:
            _stop(proc)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def instances(built, root, redis_url, postgres_url, tmp_path_factory) -> Iterator[list[str]]:
    """Two `python -m api` processes on two ports, sharing both stores."""
    procs, urls = [], []
    try:
        for name in ("a", "b"):
            port, folder = _free_port(), tmp_path_factory.mktemp(f"instance-{name}")
            env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "ASSISTANT_TRACKER_URL": postgres_url,
                   "ASSISTANT_LOCK_STORE_URL": redis_url, "ASSISTANT_TRACKER_DB": str(folder / "unused.db")}
            with (folder / "server.log").open("w") as out:
                procs.append((subprocess.Popen([sys.executable, "-m", "api"], cwd=root, env=env, stdout=out,
                                               stderr=subprocess.STDOUT), folder / "server.log"))
            urls.append(f"http://127.0.0.1:{port}")
        for url, (proc, log) in zip(urls, procs):
            _wait(lambda: _get(url + "/health")["status"] == "ok", READY_S, f"instance {url}", proc, log)
        yield urls
    finally:
        for proc, _ in procs:
            _stop(proc)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def _ask(url: str, sender: str, message: str) -> dict:
    request = urllib.request.Request(url + "/chat", data=json.dumps({"sender": sender, "message": message}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def _provinces(reply: dict) -> set:
    return {s["province"] for s in reply["sources"]}


def test_turns_alternating_between_instances_keep_the_conversation(instances, postgres_url, redis_url):
    a, b = instances
    sender = f"scale-{uuid.uuid4().hex[:10]}"
    first = _ask(a, sender, "Quảng Ninh đặt mục tiêu thu hút FDI bao nhiêu đến năm 2025?")
    assert _provinces(first) == {"Quảng Ninh"}
    follow = _ask(b, sender, "Còn định hướng đến 2030 thì sao?")  # B has never seen this conversation
    assert "5 tỷ USD" in follow["text"][:400] and _provinces(follow) == {"Quảng Ninh"}, follow["text"][:300]
    switched = _ask(a, sender, "Còn Bắc Kạn?")
    assert _provinces(switched) <= {"Bắc Kạn"}
    topic = _ask(b, sender, "Còn cáp quang thì sao?")  # the province B learns from A's turn
    assert "80%" in topic["text"][:400] and _provinces(topic) == {"Bắc Kạn"}, topic["text"][:300]
    history = _get(f"{a}/conversations/{sender}/messages")["messages"]
    assert [m["role"] for m in history] == ["user", "bot"] * 4

    import psycopg2
    import redis

    with psycopg2.connect(postgres_url) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM events WHERE sender_id = %s AND type_name = 'user'", (sender,))
        assert cursor.fetchone()[0] == 4
    stats = redis.Redis.from_url(redis_url).info("commandstats")
    assert stats.get("cmdstat_set", {}).get("calls", 0) >= 4  # the instances took their locks there


def test_simultaneous_turns_of_one_conversation_take_turns(instances):
    """The shared lock: two messages of one conversation, one to each instance at the same
    moment (a double submit), are answered one after the other, each reply right after its
    question; for several conversations at once."""
    messages = ["Bắc Kạn đặt mục tiêu gì về cáp quang?", "Lai Châu đặt chỉ tiêu gì về dịch vụ công trực tuyến?"]
    senders = [f"scale-lock-{uuid.uuid4().hex[:10]}" for _ in range(4)]
    calls = [(url, sender, message) for sender in senders for url, message in zip(instances, messages)]
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        replies = list(pool.map(lambda call: _ask(*call), calls))
    assert all(reply["text"] for reply in replies)
    for sender in senders:
        history = _get(f"{instances[0]}/conversations/{sender}/messages")["messages"]
        assert [m["role"] for m in history] == ["user", "bot"] * 2, (sender, history)
        assert sorted(m["text"] for m in history if m["role"] == "user") == sorted(messages)
