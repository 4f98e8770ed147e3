"""Drive the chat API over loopback HTTP: N conversations at a time, each turn timed.

Bounded: every worker runs a fixed list of conversations and stops; nothing loops on
its own. A conversation's turns go in order (a follow-up needs the answer before it);
different conversations run concurrently, each with its own sender id. With several
server URLs, conversation i goes to URL i mod n, all its turns there (a sticky proxy).
"""
from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Optional

import httpx

from benchmarks.bench_index import percentile


@dataclass
class LoadResult:
    """Per-turn latencies (s) of one load level, its errors and wall time."""

    concurrency: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    wall_s: float = 0.0
    first_error: Optional[str] = None

    @property
    def turns(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def turns_per_s(self) -> float:
        return self.turns / self.wall_s if self.wall_s else 0.0

    def ms(self, q: float) -> float:
        return 1000 * (statistics.median(self.latencies) if q == 0.5 else percentile(self.latencies, q))


async def _converse(client: httpx.AsyncClient, url: str, turns: list[str], result: LoadResult) -> None:
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    for message in turns:
        started = time.perf_counter()
        try:
            response = await client.post(f"{url}/chat", json={"sender": sender, "message": message})
            ok = response.status_code == 200 and isinstance(response.json().get("text"), str)
            problem = None if ok else f"HTTP {response.status_code}: {response.text[:200]}"
        except (httpx.HTTPError, ValueError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            result.errors += 1
            result.first_error = result.first_error or problem
        else:
            result.latencies.append(time.perf_counter() - started)


async def _run(urls: list[str], conversations: list[list[str]], concurrency: int, timeout_s: float) -> LoadResult:
    result = LoadResult(concurrency=concurrency)
    pending = list(reversed(list(enumerate(conversations))))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        while pending:
            i, turns = pending.pop()
            await _converse(client, urls[i % len(urls)], turns, result)

    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        result.wall_s = time.perf_counter() - started
    return result


def run_load(urls: list[str], conversations: list[list[str]], concurrency: int, timeout_s: float = 60) -> LoadResult:
    """Run every conversation, ``concurrency`` of them at a time; returns when all are done."""
    return asyncio.run(_run(urls, conversations, concurrency, timeout_s))


def workload(conversations: list[list[str]], count: int) -> list[list[str]]:
    """``count`` conversations cycling through the given ones."""
    return [conversations[i % len(conversations)] for i in range(count)]
