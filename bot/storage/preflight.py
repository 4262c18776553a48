"""Before SQLite opens the file: private permissions, and one clear line for every start failure.

The database holds what people told the coach, so its directory is made 0700 and its files
(the database, `-wal`, `-shm`, `-journal`) 0600 whatever the umask; SQLite gives `-wal` and
`-shm` the mode of the database file, so creating that file 0600 first covers them too.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

from bot.config import default_db_path
from bot.errors import StorageFault

log = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")
_MOVE_ASIDE = "move it aside (a new database is created at start) or restore it from a backup"


def database_files(path: Path) -> list[Path]:
    """The database and the side files SQLite keeps next to it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILES)]


def prepare(path: Path) -> None:
    """Make the directory and the database file exist with private modes; raise
    StorageFault (naming the path and the fix) when that cannot be done."""
    if path.is_dir():
        raise StorageFault(
            f"the database path {path} is a directory; point REFRAME_DB (or --db) at a file "
            f"such as {path / 'reframe.db'}"
        )
    folder = path.parent
    try:
        _prepare_folder(folder)
        existed = not _create_file(path)
    except OSError as error:
        raise describe(path, error) from error
    if existed and not os.access(path, os.R_OK | os.W_OK):
        raise describe(path, OSError(errno.EROFS, "read-only", str(path)))
    if not os.access(folder, os.W_OK | os.X_OK):
        # SQLite must create -wal and -shm beside the file.
        raise describe(path, PermissionError(errno.EACCES, "not writable", str(folder)))
    try:
        for file in database_files(path):
            _tighten(file)
    except OSError as error:
        raise describe(path, error) from error


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(folder))
    if not folder.exists():
        folder.mkdir(parents=True, mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
        return
    # An operator's own folder (/srv/coach, a project folder) may be shared on purpose; the
    # files in it are private either way. The default data folder is ours alone.
    if folder == default_db_path().parent:
        _tighten(folder)
    elif stat.S_IMODE(folder.stat().st_mode) & 0o077:
        log.info("%s is readable by others; the database files in it are private (0600)", folder)


def _create_file(path: Path) -> bool:
    """Create the file 0600 before SQLite does (SQLite would use 0644 minus the umask);
    False when it was already there."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.fchmod(fd, FILE_MODE)
    os.close(fd)
    return True


def _tighten(path: Path) -> None:
    """Take every right away from group and others (0700 folder, 0600 file); log the change."""
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if current & 0o077:
        os.chmod(path, current & ~0o077)
        log.warning("tightened %s from %04o to %04o", path, current, current & ~0o077)


def damaged(path: Path, detail: str) -> StorageFault:
    """The error for a file that fails SQLite's integrity check."""
    return StorageFault(
        f"the database {path} is damaged ({' '.join(detail.split())[:120]}); {_MOVE_ASIDE} "
        "(`sqlite3 FILE .recover` saves what is still readable)"
    )


def describe(path: Path, error: BaseException) -> StorageFault:
    """One line for an OSError or sqlite3.Error met while opening `path`: what and what to do."""
    code = getattr(error, "sqlite_errorname", "") or ""
    number = getattr(error, "errno", None)
    if code == "SQLITE_NOTADB":
        what = f"{path} is not a SQLite database; check REFRAME_DB (or --db), or {_MOVE_ASIDE}"
    elif code.startswith("SQLITE_CORRUPT"):
        return damaged(path, str(error))
    elif code.startswith(("SQLITE_FULL", "SQLITE_IOERR")) or number in (errno.ENOSPC, errno.EFBIG):
        what = (
            f"cannot write the database {path} ({code or os.strerror(number or 0)}): the disk "
            "is probably full; free some space (df -h) or move REFRAME_DB to a larger disk"
        )
    elif code.startswith("SQLITE_READONLY") or number == errno.EROFS:
        what = (
            f"the database {path} is read-only; give the service user write access to it and "
            "its folder, or point REFRAME_DB at a writable place"
        )
    elif number in (errno.EACCES, errno.EPERM) or code.startswith(("SQLITE_PERM", "SQLITE_AUTH")):
        what = (
            f"permission denied for {path}; give the service user write access (chown or "
            "chmod) to it and its folder, or point REFRAME_DB at a writable place"
        )
    elif number == errno.ENOTDIR:
        what = f"{path} is not a folder; point REFRAME_DB (or --db) at a file inside a folder"
    elif code.startswith("SQLITE_CANTOPEN"):
        what = f"cannot open the database {path}; check that its folder exists and is writable"
    else:
        reason = code or (os.strerror(number) if number else type(error).__name__)
        what = f"cannot use the database {path} ({reason}); check the file and its folder"
    return StorageFault(what)
