"""The searcher a process shares: loaded once, on first use or at start-up, swapped on reload.

The dialogue actions and the API routes both reach it here (the routes through FastAPI
dependencies), so a reload after a rebuild is seen by every caller at once.
"""
from __future__ import annotations

from functools import lru_cache

from index.search import Searcher
from index.settings import get_settings


@lru_cache(maxsize=1)
def get_searcher() -> Searcher:
    """The index and model (raises IndexMissingError / ModelMissingError naming the fix)."""
    return Searcher(get_settings())


def reload_searcher() -> Searcher:
    """Load the index again (after a rebuild); callers that ask next get the new one."""
    get_searcher.cache_clear()
    return get_searcher()
