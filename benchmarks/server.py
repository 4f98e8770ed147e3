"""A real assistant server for benchmarks: `python -m api` on a free loopback port.

Started exactly as `make run` starts it, with a temporary tracker database, so start-up
time and memory are the ones an operator sees.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> Optional[float]:
    """Peak resident memory of a live process: Linux's VmHWM (exact peak); elsewhere
    psutil's current RSS when installed (psutil has no peak on Linux or macOS)."""
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    try:
        import psutil  # type: ignore[import-not-found]
    except ImportError:
        return None
    return psutil.Process(pid).memory_info().rss / 2**20


class Server:
    """Starts the server, waits for GET /health to say ok, stops it."""

    def __init__(self, extra_env: Optional[dict[str, str]] = None, timeout_s: float = 300) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.timeout_s = timeout_s
        self.tmp = tempfile.TemporaryDirectory(prefix="bench-chat-")
        self.log_path = Path(self.tmp.name) / "server.log"
        self.env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(self.port),
                    "ASSISTANT_TRACKER_DB": str(Path(self.tmp.name) / "tracker.db"), **(extra_env or {})}
        self.proc: Optional[subprocess.Popen] = None

    def start(self) -> float:
        """Seconds from process start to the first healthy answer."""
        with self.log_path.open("w") as log:
            started = time.perf_counter()
            self.proc = subprocess.Popen([sys.executable, "-m", "api"], cwd=ROOT, env=self.env,
                                         stdout=log, stderr=subprocess.STDOUT)
        deadline = started + self.timeout_s
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log()[-3000:]}")
            if self._healthy():
                return time.perf_counter() - started
            time.sleep(0.1)
        log = self.log()
        self.stop()
        raise RuntimeError(f"server not ready in {self.timeout_s:.0f} s:\n{log[-3000:]}")

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                return json.loads(r.read()).get("status") == "ok"
        except (OSError, ValueError):
            return False

    def peak_rss_mb(self) -> Optional[float]:
        return peak_rss_mb(self.proc.pid) if self.proc else None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.tmp.cleanup()
