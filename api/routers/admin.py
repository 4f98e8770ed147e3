"""Operator actions on the running app, behind a bearer token (ASSISTANT_ADMIN_TOKEN).

Unset token: the endpoints answer 403, so a forgotten variable never leaves them open.
"""
from __future__ import annotations

import asyncio
import hmac
import logging
import threading
import time
from typing import Callable, Optional

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.schemas import AdminReport
from index import store
from index.builder import build
from index.embedder import ModelMissingError
from index.runtime import reload_searcher
from index.settings import get_settings

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/admin", tags=["admin"])
bearer = HTTPBearer(auto_error=False, description="the value of ASSISTANT_ADMIN_TOKEN")
# One admin action at a time; a thread lock, as the work runs in worker threads.
_busy = threading.Lock()


def require_admin(request: Request,
                  credentials: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> None:
    """403 while no token is configured; 401 for a missing or wrong one (constant-time compare)."""
    token = request.app.state.assistant.settings.admin_token
    expected = token.get_secret_value().encode() if token is not None else b""
    if not expected:
        raise HTTPException(403, "admin disabled: set ASSISTANT_ADMIN_TOKEN to enable /admin")
    given = credentials.credentials.encode() if credentials is not None else b""
    if not hmac.compare_digest(given, expected):
        raise HTTPException(401, "Sai hoặc thiếu mã quản trị (Authorization: Bearer <token>).",
                            headers={"WWW-Authenticate": "Bearer"})


def reload_knowledge() -> AdminReport:
    """Drops the cached searcher and loads the index from disk again; a broken index is
    refused before the loaded one is dropped. Questions asked meanwhile load it themselves."""
    started = time.perf_counter()
    settings = get_settings()
    store.read(settings.path(settings.index_dir))
    searcher = reload_searcher()
    return AdminReport(documents=len(searcher.documents), passages=len(searcher.passages),
                       seconds=round(time.perf_counter() - started, 2))


def rebuild_index() -> AdminReport:
    """The incremental build (only new or changed documents are embedded), then a reload.
    The build loads its own model: the tokenizer of the live one is not safe to share
    across threads."""
    started = time.perf_counter()
    report = build(get_settings(), progress=False)
    loaded = reload_knowledge()
    return loaded.copy(update={"seconds": round(time.perf_counter() - started, 2), "embedded": report.embedded,
                               "reused": report.reused, "removed": report.removed})


async def _run_exclusive(work: Callable[[], AdminReport]) -> AdminReport:
    """Runs ``work`` in a thread (the server keeps answering); 409 while another runs."""
    if not _busy.acquire(blocking=False):
        raise HTTPException(409, "another admin action is running; try again when it ends")
    try:
        return await asyncio.to_thread(work)
    except (store.IndexMissingError, ModelMissingError) as exc:
        raise HTTPException(503, str(exc)) from exc
    except Exception as exc:  # a source that does not parse, a full disk: the operator must see why
        logger.exception("admin action failed")
        raise HTTPException(500, f"admin action failed: {exc}") from exc
    finally:
        _busy.release()


@router.post("/reload", response_model=AdminReport, dependencies=[Depends(require_admin)],
             summary="Reload the index and knowledge from disk into the running app")
async def reload() -> AdminReport:
    return await _run_exclusive(reload_knowledge)


@router.post("/rebuild-index", response_model=AdminReport, dependencies=[Depends(require_admin)],
             summary="Run the incremental index build, then reload")
async def rebuild() -> AdminReport:
    return await _run_exclusive(rebuild_index)
