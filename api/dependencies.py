"""What routes depend on, injected by FastAPI (and replaceable in tests via dependency_overrides)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from index.runtime import get_searcher
from index.search import Searcher


def searcher() -> Searcher:
    """The loaded index: documents, passages, facts and search (loaded on first use)."""
    return get_searcher()


SearcherDep = Annotated[Searcher, Depends(searcher)]
