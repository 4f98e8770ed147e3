"""Build the index (and the extracted facts) from the knowledge base, re-embedding only what changed.

A document is reused when its content hash (source bytes + metadata + parser version)
and the model fingerprint match the previous build; everything else is embedded.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np
from tqdm import tqdm

from index import dense, store
from index.embedder import Embedder
from index.records import DocumentCard
from index.settings import IndexSettings
from knowledge.corpus import Document, load
from knowledge.facts import extract_facts
from knowledge.sources import SkippedSource


@dataclass
class BuildReport:
    """What a build did, for the CLI and for tests."""

    embedded: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)
    passages: int = 0
    embedded_passages: int = 0
    seconds: float = 0.0
    index_type: str = ""


def _previous_rows(previous: Optional[store.StoredIndex], fingerprint: str) -> dict[str, tuple[str, np.ndarray]]:
    """doc_id → (content hash, its vectors) from the previous build, if the model is the same."""
    if previous is None or previous.manifest.get("model") != fingerprint:
        return {}
    rows: dict[str, list[int]] = {}
    for i, passage in enumerate(previous.passages):
        rows.setdefault(passage.doc_id, []).append(i)
    hashes = previous.manifest.get("documents", {})
    return {d: (hashes[d], previous.vectors[idx]) for d, idx in rows.items() if d in hashes}


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _previous_vectors(previous: Optional[store.StoredIndex], fingerprint: str) -> dict[str, np.ndarray]:
    """The previous build's vector of every passage text it embedded (same model only): a
    changed document re-embeds only its passages whose text changed."""
    if previous is None or previous.manifest.get("model") != fingerprint:
        return {}
    return {_text_key(p.context_text()): previous.vectors[i] for i, p in enumerate(previous.passages)}


def _embed(doc: Document, embedder: Embedder, known: dict[str, np.ndarray]) -> tuple[np.ndarray, int]:
    """The document's passage vectors, reusing those of unchanged texts; and how many were new."""
    texts = [p.context_text() for p in doc.passages]
    keys = [_text_key(t) for t in texts]
    missing = [i for i, k in enumerate(keys) if k not in known]
    fresh = embedder.encode_passages([texts[i] for i in missing]) if missing else None
    rows = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for n, i in enumerate(missing):
        rows[i] = fresh[n]
    for i, key in enumerate(keys):
        if key in known:
            rows[i] = known[key]
    return rows, len(missing)


def build(settings: IndexSettings, embedder: Optional[Embedder] = None,
          documents: Optional[Sequence[Document]] = None, full: bool = False,
          progress: bool = True) -> BuildReport:
    """Parse (unless given documents), embed what changed, write the index folder."""
    started = time.perf_counter()
    skipped: list[SkippedSource] = []
    if documents is None:
        corpus = load(settings.source_folders())
        docs, skipped = corpus.documents, corpus.skipped
    else:
        docs = list(documents)
    ids = [d.doc_id for d in docs]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"document ids must be unique; repeated: {sorted(duplicates)}")
    folder = settings.path(settings.index_dir)
    embedder = embedder or Embedder(settings)
    previous = None if full else store.read_if_present(folder)
    reusable = _previous_rows(previous, embedder.fingerprint)
    known = _previous_vectors(previous, embedder.fingerprint)
    report = BuildReport(removed=sorted(set(reusable) - set(ids)), skipped=skipped)

    blocks: list[np.ndarray] = []
    for doc in tqdm(docs, desc="embedding", unit="doc", disable=not progress):
        old = reusable.get(doc.doc_id)
        if old and old[0] == doc.content_hash and len(old[1]) == len(doc.passages):
            blocks.append(old[1])
            report.reused.append(doc.doc_id)
            continue
        rows, fresh = _embed(doc, embedder, known)
        blocks.append(rows)
        report.embedded.append(doc.doc_id)
        report.embedded_passages += fresh

    vectors = np.vstack(blocks) if blocks else np.zeros((0, embedder.dim), dtype=np.float32)
    faiss_index = dense.make_index(vectors, settings)
    report.index_type = type(faiss_index).__name__
    manifest = {
        "format": store.FORMAT_VERSION,
        "model": embedder.fingerprint,
        "dim": embedder.dim,
        "index_type": report.index_type,
        "documents": {d.doc_id: d.content_hash for d in docs},
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    passages = [p for d in docs for p in d.passages]
    facts = [f for d in docs for f in extract_facts(d)]
    store.write(folder, store.StoredIndex(manifest=manifest, passages=passages,
                                          documents=[DocumentCard.of(d) for d in docs], facts=facts,
                                          vectors=vectors, dense=faiss_index))
    report.passages = len(passages)
    report.seconds = time.perf_counter() - started
    return report
