"""Compiled rules cached on disk, so that a new process starts without recompiling.

Compiling the built-in rules takes seconds (mostly `regex.compile`); loading the pickled
result takes a fraction of one, because a pickled `regex` pattern carries its compiled code.
The cache file is keyed by a hash of every rule file (path and bytes), the normalisers' names,
the versions of Python and `regex`, and this package's own source, so an edited rule file,
another library or changed code never reuses it. It lives in the user's cache directory
(`platformdirs.user_cache_dir("extractor")`, or `$EXTRACTOR_CACHE_DIR`), is written
atomically, and is read only from a folder and file that the current user owns and nobody else
can write: unpickling runs code, so a file another user could have planted is never loaded.
A file that does not load is rebuilt, never trusted.

Beside it, the compiled pieces (`Pieces`): each pattern and pre-filter database by a hash of
exactly what it was compiled from. Rules that differ from ones compiled before in a few rules
(an edited rule, a layer over the built-in rules) compile only what changed: seconds instead of
a minute. It is kept to the pieces of the last few compiles.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import Any, Iterable

import regex

log = logging.getLogger(__name__)

FORMAT = 1          # bump when what is stored changes shape
PACKAGE = Path(__file__).resolve().parent
CACHE_ENV = "EXTRACTOR_CACHE_DIR"


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    import platformdirs
    return Path(platformdirs.user_cache_dir("extractor", appauthor=False))


def cache_key(files: Iterable[Path], root: Path, normalisers: Iterable[str]) -> str:
    from . import __version__
    digest = hashlib.sha256()
    for part in (f"format {FORMAT}", f"extractor {__version__}", f"regex {regex.__version__}",
                 f"python {sys.version}", "normalisers " + ",".join(sorted(normalisers))):
        digest.update(part.encode("utf-8") + b"\0")
    for path in sorted(PACKAGE.rglob("*.py")):       # a changed compiler never reuses old output
        digest.update(path.read_bytes() + b"\0")
    # The files as they are named (the compiled rules carry these names into every message and
    # explanation): two folders with the same files, or one folder named from another working
    # folder, are different entries.
    digest.update(f"root {root.resolve()} as {root}".encode("utf-8") + b"\0")
    for path in files:
        digest.update(str(path).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load(key: str, directory: Path | None = None, kind: str = "rules") -> Any | None:
    """What was stored under `key`, or None (absent, unsafe, stale or corrupt)."""
    directory = directory or cache_dir()
    path = directory / f"{kind}-{key}.pickle"
    try:
        if not (_private(directory) and _private(path)):
            log.warning("compiled-rules cache %s is not private to this user; not loading it", path)
            return None
        with path.open("rb") as handle:
            stored = pickle.load(handle)     # noqa: S301 - a private file written by this module
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: rebuild it
        log.warning("compiled-rules cache %s does not load (%s); rebuilding it", path, exc)
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        log.warning("compiled-rules cache %s holds something else; rebuilding it", path)
        return None
    return stored[1]


def store(key: str, value: Any, directory: Path | None = None, kind: str = "rules") -> None:
    """Write `value` under `key` atomically; a cache that cannot be written is only logged."""
    import tempfile                      # here: only a cold start writes
    directory = directory or cache_dir()
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory):
            log.warning("cache folder %s is not private to this user; not writing to it", directory)
            return
        handle, temporary = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((key, value), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, directory / f"{kind}-{key}.pickle")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.warning("cannot write the compiled-rules cache in %s: %s", directory, exc)


class Pieces:
    """Compiled patterns and databases by a key of what they were compiled from; `used` holds
    those this compile asked for. Also the tries of one compile (`tries`), never stored."""

    def __init__(self, stored: dict[str, Any] | None = None) -> None:
        self.stored = stored or {}
        self.used: dict[str, Any] = {}
        self.tries: dict[tuple[Any, ...], str] = {}

    @staticmethod
    def key(*parts: Any) -> str:
        return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> Any | None:
        value = self.used.get(key)
        if value is None:
            value = self.stored.get(key)
            if value is not None:
                self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> Any:
        self.used[key] = value
        return value


PIECES_KEPT = 4000      # about five times the built-in rules' pieces


def _pieces_key() -> str:
    try:
        import hyperscan
        hyperscan_version = getattr(hyperscan, "__version__", "?")
    except ImportError:
        hyperscan_version = "none"
    libraries = f"format {FORMAT} regex {regex.__version__} hyperscan {hyperscan_version} python {sys.version}"
    return hashlib.sha256(libraries.encode("utf-8")).hexdigest()


def load_pieces(directory: Path | None = None) -> Pieces:
    """The pieces earlier compiles stored (none where the file is absent or unsafe)."""
    stored = load(_pieces_key(), directory, kind="pieces")
    return Pieces(stored if isinstance(stored, dict) else None)


def store_pieces(pieces: Pieces, directory: Path | None = None) -> None:
    """The pieces this compile used, then the most recent others, up to PIECES_KEPT."""
    room = max(0, PIECES_KEPT - len(pieces.used))
    others = [(key, value) for key, value in pieces.stored.items() if key not in pieces.used]
    ordered = dict(others[len(others) - room:] if room else [])    # oldest first
    ordered.update(pieces.used)
    store(_pieces_key(), ordered, directory, kind="pieces")


def _private(path: Path) -> bool:
    """Owned by the current user and writable by no one else (always true where there are no
    POSIX owners)."""
    info = path.stat()
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
