"""The chat benchmark's Markdown table and its latency-against-concurrency chart."""
from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from benchmarks.load import LoadResult

# Targets on the 2-core reference machine (see README "Benchmark").
TARGETS = {"p50_ms": 35.0, "p95_ms": 100.0, "turns_per_s_16": 40.0, "ready_s": 20.0}


@dataclass
class Level:
    """One load level summarised over runs: the median of each statistic, errors summed."""

    label: str
    concurrency: int
    conversations: int
    turns: int
    p50: float
    p95: float
    p99: float
    turns_per_s: float
    errors: int
    first_error: Optional[str]


def summarise(label: str, results: list[LoadResult], conversations: int) -> Level:
    med = statistics.median
    return Level(label=label, concurrency=results[0].concurrency, conversations=conversations,
                 turns=results[0].turns, p50=med(r.ms(0.5) for r in results), p95=med(r.ms(0.95) for r in results),
                 p99=med(r.ms(0.99) for r in results), turns_per_s=med(r.turns_per_s for r in results),
                 errors=sum(r.errors for r in results),
                 first_error=next((r.first_error for r in results if r.first_error), None))


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def markdown(levels: list[Level], ready_s: list[float], first_turn_ms: list[float], peak_rss_mb: float,
             loads: list[float], index_table: Optional[str], instances: int = 1) -> str:
    """The whole report: machine, start-up, per-level latency, targets, index scales."""
    seq = levels[0]
    at16 = next((lv for lv in levels if lv.concurrency == 16 and lv is not seq), None)
    lines = [
        "# Chat benchmark", "",
        f"Machine: {os.cpu_count()} cores; 1-minute load average before each run: "
        + ", ".join(f"{x:.2f}" for x in loads) + f" (shared machine: {len(ready_s)} runs, medians shown).",
        f"Server processes: {instances}" + (" (one SQLite tracker DB; each conversation stays on one)"
                                            if instances > 1 else "") + ".", "",
        f"- Start-up to ready (GET /health ok): **{statistics.median(ready_s):.1f} s** median "
        f"(runs: {', '.join(f'{x:.1f}' for x in ready_s)})",
        f"- First turn after ready: {statistics.median(first_turn_ms):.0f} ms median",
        f"- Peak RSS of the server process: **{peak_rss_mb:.0f} MB**" + (" (each)" if instances > 1 else ""), "",
        "| load | conversations | turns | p50 ms | p95 ms | p99 ms | turns/s | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for lv in levels:
        lines.append(f"| {lv.label} | {lv.conversations} | {lv.turns} | {lv.p50:.1f} | {lv.p95:.1f} | {lv.p99:.1f} "
                     f"| {lv.turns_per_s:.1f} | {lv.errors} |")
    errors = [lv for lv in levels if lv.first_error]
    if errors:
        lines += ["", f"First error ({errors[0].label}): `{errors[0].first_error}`"]
    lines += ["", "Targets (2-core machine):",
              f"- sequential p50 ≤ {TARGETS['p50_ms']:.0f} ms: {_verdict(seq.p50 <= TARGETS['p50_ms'])}",
              f"- sequential p95 ≤ {TARGETS['p95_ms']:.0f} ms: {_verdict(seq.p95 <= TARGETS['p95_ms'])}",
              f"- start-up ≤ {TARGETS['ready_s']:.0f} s: {_verdict(statistics.median(ready_s) <= TARGETS['ready_s'])}"]
    if at16:
        ok = at16.turns_per_s >= TARGETS["turns_per_s_16"] and at16.errors == 0
        lines.append(f"- ≥ {TARGETS['turns_per_s_16']:.0f} turns/s at 16 conversations, 0 errors: {_verdict(ok)}")
    if index_table:
        lines += ["", "## Index query latency by corpus size", "", index_table]
    return "\n".join(lines) + "\n"


def chart(levels: list[Level], path: Path, instances: int = 1) -> None:
    """Per-turn latency percentiles and throughput against concurrent conversations."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    swept = levels[1:]  # levels[0] is the sequential run
    xs = [lv.concurrency for lv in swept]
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=120)
    for name, values, style in (("p50", [lv.p50 for lv in swept], "o-"), ("p95", [lv.p95 for lv in swept], "s-"),
                                ("p99", [lv.p99 for lv in swept], "^-")):
        ax.plot(xs, values, style, label=f"{name} latency")
    ax.set_xlabel("concurrent conversations")
    ax.set_ylabel("per-turn latency (ms)")
    ax.set_xticks(xs)
    ax.grid(alpha=0.3)
    rate = ax.twinx()
    rate.plot(xs, [lv.turns_per_s for lv in swept], "d--", color="grey", label="turns/s")
    rate.set_ylabel("turns/s")
    ax.set_ylim(bottom=0)
    rate.set_ylim(bottom=0)
    handles = ax.get_legend_handles_labels()[0] + rate.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], loc="upper left", fontsize=8)
    processes = f", {instances} server processes" if instances > 1 else ""
    ax.set_title(f"POST /chat over loopback, {os.cpu_count()} cores{processes}")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
