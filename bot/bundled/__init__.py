"""The coach's own files, prompts/ and migrations/, found through importlib.resources.

They stay at the top of the repository; pyproject.toml maps them to the packages
`bot.bundled.prompts` and `bot.bundled.migrations`, so a wheel carries them inside `bot`
and an editable install finds them where they are. REFRAME_PROMPTS_DIR and
REFRAME_MIGRATIONS_DIR override them (see bot.config).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Literal

Kind = Literal["prompts", "migrations"]


def folder(kind: Kind) -> Path | None:
    """The installed folder of `kind` on the file system, or None if this install lacks it.

    None covers a broken install and a zipped one (its files are not plain files on disk).
    """
    try:
        found = files(f"{__name__}.{kind}")
    except ModuleNotFoundError:
        return None
    return found if isinstance(found, Path) and found.is_dir() else None
