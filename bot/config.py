"""Settings from the environment (and .env), checked all at once at start."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from bot import bundled
from bot.errors import ConfigError
from bot.logs import LogFormat
from bot.preferences import DEFAULT_QUIET_END, DEFAULT_QUIET_START
from bot.storage.cipher import key_problem
from bot.storage.urls import parse_database_url
from bot.timeparse import is_valid_zone, parse_quiet_hours


def default_db_path() -> Path:
    """The database in the user's data directory."""
    return Path(user_data_dir("reframe-coach", appauthor=False)) / "reframe.db"


# Where `reframe run` serves /healthz, /readyz and /metrics unless OPS_PORT says otherwise
# (the port OpenTelemetry's Prometheus exporter uses: rarely taken by anything else).
DEFAULT_OPS_PORT = 9464


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting the coach reads; .env.example documents each one."""

    db_path: Path
    prompts_dir: Path
    migrations_dir: Path
    default_timezone: str = "UTC"
    quiet_start: str = DEFAULT_QUIET_START
    quiet_end: str = DEFAULT_QUIET_END
    idle_days: int = 7
    retention_days: int = 180
    delivery_retry_hours: int = 24
    inbox_backlog_limit: int = 50_000
    crisis_country: str = ""
    log_level: str = "INFO"
    log_format: LogFormat = "text"
    flood_messages: int = 20
    flood_seconds: int = 10
    slack_bot_token: str = ""
    slack_app_token: str = ""
    slack_signing_secret: str = ""
    slack_api_url: str = ""
    slack_client_id: str = ""
    slack_client_secret: str = ""
    slack_token_key: str = ""
    slack_redirect_uri: str = ""
    port: int = 3000
    discord_token: str = ""
    discord_api_base: str = ""
    discord_gateway_url: str = ""
    discord_guild_id: int | None = None
    discord_shard_count: int | None = None
    discord_shard_ids: tuple[int, ...] | None = None
    ops_port: int | None = None
    ops_off: bool = False
    ops_host: str = "0.0.0.0"
    # DATABASE_URL=postgresql://...: PostgreSQL; None: the SQLite file db_path.
    database_url: str | None = None
    # Connections one process may hold to PostgreSQL at once (its asyncpg pool's size).
    database_pool_size: int = 10

    @property
    def database(self) -> Path | str:
        """Where the store is: the PostgreSQL URL when DATABASE_URL names one, else the file."""
        return self.database_url or self.db_path

    @property
    def slack_oauth(self) -> bool:
        """Whether Slack serves many workspaces, each installed through OAuth."""
        return bool(self.slack_client_id and self.slack_client_secret and not self.slack_bot_token)

    @property
    def slack_enabled(self) -> bool:
        """Whether Slack is configured: one workspace's bot token, or OAuth for many."""
        return bool(self.slack_bot_token) or self.slack_oauth

    @property
    def discord_enabled(self) -> bool:
        """Whether a Discord bot token is configured."""
        return bool(self.discord_token)

    def ops_listen_port(self, *, serving: bool) -> int | None:
        """The operations endpoint's port: OPS_PORT, else DEFAULT_OPS_PORT when serving
        platforms (`reframe run`); None when OPS_PORT=off, or unset in `reframe chat`."""
        if self.ops_off:
            return None
        if self.ops_port is not None:
            return self.ops_port
        return DEFAULT_OPS_PORT if serving else None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Read and check the settings; raise one ConfigError listing every problem."""
        problems: list[str] = []

        def text(name: str, default: str = "") -> str:
            return environ.get(name, default).strip()

        def number(name: str, default: int, minimum: int = 1) -> int:
            raw = text(name)
            if not raw:
                return default
            try:
                value = int(raw)
            except ValueError:
                problems.append(f"{name}={raw!r} is not a whole number")
                return default
            if value < minimum:
                problems.append(f"{name}={value} must be at least {minimum}")
                return default
            return value

        # Whether the file is usable is checked as it is opened (bot/storage/preflight.py),
        # where each kind of problem gets its own line and fix.
        db_path = Path(text("REFRAME_DB") or default_db_path()).expanduser()
        database_url: str | None = None
        if text("DATABASE_URL"):
            try:
                target = parse_database_url(text("DATABASE_URL"))
            except ValueError as error:
                problems.append(str(error))
            else:
                if isinstance(target, Path):
                    db_path = target
                elif text("REFRAME_DB"):
                    problems.append(
                        "REFRAME_DB names a SQLite file and DATABASE_URL a PostgreSQL database;"
                        " keep one of them"
                    )
                else:
                    database_url = target
        zone = text("DEFAULT_TIMEZONE", "UTC")
        if not is_valid_zone(zone):
            problems.append(
                f"DEFAULT_TIMEZONE={zone!r} is not a known time zone (try Europe/Berlin)"
            )
        quiet = text("QUIET_HOURS", f"{DEFAULT_QUIET_START}-{DEFAULT_QUIET_END}")
        parsed_quiet = parse_quiet_hours(quiet)
        if parsed_quiet is None:
            problems.append(f"QUIET_HOURS={quiet!r} must look like 21:00-08:00")
            parsed_quiet = (DEFAULT_QUIET_START, DEFAULT_QUIET_END)
        level = text("LOG_LEVEL", "INFO").upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            problems.append(f"LOG_LEVEL={level!r} must be DEBUG, INFO, WARNING or ERROR")
        log_format = text("LOG_FORMAT", "text").lower()
        if log_format not in ("text", "json"):
            problems.append(f"LOG_FORMAT={log_format!r} must be text or json")
        guild = text("DISCORD_GUILD_ID")
        if guild and not (guild.isascii() and guild.isdigit()):
            problems.append(f"DISCORD_GUILD_ID={guild!r} must be a numeric guild id")
        prompts_dir = _folder(text("REFRAME_PROMPTS_DIR"), "prompts", problems)
        migrations_dir = _folder(text("REFRAME_MIGRATIONS_DIR"), "migrations", problems)
        country = text("CRISIS_COUNTRY").upper()
        if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
            problems.append(f"CRISIS_COUNTRY={country!r} must be a two-letter code like GB")
        ops_off = text("OPS_PORT").lower() == "off"
        ops_port = None if ops_off or not text("OPS_PORT") else number("OPS_PORT", 0, minimum=0)
        shard_count = number("DISCORD_SHARD_COUNT", 0) if text("DISCORD_SHARD_COUNT") else None
        shard_ids = _shard_ids(text("DISCORD_SHARD_IDS"), shard_count, problems)
        settings = cls(
            db_path=db_path,
            database_url=database_url,
            database_pool_size=number("DATABASE_POOL_SIZE", 10, minimum=2),
            prompts_dir=prompts_dir,
            migrations_dir=migrations_dir,
            default_timezone=zone,
            quiet_start=parsed_quiet[0],
            quiet_end=parsed_quiet[1],
            idle_days=number("IDLE_DAYS", 7),
            retention_days=number("RETENTION_DAYS", 180),
            delivery_retry_hours=number("DELIVERY_RETRY_HOURS", 24),
            inbox_backlog_limit=number("INBOX_BACKLOG_LIMIT", 50_000),
            crisis_country=country,
            log_level=level,
            log_format="json" if log_format == "json" else "text",
            flood_messages=number("FLOOD_MESSAGES", 20),
            flood_seconds=number("FLOOD_SECONDS", 10),
            slack_bot_token=text("SLACK_BOT_TOKEN"),
            slack_app_token=text("SLACK_APP_TOKEN"),
            slack_signing_secret=text("SLACK_SIGNING_SECRET"),
            slack_api_url=text("SLACK_API_URL"),
            slack_client_id=text("SLACK_CLIENT_ID"),
            slack_client_secret=text("SLACK_CLIENT_SECRET"),
            slack_token_key=text("SLACK_TOKEN_KEY"),
            slack_redirect_uri=text("SLACK_REDIRECT_URI"),
            port=number("PORT", 3000, minimum=0),
            discord_token=text("DISCORD_TOKEN"),
            discord_api_base=text("DISCORD_API_BASE"),
            discord_gateway_url=text("DISCORD_GATEWAY_URL"),
            discord_guild_id=int(guild) if guild.isascii() and guild.isdigit() else None,
            discord_shard_count=shard_count,
            discord_shard_ids=shard_ids,
            ops_port=ops_port,
            ops_off=ops_off,
            ops_host=text("OPS_HOST", "0.0.0.0"),
        )
        if (
            settings.slack_bot_token
            and not settings.slack_app_token
            and not settings.slack_signing_secret
        ):
            problems.append(
                "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor "
                "SLACK_SIGNING_SECRET (HTTP mode) is"
            )
        problems.extend(_slack_oauth_problems(settings))
        if problems:
            raise ConfigError(problems)
        return settings


def _folder(override: str, kind: bundled.Kind, problems: list[str]) -> Path:
    """The folder named by the override setting, else the one installed with the code."""
    name = f"REFRAME_{kind.upper()}_DIR"
    if override:
        folder = Path(override).expanduser()
        if not folder.is_dir():
            problems.append(f"{name}={folder}: no such folder")
        return folder
    installed = bundled.folder(kind)
    if installed is None:
        problems.append(f"this installation carries no {kind}: reinstall it, or set {name}")
        return Path(kind)
    return installed


def _slack_oauth_problems(settings: Settings) -> list[str]:
    """What stops the many-workspaces mode (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)."""
    if not (settings.slack_client_id or settings.slack_client_secret):
        return []
    if not (settings.slack_client_id and settings.slack_client_secret):
        return ["SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both or neither"]
    if settings.slack_bot_token:
        return [
            "set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
            "(any workspace installs the coach), not both"
        ]
    problems = []
    if settings.slack_app_token:
        problems.append("Slack installs through OAuth run in HTTP mode: unset SLACK_APP_TOKEN")
    if not settings.slack_signing_secret:
        problems.append("Slack installs through OAuth need SLACK_SIGNING_SECRET (HTTP mode)")
    key = key_problem("SLACK_TOKEN_KEY", settings.slack_token_key)
    if key is not None:
        problems.append(key)
    return problems


def _shard_ids(raw: str, count: int | None, problems: list[str]) -> tuple[int, ...] | None:
    """DISCORD_SHARD_IDS ("0,1" or "0-3") checked against DISCORD_SHARD_COUNT."""
    if not raw:
        return None
    ids: list[int] = []
    for part in raw.replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if not all(p.isascii() and p.isdigit() for p in (first, last or first)):
            problems.append(f"DISCORD_SHARD_IDS={raw!r} must look like 0,1 or 0-3")
            return None
        ids.extend(range(int(first), int(last or first) + 1))
    if count is None:
        problems.append("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total across processes)")
    elif not ids or max(ids) >= count:
        problems.append(f"DISCORD_SHARD_IDS={raw!r} must be below DISCORD_SHARD_COUNT={count}")
    return tuple(sorted(set(ids)))
