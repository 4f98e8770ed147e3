"""The built index on disk: passages, their vectors, the faiss index, facts and a manifest.

Written to a temporary folder and swapped in whole, so a crash mid-build never leaves
a half index; the manifest's per-document content hashes drive incremental rebuilds.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import faiss
import numpy as np

from index.records import DocumentCard, fact_from, passage_from
from knowledge.facts.model import Fact
from knowledge.structure.passages import Passage

FORMAT_VERSION = 1
FILES = ("manifest.json", "passages.jsonl", "documents.json", "facts.jsonl", "vectors.npy", "dense.faiss")


class IndexMissingError(RuntimeError):
    """No usable index on disk; the message names the fix."""


@dataclass
class StoredIndex:
    """Everything search needs, as loaded from (or about to be written to) disk."""

    manifest: dict
    passages: list[Passage]
    documents: list[DocumentCard]
    facts: list[Fact]
    vectors: np.ndarray
    dense: faiss.Index = field(repr=False)


def write(folder: Path, stored: StoredIndex) -> None:
    """Write all files to ``folder.tmp`` then replace ``folder`` with it."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    (tmp / "manifest.json").write_text(json.dumps(stored.manifest, ensure_ascii=False, indent=1), "utf-8")
    for name, rows in (("passages.jsonl", stored.passages), ("facts.jsonl", stored.facts)):
        with (tmp / name).open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    (tmp / "documents.json").write_text(json.dumps([d.to_dict() for d in stored.documents], ensure_ascii=False,
                                                   indent=1), "utf-8")
    np.save(tmp / "vectors.npy", stored.vectors)
    faiss.write_index(stored.dense, str(tmp / "dense.faiss"))
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def read(folder: Path) -> StoredIndex:
    """Load a built index, or raise IndexMissingError saying how to build it."""
    missing = [name for name in FILES if not (folder / name).exists()]
    if missing:
        raise IndexMissingError(
            f"index at {folder} is missing {', '.join(missing)}: run `python -m index build` (or `make index`)")
    try:
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        passages = [passage_from(row) for row in _jsonl(folder / "passages.jsonl")]
        facts = [fact_from(row) for row in _jsonl(folder / "facts.jsonl")]
        documents = [DocumentCard.from_dict(row) for row in json.loads((folder / "documents.json").read_text("utf-8"))]
        vectors = np.load(folder / "vectors.npy")
        dense = faiss.read_index(str(folder / "dense.faiss"))
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        raise IndexMissingError(
            f"index at {folder} is unreadable ({exc}): rebuild it with `python -m index build --full`") from exc
    if manifest.get("format") != FORMAT_VERSION or len(passages) != len(vectors) or dense.ntotal != len(passages):
        raise IndexMissingError(
            f"index at {folder} is inconsistent or from another version: rebuild it with `python -m index build --full`")
    return StoredIndex(manifest=manifest, passages=passages, documents=documents, facts=facts,
                       vectors=vectors, dense=dense)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def read_if_present(folder: Path) -> StoredIndex | None:
    """The previous build for incremental reuse; None when absent or unusable."""
    try:
        return read(folder)
    except IndexMissingError:
        return None
