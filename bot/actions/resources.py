"""The searcher the actions share: loaded once per process, on first use or at start-up."""
from __future__ import annotations

from functools import lru_cache

from index.search import Searcher
from index.settings import get_settings


@lru_cache(maxsize=1)
def get_searcher() -> Searcher:
    """The index and model (raises IndexMissingError / ModelMissingError naming the fix)."""
    return Searcher(get_settings())


def documents_by_id() -> dict[str, dict]:
    return {d["id"]: d for d in get_searcher().documents}
