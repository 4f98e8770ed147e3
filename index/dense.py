"""The semantic channel: faiss over normalised vectors (inner product = cosine)."""
from __future__ import annotations

from typing import Optional

import faiss
import numpy as np

from index.settings import IndexSettings


def make_index(vectors: np.ndarray, settings: IndexSettings) -> faiss.Index:
    """Exact inner product by default; HNSW when configured, or above the threshold."""
    n, dim = vectors.shape if vectors.size else (0, 384)
    use_hnsw = settings.ann == "hnsw" or (settings.ann == "auto" and n > settings.ann_threshold)
    if use_hnsw:
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = settings.hnsw_ef_search
    else:
        index = faiss.IndexFlatIP(dim)
    if n:
        index.add(vectors)
    return index


def search(index: faiss.Index, query: np.ndarray, k: int,
           allowed: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """(ids, scores) of the k nearest passages, optionally only among ``allowed`` ids."""
    if index.ntotal == 0 or k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    params = None
    if allowed is not None:
        if allowed.size == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        selector = faiss.IDSelectorBatch(allowed.astype(np.int64))
        params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(index.hnsw.efSearch, k))
                  if isinstance(index, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector))
    scores, ids = index.search(query.reshape(1, -1).astype(np.float32), min(k, index.ntotal), params=params)
    keep = ids[0] >= 0
    return ids[0][keep], scores[0][keep]
