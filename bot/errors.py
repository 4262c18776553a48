"""The coach's errors, under one base class.

    ReframeError
    ├── ConfigError          settings are missing or wrong (every problem listed at once)
    ├── PromptError          prompts/*.toml are broken (every problem listed at once)
    ├── StorageError
    │   ├── StorageFault     the file or its disk is unusable (corrupt, full, read-only, ...)
    │   ├── MigrationError   a migration failed, was edited after release, or the db is newer
    │   └── ConflictError    a session changed under us; the turn is retried
    ├── DeliveryError        a platform refused or failed to take a message; `permanent` when
    │                        trying again cannot help (token revoked, app uninstalled), and
    │                        `retry_after` (seconds) when the platform said how long to wait
    └── PlatformRefused      a platform refuses this process for good (token, fatal close)

Bad user input never raises: it gets a reply.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class ReframeError(Exception):
    """Base of every error the coach raises on purpose."""


class ConfigError(ReframeError):
    """The settings have one or more problems; all of them are listed."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        listed = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"The settings have {len(self.problems)} problem(s):\n{listed}")


class PromptError(ReframeError):
    """The prompt files have one or more problems; all of them are listed."""

    def __init__(self, directory: Path, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        listed = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(
            f"The prompts in {directory} have {len(self.problems)} problem(s):\n{listed}"
        )


class StorageError(ReframeError):
    """The database could not do what was asked."""


class StorageFault(StorageError):
    """The database file or its disk cannot be used; the message names the file and the fix."""


class MigrationError(StorageError):
    """The schema could not be brought up to date."""


class ConflictError(StorageError):
    """Another writer changed the session first; the turn must be recomputed."""


class DeliveryError(ReframeError):
    """A platform did not take a message; `permanent` when no retry can succeed.

    `retry_after` is the wait in seconds the platform asked for (a 429's Retry-After), or None.
    Each adapter builds these at its edge (slack_errors.py, discord_errors.py), so the message
    is log-safe: a method and the platform's error code, never what the user wrote.
    """

    def __init__(
        self, message: str, *, permanent: bool = False, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


class PlatformRefused(ReframeError):
    """A platform refuses this process for good (a bad token, a fatal gateway close): no
    retry will help, so `run` exits non-zero for a supervisor to alert on."""
