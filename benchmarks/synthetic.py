"""A larger corpus made from the seed documents, for scale benchmarks.

Copy c of every document is the same text with its province renamed to another of the
63 (so copies differ where it matters for filters and lexical search) and a new id.
"""
from __future__ import annotations

from pathlib import Path

from knowledge.corpus import DEFAULT_SOURCES, Document, parse_part
from knowledge.documents import SourcePart, load_parts, source_files
from knowledge.language.provinces import PROVINCES


def _rename(text: str, old: str, new: str) -> str:
    return text.replace(old, new).replace(old.upper(), new.upper())


def synthetic_documents(factor: int, sources: Path = DEFAULT_SOURCES) -> list[Document]:
    """``factor`` copies of the seed corpus (copy 0 is the seed itself)."""
    parts = [part for src in source_files(sources) for part in load_parts(src)]
    others = list(PROVINCES)
    docs: list[Document] = []
    for copy in range(factor):
        for part in parts:
            if copy == 0:
                docs.append(parse_part(part))
                continue
            old = part.meta.province or ""
            new = [p for p in others if p != old][(copy - 1) % (len(others) - 1)]
            meta = part.meta.copy(update={"id": f"{part.meta.id}-x{copy}", "province": new,
                                          "title": _rename(part.meta.title or "", old, new) or None})
            docs.append(parse_part(SourcePart(
                meta=meta, raw_text=_rename(part.raw_text, old, new), source_file=part.source_file,
                source_sha256=f"{part.source_sha256}-x{copy}")))
    return docs
