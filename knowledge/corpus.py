"""Parse every source into documents: metadata, clean text, section tree, passages."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge.cleaning import clean_paragraphs
from knowledge.documents import DocumentMeta, SourcePart, load_parts, source_files
from knowledge.passages import Passage, build_passages
from knowledge.sections import ParsedStructure, Section, parse_structure

DEFAULT_SOURCES = Path(__file__).resolve().parent / "sources"
# Bump when parsing changes, so stored indexes know their passages are stale.
PARSER_VERSION = "3"


@dataclass
class Document:
    """One parsed document, ready to index and to cite."""

    meta: DocumentMeta
    clean_text: str
    structure: ParsedStructure
    passages: list[Passage]
    source_file: str
    content_hash: str

    @property
    def doc_id(self) -> str:
        return self.meta.id

    @property
    def sections(self) -> Section:
        return self.structure.root


def parse_part(part: SourcePart) -> Document:
    """Clean, structure and cut one document; fill the signer from its signature block."""
    paragraphs = clean_paragraphs(part.raw_text)
    structure = parse_structure(paragraphs)
    meta = part.meta
    named = [s for s in structure.signatures if s.name]
    if named and not meta.signer:
        meta = meta.copy(update={"signer": named[-1].name, "signer_role": named[-1].role})
    return Document(
        meta=meta,
        clean_text="\n\n".join(paragraphs),
        structure=structure,
        passages=build_passages(meta, structure),
        source_file=part.source_file,
        content_hash=f"{part.source_sha256}:{meta.id}:p{PARSER_VERSION}",
    )


def load_corpus(sources_dir: Path = DEFAULT_SOURCES) -> list[Document]:
    """Every document of every source file in the folder, in a stable order."""
    return [parse_part(part) for src in source_files(sources_dir) for part in load_parts(src)]
