"""Command line: ``python -m index build | search | eval``."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from index.settings import get_settings


@click.group()
def cli() -> None:
    """Build and query the hybrid index over the resolutions."""


@cli.command()
@click.option("--full", is_flag=True, help="Re-embed every document, ignoring the previous build.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(full: bool, quiet: bool) -> None:
    """Parse the sources and (re)build the index; only changed documents are re-embedded."""
    from index.builder import build as run_build

    settings = get_settings()
    report = run_build(settings, full=full, progress=not quiet)
    click.echo(f"index: {settings.path(settings.index_dir)} ({report.index_type})")
    click.echo(f"documents: {len(report.embedded)} embedded, {len(report.reused)} reused, "
               f"{len(report.removed)} removed")
    click.echo(f"passages: {report.passages} ({report.embedded_passages} embedded) in {report.seconds:.1f} s")
    for skipped in report.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)


def _hit_line(hit) -> dict:
    return {"text": hit.text, "province": hit.province, "doc_id": hit.doc_id, "section": hit.section,
            "score": hit.score, "kind": hit.kind, "role": hit.role, "heading": hit.heading,
            "passage_id": hit.passage_id, "dense_score": hit.dense_score, "lexical_score": hit.lexical_score}


@cli.command()
@click.argument("question", required=False)
@click.option("--k", default=5, show_default=True, help="How many passages.")
@click.option("--province", help="Only this province's documents.")
@click.option("--doc-id", help="Only this document.")
@click.option("--kind", help="Only this type (nghi-quyet, ke-hoach, chi-thi, quyet-dinh, bai-viet, …).")
@click.option("--no-auto-filters", is_flag=True, help="Do not read province/number filters from the question.")
@click.option("--json", "as_json", is_flag=True, help="JSON output; without QUESTION, one question per stdin line.")
def search(question: Optional[str], k: int, province: Optional[str], doc_id: Optional[str],
           kind: Optional[str], no_auto_filters: bool, as_json: bool) -> None:
    """Search the index; prints the best passages with their source."""
    from index.search import Searcher

    if question is None and not as_json:
        raise click.UsageError("give a QUESTION, or --json to read questions from stdin")
    searcher = Searcher(get_settings())
    questions = [question] if question is not None else (line.strip() for line in sys.stdin)
    for q in questions:
        if not q:
            continue
        result = searcher.search(q, k=k, province=province, doc_id=doc_id, kind=kind, auto=not no_auto_filters)
        if as_json:
            click.echo(json.dumps([_hit_line(h) for h in result.hits], ensure_ascii=False))
            continue
        read = result.question
        if read.scope or read.doc_ids or read.kinds or read.unknown_provinces:
            click.echo(f"filters: provinces={list(read.scope)} documents={list(read.doc_ids)} kinds={list(read.kinds)}"
                       + (f" (no documents for {list(read.unknown_provinces)})" if read.unknown_provinces else ""))
        for i, h in enumerate(result.hits, start=1):
            click.echo(f"{i}. [{h.score:.4f}] {h.province} · {h.doc_id} · {h.section or h.role}")
            click.echo(f"   {h.text[:300]}")


@cli.command(name="eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--k", default=5, show_default=True)
@click.option("--show-failures", is_flag=True, help="List questions whose answer is not in the top k.")
def evaluate_cmd(questions: Path, k: int, show_failures: bool) -> None:
    """Recall@1, recall@k and MRR on a question file."""
    from index.evaluate import evaluate
    from index.search import Searcher

    result = evaluate(Searcher(get_settings()), questions, k=k)
    click.echo(f"{'type':16s} {'n':>3s} {'R@1':>6s} {'R@' + str(k):>6s} {'MRR':>6s}")
    for name, (n, r1, rk, mrr) in result.by_type().items():
        click.echo(f"{name:16s} {n:3d} {r1:6.2f} {rk:6.2f} {mrr:6.3f}")
    n, r1, rk, mrr = result.overall()
    click.echo(f"{'all':16s} {n:3d} {r1:6.2f} {rk:6.2f} {mrr:6.3f}")
    if show_failures:
        for label, kind, rank in result.ranks:
            if rank is None or rank > k:
                click.echo(f"miss {label} ({kind}): rank {rank}")
    click.echo(f"recall@1 {r1:.3f}  recall@{k} {rk:.3f}  MRR {mrr:.3f}")


if __name__ == "__main__":
    cli()
