"""Index configuration, from environment variables (prefix ``ASSISTANT_``) or defaults.

Relative paths are taken from the repository root, so commands work from any folder.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseSettings, Field

ROOT = Path(__file__).resolve().parent.parent


class IndexSettings(BaseSettings):
    """Where things live and how search behaves."""

    model: str = Field("models/multilingual-e5-small",
                       description="sentence-transformers folder, or a hub id where a hub is reachable")
    index_dir: Path = Path("index/build")
    sources_dir: Path = Path("knowledge/sources")
    sources_dirs: str = Field("", description="several source folders, separated by ':' (or ','); "
                                              "replaces sources_dir when set, e.g. knowledge/sources:../shared/corpus/more")
    torch_threads: int = Field(1, description="torch threads per process; 1 keeps latency flat under load")
    batch_size: int = 32
    ann: Literal["flat", "hnsw", "auto"] = Field(
        "auto", description="flat = exact inner product; hnsw = approximate; auto = hnsw above ann_threshold")
    ann_threshold: int = 50_000
    hnsw_m: int = 32
    hnsw_ef_search: int = 128
    rrf_k: int = 60
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    # A question typed without diacritics carries little meaning for the dense model.
    dense_weight_no_diacritics: float = 0.3

    class Config:
        env_prefix = "ASSISTANT_"

    def source_folders(self) -> list[Path]:
        """The folders whose documents are indexed."""
        if self.sources_dirs.strip():
            return [self.path(p.strip()) for p in re.split(r"[:,]", self.sources_dirs) if p.strip()]
        return [self.path(self.sources_dir)]

    def path(self, value: Path | str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else ROOT / p

    @property
    def model_path(self) -> str:
        """A local folder when one exists at ``model``; otherwise ``model`` as a hub id."""
        local = self.path(self.model)
        return str(local) if local.exists() else self.model


@lru_cache(maxsize=1)
def get_settings() -> IndexSettings:
    return IndexSettings()
