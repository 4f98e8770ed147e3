"""Shared fixtures: the real model and a real index, built once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def base_settings():
    from index.settings import IndexSettings

    settings = IndexSettings()
    if not (settings.path(settings.model) / "modules.json").exists():
        pytest.fail(f"embedding model missing at {settings.model}: run `make model`")
    return settings


@pytest.fixture(scope="session")
def embedder(base_settings):
    from index.embedder import Embedder

    return Embedder(base_settings)


@pytest.fixture(scope="session")
def index_settings(base_settings, tmp_path_factory):
    """Settings whose index folder is a fresh, session-wide temporary one."""
    return base_settings.copy(update={"index_dir": tmp_path_factory.mktemp("index") / "build"})


@pytest.fixture(scope="session")
def searcher(index_settings, embedder):
    from index.builder import build
    from index.search import Searcher

    build(index_settings, embedder=embedder, progress=False)
    return Searcher(index_settings, embedder=embedder)


@pytest.fixture(scope="session")
def built():
    """The built index and trained Rasa model that `make test` prepares (cached build outputs)."""
    from api.settings import ApiSettings
    from index.settings import IndexSettings

    index_dir = IndexSettings().path(IndexSettings().index_dir)
    model = ApiSettings().rasa_model
    missing = [str(p) for p in (index_dir / "manifest.json", model) if not p.exists()]
    if missing:
        pytest.fail(f"build outputs missing ({', '.join(missing)}): run `make index train` (make test does)")
    return model
