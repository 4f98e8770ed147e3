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


def one_run(levels: dict[str, tuple[int, list[list[str]]]]) -> tuple[float, float, float, dict[str, LoadResult]]:
    """One server process: (ready s, first turn ms, peak RSS MB, results by load label)."""
    with Server() as server:
        first = run_load(server.url, [CONVERSATIONS[0][:1]], 1)
        run_load(server.url, CONVERSATIONS, 1)  # warm-up, not counted
        results = {label: run_load(server.url, conversations, c) for label, (c, conversations) in levels.items()}
        return server.ready_s or 0.0, first.ms(0.5), server.peak_rss_mb() or 0.0, results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="server starts; medians over runs are reported")
    ap.add_argument("--rounds", type=int, default=5, help="passes over the conversations in the sequential run")
    ap.add_argument("--concurrency", default="1,8,16,32")
    ap.add_argument("--index-scales", default="1,10,100", help="corpus multiples for index latency; '' to skip")
    ap.add_argument("--index-queries", type=int, default=200)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args()
    levels = plan([int(c) for c in args.concurrency.split(",") if c], args.rounds)

    loads, ready, first_ms, rss, runs = [], [], [], [], []
    for i in range(args.runs):
        loads.append(os.getloadavg()[0])
        print(f"run {i + 1}/{args.runs}: starting the server …", file=sys.stderr, flush=True)
        ready_s, first, peak, results = one_run(levels)
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

    report = markdown(summary, ready, first_ms, max(rss), loads, index_table)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.md").write_text(report, encoding="utf-8")
    chart(summary, args.out / "latency.png")
    print(report)
    print(f"written: {args.out / 'bench.md'}, {args.out / 'latency.png'} ({time.strftime('%H:%M:%S')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
