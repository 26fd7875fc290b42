"""Deployment settings: a frozen object built once from the environment (or a .env file)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

DEFAULT_DB_URL = "sqlite+aiosqlite:///./data/tthc.db"
DEFAULT_API_BASE = "https://api.telegram.org/bot"
DEFAULT_FILE_BASE = "https://api.telegram.org/file/bot"
DEFAULT_ZALO_BASE = "https://bot-api.zaloplatforms.com"


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one deployment."""

    bot_token: str | None = field(default=None, repr=False)  # never printed
    database_url: str = DEFAULT_DB_URL
    timezone: ZoneInfo = ZoneInfo("Asia/Ho_Chi_Minh")
    admin_ids: tuple[int, ...] = ()
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_port: int = 8443
    api_base_url: str = DEFAULT_API_BASE
    file_base_url: str = DEFAULT_FILE_BASE
    province: str | None = None
    max_upload_bytes: int = 20 * 1024 * 1024
    # Zalo Bot Platform (handlers.zalo): a second channel beside Telegram, or the only one.
    zalo_bot_token: str | None = field(default=None, repr=False)
    zalo_api_base_url: str = DEFAULT_ZALO_BASE
    zalo_webhook_url: str | None = None
    zalo_webhook_secret: str | None = field(default=None, repr=False)
    zalo_webhook_port: int = 8444
    zalo_monthly_quota: int = 3000  # messages a month, both directions (the free plan)
    zalo_quota_retry: float = 3600.0  # seconds before a reminder refused for quota is tried again
    replicas: int = 1  # bot processes sharing the database (several need PostgreSQL, webhook)
    webhook_stale: float = 30.0  # seconds before another replica takes over an unfinished update
    # Coordinators get one morning list of lead units still not done this many working days
    # after the real last day (services.escalation).
    escalate_after_days: int = 3

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Build settings from an environment mapping; unknown keys are ignored."""
        admins = tuple(
            int(x) for x in env.get("TTHC_ADMIN_IDS", "").replace(";", ",").split(",") if x.strip()
        )
        return cls(
            bot_token=env.get("TELEGRAM_BOT_TOKEN") or env.get("BOT_TOKEN") or None,
            database_url=env.get("DATABASE_URL") or DEFAULT_DB_URL,
            timezone=ZoneInfo(env.get("TTHC_TIMEZONE") or "Asia/Ho_Chi_Minh"),
            admin_ids=admins,
            webhook_url=env.get("TTHC_WEBHOOK_URL") or None,
            webhook_secret=env.get("TTHC_WEBHOOK_SECRET") or None,
            webhook_port=int(env.get("TTHC_WEBHOOK_PORT") or 8443),
            api_base_url=env.get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE,
            file_base_url=env.get("TELEGRAM_FILE_BASE_URL") or DEFAULT_FILE_BASE,
            province=env.get("TTHC_PROVINCE") or None,
            zalo_bot_token=env.get("ZALO_BOT_TOKEN") or None,
            zalo_api_base_url=(env.get("ZALO_API_BASE_URL") or DEFAULT_ZALO_BASE).rstrip("/"),
            zalo_webhook_url=env.get("ZALO_WEBHOOK_URL") or None,
            zalo_webhook_secret=env.get("ZALO_WEBHOOK_SECRET") or None,
            zalo_webhook_port=int(env.get("ZALO_WEBHOOK_PORT") or 8444),
            zalo_monthly_quota=max(1, int(env.get("ZALO_MONTHLY_QUOTA") or 3000)),
            zalo_quota_retry=max(30.0, float(env.get("ZALO_QUOTA_RETRY_SECONDS") or 3600)),
            replicas=max(1, min(64, int(env.get("TTHC_REPLICAS") or 1))),
            webhook_stale=max(1.0, min(3600.0, float(env.get("TTHC_WEBHOOK_STALE_S") or 30))),
            escalate_after_days=max(1, min(60, int(env.get("TTHC_ESCALATE_AFTER_DAYS") or 3))),
        )
