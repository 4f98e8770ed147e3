"""Server configuration, from environment variables (no prefix for HOST/PORT, as users expect)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from pydantic import BaseSettings, Field

ROOT = Path(__file__).resolve().parent.parent


class ApiSettings(BaseSettings):
    host: str = Field("127.0.0.1", env="HOST")
    port: int = Field(8000, env="PORT")
    rasa_model: Path = Field(ROOT / "bot" / "models" / "assistant.tar.gz", env="ASSISTANT_RASA_MODEL")
    tracker_db: Path = Field(ROOT / "var" / "tracker.db", env="ASSISTANT_TRACKER_DB",
                             description="SQLite file of the conversation store")
    action_server_url: Optional[str] = Field(
        None, env="ASSISTANT_ACTION_SERVER_URL",
        description="a separate rasa-sdk action server (e.g. http://127.0.0.1:5055/webhook); "
                    "by default actions run in this process through rasa-sdk's executor")
    max_message_chars: int = Field(2000, env="ASSISTANT_MAX_MESSAGE_CHARS")


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    return ApiSettings()
