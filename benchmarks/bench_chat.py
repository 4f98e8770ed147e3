"""Chat benchmark: start-up time, per-turn latency under concurrent conversations, memory,
and index query latency at larger corpus sizes.

Starts the assistant as a real server (`python -m api`, loopback, temporary tracker DB)
``--runs`` times; each run measures time to ready, warms up, then drives multi-turn
conversations sequentially and at each concurrency level. Medians over runs are reported
(the machine may be shared). Writes benchmarks/out/bench.md and benchmarks/out/latency.png.
Usage: python benchmarks/bench_chat.py [--runs 3] [--concurrency 1,8,16,32] [--index-scales 1,10,100]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_index  # noqa: E402
from benchmarks.conversations import CONVERSATIONS  # noqa: E402
from benchmarks.load import LoadResult, run_load, workload  # noqa: E402
from benchmarks.report import chart, markdown, summarise  # noqa: E402
from benchmarks.server import Server  # noqa: E402

CONVERSATIONS_PER_WORKER = 3


def plan(concurrency: list[int], rounds: int) -> dict[str, tuple[int, list[list[str]]]]:
    """Each load level: its label, concurrency and the conversations it runs."""
    levels = {"sequential": (1, workload(CONVERSATIONS, rounds * len(CONVERSATIONS)))}
    for c in concurrency:
        levels[f"{c} concurrent"] = (c, workload(CONVERSATIONS, max(len(CONVERSATIONS), c * CONVERSATIONS_PER_WORKER)))
    return levels


def one_run(levels: dict[str, tuple[int, list[list[str]]]],
            instances: int) -> tuple[float, float, float, dict[str, LoadResult]]:
    """Server processes sharing one tracker DB: (ready s of the first, first turn ms,
    largest peak RSS MB, results by load label). Each conversation stays on one instance,
    so the in-memory lock stores are enough."""
    servers = [Server()]
    try:
        ready = servers[0].start()
        for _ in range(instances - 1):
            servers.append(Server({"ASSISTANT_TRACKER_DB": servers[0].env["ASSISTANT_TRACKER_DB"]}))
            servers[-1].start()
        urls = [s.url for s in servers]
        first = run_load(urls[:1], [CONVERSATIONS[0][:1]], 1)
        run_load(urls, CONVERSATIONS * instances, instances)  # warm-up, not counted
        results = {label: run_load(urls, conversations, c) for label, (c, conversations) in levels.items()}
        return ready, first.ms(0.5), max(s.peak_rss_mb() or 0.0 for s in servers), results
    finally:
        for server in reversed(servers):  # the first holds the shared database
            server.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="server starts; medians over runs are reported")
    ap.add_argument("--rounds", type=int, default=5, help="passes over the conversations in the sequential run")
    ap.add_argument("--concurrency", default="1,8,16,32")
    ap.add_argument("--instances", type=int, default=1,
                    help="server processes sharing one SQLite tracker DB, conversations spread over them")
    ap.add_argument("--index-scales", default="1,10,100", help="corpus multiples for index latency; '' to skip")
    ap.add_argument("--index-queries", type=int, default=200)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args()
    levels = plan([int(c) for c in args.concurrency.split(",") if c], args.rounds)

    loads, ready, first_ms, rss, runs = [], [], [], [], []
    for i in range(args.runs):
        loads.append(os.getloadavg()[0])
        print(f"run {i + 1}/{args.runs}: starting the server …", file=sys.stderr, flush=True)
        ready_s, first, peak, results = one_run(levels, args.instances)
        print(f"  ready in {ready_s:.1f} s; " + "; ".join(
            f"{label}: p50 {r.ms(0.5):.0f} ms, {r.turns_per_s:.1f} turns/s, {r.errors} errors"
            for label, r in results.items()), file=sys.stderr, flush=True)
        ready.append(ready_s)
        first_ms.append(first)
        rss.append(peak)
        runs.append(results)

    summary = [summarise(label, [r[label] for r in runs], len(conversations))
               for label, (_, conversations) in levels.items()]
    scales = [int(s) for s in args.index_scales.split(",") if s.strip()]
    index_table = bench_index.markdown(bench_index.measure(scales, args.index_queries)) if scales else None

    report = markdown(summary, ready, first_ms, max(rss), loads, index_table, args.instances)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.md").write_text(report, encoding="utf-8")
    chart(summary, args.out / "latency.png", args.instances)
    print(report)
    print(f"written: {args.out / 'bench.md'}, {args.out / 'latency.png'} ({time.strftime('%H:%M:%S')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
