"""What a question asks for: a document's own metadata, a body in a role, a time, a figure;
and whether it states a premise to check ("… 15.000 doanh nghiệp, đúng không?")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from knowledge.language.normalize import fold, nfc, strip_diacritics

# Questions about a document's own metadata: who signed it, when it was issued, its number.
_FIELDS = {
    "signer": re.compile(r"\b(ai ky|nguoi ky|ky boi|do ai ky|ai la nguoi ky|ai da ky)\b"),
    "date": re.compile(r"\b(ban hanh (vao )?(ngay|khi|luc|nam) nao|ngay ban hanh|de ngay|ky ngay nao|ky khi nao"
                       r"|ngay thang nao|ban hanh (vao )?ngay bao nhieu|ra doi (vao )?(ngay|nam|khi) nao"
                       r"|co hieu luc (tu )?(ngay|khi) nao)\b"),
    "number": re.compile(r"\b(so hieu|so ky hieu|(nghi quyet|cong van|van ban|quyet dinh|ke hoach)\b.{0,60}"
                         r"\bso (may|bao nhieu|nao|gi))\b"),
    "title": re.compile(r"\b(ten day du|trich yeu|tieu de|ten goi|ten (cua )?(nghi quyet|van ban|cong van|quyet dinh"
                        r"|ke hoach) (la gi|ra sao))\b"),
    "issuer": re.compile(r"\b((co quan|don vi|ai) nao ban hanh|ban hanh boi|do (co quan|ai) nao ban hanh"
                         r"|ai ban hanh|cua co quan nao)\b"),
}
_WHO = re.compile(r"\b(ai|co quan nao|don vi nao|so nao|ban nao|ben nao|noi nao|bo phan nao|cap nao|nhung ai"
                  r"|nhung co quan nao|nhung don vi nao)\b")
_WHEN = re.compile(r"\b(khi nao|bao gio|luc nao|thoi han|thoi gian (thuc hien|hoan thanh)|han chot|den bao gio"
                   r"|nam nao|quy nao|thang nao|ngay nao|hieu luc|han khi nao)\b")
_AMOUNT = re.compile(r"\b(bao nhieu|bn|may (phan tram|ngay|thang|nam|lan|gio|trieu|ty|diem)|bao lau"
                     r"|muc (chi|phat|ho tro|nao)|toi da la|toi thieu la|thu may|hang may)\b")
_BASIS = re.compile(r"\b(can cu|dua (tren|theo)|theo van ban nao|co so phap ly|theo nghi quyet nao)\b")
_ITEMS = re.compile(r"\b(nhung|cac)\b.{0,40}\bnao\b|\bgom (nhung )?(gi|nao)\b|\bliet ke\b|\bbao gom\b"
                    r"|\bco (nhung|bao nhieu) (muc tieu|chi tieu|nhiem vu|giai phap)\b")
_ROLES = (("chu tri", "chủ trì"), ("phoi hop", "phối hợp"))
# "… đúng không?", "có phải …", "nghe nói …": the user states something and asks if it holds.
_PREMISE = re.compile(r"\b(dung (khong|ko|k|chu|vay khong|the khong)|phai (khong|ko|k|chu)|co dung (la |khong)"
                      r"|co phai|nghe noi|nghe bao|doc duoc (la|rang)|thay bao|co that (la|khong)|that khong)\b")
_CLAIM = re.compile(r"\d+(?:[.,]\d+)*(?:\s*/\s*\d+)?\s*(?:%|phan tram)?")


@dataclass(frozen=True)
class Wants:
    """What the answer must hold."""

    who: bool = False
    role: Optional[str] = None   # the role asked for: chủ trì, phối hợp
    when: bool = False
    amount: bool = False         # "bao nhiêu", "mấy", "bao lâu": the answer holds a figure
    basis: bool = False          # "căn cứ …", "dựa trên …": the legal basis (recitals) is the answer
    items: bool = False          # "những … nào?", "gồm gì?": the items of a section


def wants(question: str) -> Wants:
    folded = fold(question)
    role = next((label for key, label in _ROLES if key in folded), None)
    return Wants(who=bool(_WHO.search(folded)), role=role, when=bool(_WHEN.search(folded)),
                 amount=bool(_AMOUNT.search(folded)), basis=bool(_BASIS.search(folded)),
                 items=bool(_ITEMS.search(folded)))


def metadata_field(question: str) -> Optional[str]:
    """signer, date, number or issuer when the question asks for that, else None."""
    folded = fold(question)
    return next((name for name, pattern in _FIELDS.items() if pattern.search(folded)), None)


def claimed_spans(question: str) -> list[tuple[int, int, str]]:
    """(start, end, figure) of the figures a question asserts, when it asks whether they hold
    ("… 99% không?"); positions in the NFC text."""
    folded = strip_diacritics(nfc(question)).lower()
    if not _PREMISE.search(fold(question)):
        return []
    return [(m.start(), m.end(), m.group(0).strip()) for m in _CLAIM.finditer(folded) if m.group(0).strip()]


def states_premise(question: str) -> bool:
    return bool(_PREMISE.search(fold(question)))


def premise_spans(question: str) -> list[tuple[int, int]]:
    """Where the question asks whether its claim holds ("đúng không", "có phải"): asking words."""
    folded = strip_diacritics(nfc(question)).lower()
    return [(m.start(), m.end()) for m in _PREMISE.finditer(folded)]
