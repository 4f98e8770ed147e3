"""Server configuration, from environment variables (no prefix for HOST/PORT, as users expect)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseSettings, Field, SecretStr

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
    max_message_chars: int = Field(2000, env="ASSISTANT_MAX_MESSAGE_CHARS",
                                   description="longest chat message, after normalisation (read at start-up)")
    # Limits and protection (README "Limits and protection").
    max_body_bytes: int = Field(64 * 1024, env="ASSISTANT_MAX_BODY_BYTES",
                                description="larger request bodies get 413 before they are read")
    sender_pattern: str = Field(r"^[A-Za-z0-9_.:@\-]{1,128}$", env="ASSISTANT_SENDER_PATTERN",
                                description="regex a conversation id must match (read at start-up)")
    max_query_chars: int = Field(500, env="ASSISTANT_MAX_QUERY_CHARS",
                                 description="longest query-string parameter value (e.g. /search?q=)")
    rate_limit_window_s: float = Field(10.0, env="ASSISTANT_RATE_LIMIT_WINDOW_S")
    rate_limit_per_sender: int = Field(
        30, env="ASSISTANT_RATE_LIMIT_PER_SENDER",
        description="chat turns per conversation per window; 0 = off. Per conversation because a portal's "
                    "reverse proxy makes all citizens one address")
    rate_limit_per_address: int = Field(0, env="ASSISTANT_RATE_LIMIT_PER_ADDRESS",
                                        description="requests per client address per window; 0 = off")
    cors_origins: list[str] = Field([], env="ASSISTANT_CORS_ORIGINS",
                                    description="comma-separated origins allowed to call the API from a "
                                                "browser; empty = same origin only")
    admin_token: Optional[SecretStr] = Field(None, env="ASSISTANT_ADMIN_TOKEN",
                                       description="bearer token of /admin/*; unset = admin disabled")

    class Config:
        @classmethod
        def parse_env_var(cls, field_name: str, raw_val: str) -> Any:
            """Origins are written "a,b" in the environment, not as JSON."""
            if field_name == "cors_origins":
                return [origin.strip() for origin in raw_val.split(",") if origin.strip()]
            return cls.json_loads(raw_val)  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    return ApiSettings()
