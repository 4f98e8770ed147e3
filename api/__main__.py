"""``python -m api``: serve the assistant on HOST:PORT (default 127.0.0.1:8000)."""
from __future__ import annotations

import os

for key, value in {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "USE_TF": "0",
                   "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1",
                   "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(key, value)

import uvicorn  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import get_api_settings  # noqa: E402


def main() -> None:
    settings = get_api_settings()
    # Rasa pins websockets 10.4, which uvicorn's default websocket backend refuses: none needed.
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, ws="none", log_level="info")


if __name__ == "__main__":
    main()
