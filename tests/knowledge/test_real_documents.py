"""The 40 real provincial documents of ../shared/corpus/more, read with no metadata file.

MANIFEST.tsv holds their header metadata as read by hand: the software must find the
same by itself. It is read here only to check, never given to the software.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from knowledge.corpus import load
from knowledge.header.header import fold_key
from knowledge.language.provinces import canonical_province

MORE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "more"
FIELDS = ("number", "date", "type", "issuing_body", "province")
pytestmark = pytest.mark.skipif(not MORE.is_dir(), reason="../shared/corpus/more is not beside the repository")


@pytest.fixture(scope="module")
def corpus():
    return load([MORE])


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    with (MORE / "MANIFEST.tsv").open(encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


def _key(value) -> str:
    """Compare as people would: case, diacritics, dashes and the usual abbreviations aside."""
    key = fold_key(str(value) if value else "")
    return key.replace("uy ban nhan dan", "ubnd").replace("hoi dong nhan dan", "hdnd")


def _extracted(doc) -> dict[str, str]:
    m = doc.meta
    return {"number": m.number, "date": m.date.isoformat() if m.date else None, "type": m.type_label,
            "issuing_body": m.issuing_body, "province": m.province}


def test_every_document_is_read_without_a_metadata_file(corpus, manifest):
    assert not list(MORE.glob("*.meta.yaml"))
    assert corpus.skipped == []
    assert {d.source_file for d in corpus.documents} == set(manifest)


def test_header_metadata_matches_the_manifest(corpus, manifest):
    """At least 95% of all fields equal, and each field right in at least 90% of documents."""
    right = {f: 0 for f in FIELDS}
    wrong = []
    for doc in corpus.documents:
        expected = manifest[doc.source_file]
        expected = {**expected, "province": canonical_province(expected["province"])}
        got = _extracted(doc)
        for field in FIELDS:
            if _key(got[field]) == _key(expected[field]):
                right[field] += 1
            else:
                wrong.append((doc.source_file, field, got[field], expected[field]))
    n = len(corpus.documents)
    assert sum(right.values()) >= 0.95 * n * len(FIELDS), wrong
    assert all(count >= 0.9 * n for count in right.values()), (right, wrong)


def _page_signer(path: Path) -> str | None:
    """The signer a web page's own metadata box names ("Người ký: …"), where it has one."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"\*\*Người ký:\*\*\s*\|\s*\n(?P<name>[^\n|]+)", text)
    return m.group("name").strip() if m else None


def test_a_signer_is_found_wherever_a_signature_block_is(corpus):
    checked = 0
    for doc in corpus.documents:
        roles = [p for p in doc.passages if p.role == "signature"]
        assert roles, f"{doc.source_file}: no signature block found"
        assert doc.meta.signer, f"{doc.source_file}: signature block without a name"
        page = _page_signer(MORE / doc.source_file)
        if page:
            checked += 1
            assert _key(doc.meta.signer) == _key(page), doc.source_file
    assert checked >= 15  # the pages that name the signer in their own box agree


def _boundary_before(text: str, at: int) -> bool:
    before = text[:at].rstrip(" ")
    return not before or before.endswith(("\n", ".", ";", ":", "!", "?", ")", "”", "\"", "…"))


def _boundary_after(text: str, end: int) -> bool:
    after = text[end:]
    return not after.strip() or after.startswith("\n")


def _occurrences(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _whole(text: str, lines: list[str]) -> bool:
    """Whether the passage's lines stand in the text where a unit starts and ends."""
    for at in _occurrences(text, lines[0]):
        end_at = text.find(lines[-1], at)
        if end_at < 0:
            continue
        end = end_at + len(lines[-1])
        ends = lines[-1].rstrip().endswith((".", ";", ":", "!", "?", ")", "”", "\"", "…")) or _boundary_after(text, end)
        if _boundary_before(text, at) and ends:
            return True
    return False


def test_no_passage_is_a_wrapped_line_fragment(corpus):
    """Every passage is whole: verbatim in the document's clean text, starting where a
    sentence, clause or item starts and ending where one ends or a line of the document does."""
    fragments = []
    for doc in corpus.documents:
        for p in doc.passages:
            if p.role not in ("body", "row"):
                continue
            lines = p.text.split("\n")
            assert all(line in doc.clean_text for line in lines), (doc.doc_id, p.text[:80])
            if not _whole(doc.clean_text, lines):
                fragments.append((doc.doc_id, p.section, p.text[:60], p.text[-40:]))
    assert not fragments, "\n".join(map(repr, fragments))


def test_passages_keep_legal_and_appendix_paths(corpus):
    docs = {d.doc_id: d for d in corpus.documents}
    lai_chau = docs["lai-chau-89-2025-qd-ubnd"]
    assert any(p.section == "Điều 2, khoản 2, điểm a" and "tuyển dụng viên chức" in p.text for p in lai_chau.passages)
    plan = docs["bac-ninh-144-kh-ubnd-2025"]
    row = next(p for p in plan.passages if p.role == "row" and "5G" in p.text)
    assert row.section.startswith("Phụ lục") and ", dòng " in row.section
    assert "Chỉ tiêu: Tỷ lệ phủ sóng 5G trên địa bàn đạt 100% dân số; Chủ trì: Sở Khoa học và Công nghệ" in row.text
    assert "Chủ trì: Sở Khoa học và Công nghệ" in row.text
    assert row.heading[-1] == "II. Xã hội số"


def test_document_types_are_named_in_their_own_words(corpus):
    labels = {d.meta.type_label for d in corpus.documents}
    assert {"Quyết định", "Kế hoạch", "Chỉ thị", "Nghị quyết", "Công văn"} <= labels
    plan = next(d for d in corpus.documents if d.meta.number == "144/KH-UBND")
    card = next(p for p in plan.passages if p.role == "card")
    assert card.text.startswith("Kế hoạch số 144/KH-UBND ngày 24/11/2025")
    assert "của Ủy ban nhân dân tỉnh Bắc Ninh: Kế hoạch phát triển kinh tế số và xã hội số" in card.text
    assert "Người ký: Mai Sơn" in card.text
