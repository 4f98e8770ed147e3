"""Index benchmark: build time, passages/s, query latency and memory at 1×, 10×, 100×.

Each scale runs in its own process so its peak RSS is its own. Prints a Markdown table.
Usage: python benchmarks/bench_index.py [--scales 1,10,100] [--queries 200]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Realistic questions, with and without diacritics; not the evaluation set.
QUESTIONS = [
    "Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3, 4 đến năm 2025 là bao nhiêu?",
    "mức độ hài lòng của người dân về dịch vụ y tế giáo dục công lập",
    "Ban Tuyên giáo Tỉnh ủy có nhiệm vụ gì trong thực hiện nghị quyết?",
    "chi so PCI xep hang muc tieu moi nam tang bao nhieu bac",
    "Ai ký nghị quyết về cải cách hành chính?",
    "Đến năm nào hoàn thành chuyển đổi số trong cơ quan đảng?",
    "ty le can bo cong chuc cap xa co trinh do dai hoc",
    "Trung tâm Phục vụ hành chính công cần làm gì?",
    "Cắt giảm bao nhiêu thời gian giải quyết thủ tục hành chính?",
    "Nghị quyết giao Văn phòng Tỉnh ủy chủ trì việc gì?",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


class TimedEmbedder:
    """Wraps the real embedder to time passage embedding; above the embedded scales it
    reuses the vectors of the seed document each synthetic copy was made from (copies differ
    only in the province's name), since embedding 28k passages on one core takes an hour.
    Queries are always embedded for real."""

    def __init__(self, embedder, seed_docs: int, reuse: bool) -> None:
        self.inner, self.seed_docs, self.reuse = embedder, seed_docs, reuse
        self.fingerprint, self.dim = embedder.fingerprint, embedder.dim
        self.blocks: list = []
        self.calls = 0
        self.embedded = 0
        self.seconds = 0.0

    def encode_passages(self, texts: list[str], progress: bool = False):
        position, self.calls = self.calls, self.calls + 1
        if self.reuse and position >= self.seed_docs:
            block = self.blocks[position % self.seed_docs]
            if len(block) == len(texts):
                return block
        started = time.perf_counter()
        vectors = self.inner.encode_passages(texts, progress)
        self.seconds += time.perf_counter() - started
        self.embedded += len(texts)
        if position < self.seed_docs:
            self.blocks.append(vectors)
        return vectors

    def encode_query(self, text: str):
        return self.inner.encode_query(text)


def run_scale(scale: int, n_queries: int, embed_up_to: int = 10) -> dict:
    """Build and query one scale in this process; return its numbers."""
    from benchmarks.synthetic import synthetic_documents
    from index import dense
    from index.builder import build
    from index.embedder import Embedder
    from index.search import Searcher
    from index.settings import IndexSettings
    from knowledge.language.normalize import canonical, expand_abbreviations

    docs = synthetic_documents(scale)
    seeds = len(synthetic_documents(1))
    with tempfile.TemporaryDirectory() as tmp:
        settings = IndexSettings(index_dir=Path(tmp) / "build")
        embedder = Embedder(settings)
        timed = TimedEmbedder(embedder, seeds, reuse=scale > embed_up_to)
        report = build(settings, embedder=timed, documents=docs, full=True, progress=False)
        load_started = time.perf_counter()
        searcher = Searcher(settings, embedder=embedder)
        load_s = time.perf_counter() - load_started
        provinces = sorted({d.meta.province for d in docs if d.meta.province})
        total, dense_only, lexical_only = [], [], []
        for i in range(n_queries):
            q = QUESTIONS[i % len(QUESTIONS)]
            if i % 2:  # half the questions name a province, as users often do
                q = f"{q} ({provinces[i % len(provinces)]})"
            t0 = time.perf_counter()
            searcher.search(q, k=5)
            total.append(time.perf_counter() - t0)
            vec = embedder.encode_query(expand_abbreviations(canonical(q)))
            t1 = time.perf_counter()
            dense.search(searcher.stored.dense, vec, 50)
            dense_only.append(time.perf_counter() - t1)
            t2 = time.perf_counter()
            searcher.lexical.scores(q)
            lexical_only.append(time.perf_counter() - t2)
    return {
        "scale": scale, "documents": len(docs), "passages": report.passages,
        "build_s": report.seconds, "embedded": timed.embedded, "embed_s": timed.seconds,
        "passages_per_s": timed.embedded / max(timed.seconds, 1e-9),
        "index_type": report.index_type, "load_s": load_s,
        "p50_ms": 1000 * statistics.median(total), "p95_ms": 1000 * percentile(total, 0.95),
        "dense_p50_ms": 1000 * statistics.median(dense_only),
        "lexical_p50_ms": 1000 * statistics.median(lexical_only),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--embed-up-to", type=int, default=10,
                    help="scales above this reuse the seed vectors (embedding is timed at the lower scales)")
    ap.add_argument("--one-scale", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one_scale:
        print(json.dumps(run_scale(args.one_scale, args.queries, args.embed_up_to)))
        return 0
    rows = measure([int(s) for s in args.scales.split(",")], args.queries, args.embed_up_to)
    print(markdown(rows))
    return 0


def measure(scales: list[int], queries: int, embed_up_to: int = 10) -> list[dict]:
    """One fresh process per scale (its peak RSS is its own); raises if one fails."""
    rows = []
    for scale in scales:
        print(f"index scale {scale}× …", file=sys.stderr, flush=True)
        out = subprocess.run([sys.executable, __file__, "--one-scale", str(scale), "--queries", str(queries),
                              "--embed-up-to", str(embed_up_to)],
                             capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if out.returncode != 0:
            raise RuntimeError(f"index benchmark at {scale}× failed:\n{out.stderr[-3000:]}")
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def markdown(rows: list[dict]) -> str:
    lines = [f"torch threads: {os.environ.get('ASSISTANT_TORCH_THREADS', '1')}, cpu cores: {os.cpu_count()}; "
             "above the embedded scales, copies reuse their seed document's vectors (see `embedded`)", "",
             "| scale | docs | passages | embedded | embed s | embed passages/s | build s (all) | index | load s "
             "| query p50 ms | query p95 ms | faiss p50 ms | bm25 p50 ms | peak RSS MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['scale']}× | {r['documents']} | {r['passages']} | {r['embedded']} | {r['embed_s']:.1f} "
                     f"| {r['passages_per_s']:.1f} | {r['build_s']:.1f} | {r['index_type']} | {r['load_s']:.2f} "
                     f"| {r['p50_ms']:.1f} "
                     f"| {r['p95_ms']:.1f} | {r['dense_p50_ms']:.2f} | {r['lexical_p50_ms']:.2f} "
                     f"| {r['peak_rss_mb']:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
