"""The wheel as a newcomer installs it: the texts and migrations travel inside the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from bot import bundled
from bot.config import Settings
from bot.errors import ConfigError
from bot.prompts import load_catalog
from tests.conftest import MIGRATIONS, PROMPTS, ROOT
from tests.test_cli import cli_env

# What a wheel is built from: the checkout's packaged parts, copied so the build leaves no
# build/ or *.egg-info in the working tree.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "bot", "prompts", "migrations")


def _packages() -> list[str]:
    """The packages pyproject.toml lists for the wheel."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    packages: list[str] = config["tool"]["setuptools"]["packages"]
    return packages


def test_every_package_under_bot_is_in_the_wheel() -> None:
    """pyproject.toml lists each package folder under bot/, so none is left out of the wheel."""
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "bot").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    listed = set(_packages())
    assert found <= listed, f"add to pyproject.toml packages: {sorted(found - listed)}"
    assert {"bot.bundled.prompts", "bot.bundled.migrations"} <= listed


def test_the_code_finds_prompts_and_migrations_through_importlib_resources() -> None:
    """Without overrides, the settings point at the folders importlib.resources finds."""
    assert bundled.folder("prompts") == PROMPTS
    assert bundled.folder("migrations") == MIGRATIONS


def test_the_environment_overrides_still_win(tmp_path: Path) -> None:
    """REFRAME_PROMPTS_DIR and REFRAME_MIGRATIONS_DIR replace the installed folders; a missing
    folder is named in the settings error."""
    texts, sql = tmp_path / "texts", tmp_path / "sql"
    shutil.copytree(PROMPTS, texts)
    shutil.copytree(MIGRATIONS, sql)
    base = {"REFRAME_DB": str(tmp_path / "r.db")}
    settings = Settings.from_env(
        base | {"REFRAME_PROMPTS_DIR": str(texts), "REFRAME_MIGRATIONS_DIR": str(sql)}
    )
    assert (settings.prompts_dir, settings.migrations_dir) == (texts, sql)
    with pytest.raises(ConfigError, match="REFRAME_MIGRATIONS_DIR"):
        Settings.from_env(base | {"REFRAME_MIGRATIONS_DIR": str(tmp_path / "nowhere")})


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built from a copy of the checkout."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    # The PEP 517 hook pip itself would call, with the test extra's setuptools: no download.
    build = f"from setuptools import build_meta; build_meta.build_wheel({str(out)!r})"
    subprocess.run([sys.executable, "-c", build], cwd=source, check=True, capture_output=True)
    (built,) = out.glob("reframe_coach-*.whl")
    return built


def test_the_wheel_carries_every_prompt_and_migration(wheel: Path) -> None:
    """Each file of prompts/ and migrations/ (PostgreSQL's own too) is in the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"bot/bundled/prompts/{p.name}" for p in PROMPTS.glob("*.toml")}
    expected |= {f"bot/bundled/migrations/{p.name}" for p in MIGRATIONS.glob("*.sql")}
    expected |= {
        f"bot/bundled/migrations/postgresql/{p.name}"
        for p in (MIGRATIONS / "postgresql").glob("*.sql")
    }
    assert len(expected) > 10 and expected <= names


def test_the_installed_wheel_chats_and_migrates_with_no_checkout_beside_it(
    wheel: Path, tmp_path: Path
) -> None:
    """Installed from the wheel and run from an empty folder, `chat` answers and `migrate` works."""
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), wheel],
        check=True,
        capture_output=True,
    )
    away = tmp_path / "elsewhere"
    away.mkdir()
    # -S skips site-packages and its .pth files (the editable install of this checkout):
    # `bot` can come only from the wheel; the dependencies come from this venv's folder.
    env = cli_env(tmp_path, PYTHONPATH=f"{site}:{sysconfig.get_paths()['purelib']}")

    def python(*args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [sys.executable, "-S", *args],
            cwd=away,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = python("-c", "import bot.bundled as b; print(b.folder('prompts'))")
    assert Path(where.strip()) == site / "bot" / "bundled" / "prompts"
    catalog = load_catalog(PROMPTS)
    chat = python("-m", "bot", "chat", "--user", "newcomer", stdin="My manager said no\n")
    assert catalog.text("welcome.intro").split("{")[0] in chat
    assert catalog.text("ask.ask") in chat
    migrated = python("-m", "bot", "migrate", "--db", str(tmp_path / "fresh.db"))
    assert "applied 0001_init" in migrated
