"""Sentence embeddings with the e5 prompts ("query: " / "passage: ").

Torch runs on one thread per process by default: on a small shared machine a second
thread makes one query ~30× slower whenever another process uses a core.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from index.settings import IndexSettings


class ModelMissingError(RuntimeError):
    """The embedding model folder is not there; the message names the fix."""


class Embedder:
    """Loads the model once, encodes normalised float32 vectors."""

    def __init__(self, settings: IndexSettings) -> None:
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("USE_TF", "0")  # transformers would otherwise import TensorFlow
        import torch

        torch.set_num_threads(settings.torch_threads)
        from sentence_transformers import SentenceTransformer

        self.name = settings.model_path
        local = Path(self.name)
        if settings.model.startswith(("models/", "/", ".")) and not (local / "modules.json").exists():
            raise ModelMissingError(
                f"embedding model not found at {local}: build it with `make model`")
        self.model = SentenceTransformer(self.name, device="cpu").eval()
        self.batch_size = settings.batch_size
        self.fingerprint = _fingerprint(local) if local.exists() else self.name
        self.dim = int(self.model.get_embedding_dimension())

    def _encode(self, texts: list[str], prompt_name: str, progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            texts, prompt_name=prompt_name, batch_size=self.batch_size,
            normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self._encode(texts, "passage", progress)

    def encode_query(self, text: str) -> np.ndarray:
        """The same vector as ``model.encode(prompt_name="query", normalize_embeddings=True)``,
        bit for bit, without what ``encode`` redoes on every call for batches (moving and
        switching all ~11k submodules to device and eval mode: ~5 ms of Python per query)."""
        import torch  # imported in __init__, after the environment is set

        with torch.inference_mode():
            features = self.model.preprocess([text], prompt=self.model.prompts["query"])
            vector = torch.nn.functional.normalize(self.model(features)["sentence_embedding"], p=2, dim=1)
        return np.ascontiguousarray(vector[0].numpy(), dtype=np.float32)


def _fingerprint(folder: Path) -> str:
    """Identifies the model's weights, so a changed model re-embeds everything."""
    digest = hashlib.sha256()
    for f in sorted(folder.rglob("*.json")) + sorted(folder.glob("*.safetensors")):
        digest.update(f.name.encode())
        digest.update(str(f.stat().st_size).encode())
        if f.suffix == ".json":
            digest.update(f.read_bytes())
    return f"{folder.name}:{digest.hexdigest()[:16]}"
