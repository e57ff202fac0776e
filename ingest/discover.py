"""Find ingestible files under the paths a user names.

Folders are walked recursively in sorted order; symlinked folders are followed
at most once (by resolved path), and a link back to an ancestor is a loop, not
followed (it would also pull in the ancestor's other folders). A broken link with a
page's suffix is yielded, so the ingest reports it as a failure instead of skipping it.
A file named explicitly is yielded whatever its suffix: the user asked for it,
and decode/normalize will say why it fails if it is not a page.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

# Pages and text, then attachments: PDF and DOCX are read; .doc/.wps/.ofd are found so that
# each is reported with what to do (convert it) rather than silently left out.
SUFFIXES = (".html", ".htm", ".shtml", ".txt", ".md", ".pdf", ".docx", ".doc", ".wps", ".ofd")


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield each matching file once, folders recursively, in sorted order per folder."""
    seen_files: set[Path] = set()
    seen_dirs: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen_dirs, seen_files)
        elif path.exists() or path.is_symlink():     # a broken link named: its read fails and is reported
            key = _resolved(path)
            if key not in seen_files:
                seen_files.add(key)
                yield path


def is_candidate(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def _walk(folder: Path, seen_dirs: set[Path], seen_files: set[Path]) -> Iterator[Path]:
    key = _resolved(folder)
    if key in seen_dirs:
        return
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # unreadable folder: nothing to yield; files inside would fail anyway
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, .venv, editor swap files
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:      # a link to itself (too many levels of links)
            is_dir = is_file = False
        if is_dir:
            if entry.is_symlink() and _is_ancestor(_resolved(path), key):
                continue  # a link back up the tree is a loop, and would pull in the ancestor's other folders
            yield from _walk(path, seen_dirs, seen_files)
            continue
        if not is_file:
            if entry.is_symlink() and is_candidate(path):
                yield path   # a broken link to a page: its read fails and the report names it (never a silent skip)
            continue
        if is_candidate(path):
            fkey = _resolved(path)
            if fkey not in seen_files:
                seen_files.add(fkey)
                yield path


def _is_ancestor(target: Path, folder: Path) -> bool:
    return target == folder or target in folder.parents


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


@lru_cache(maxsize=256)
def _folder_manifest(folder: str) -> dict:
    """``manifest.json`` beside input files: {"documents": [{"file": ..., "url": ...}]}."""
    p = Path(folder) / "manifest.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return {d["file"]: d.get("url") for d in data.get("documents", []) if isinstance(d, dict) and "file" in d}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def sidecar_url(path: Path) -> Optional[str]:
    """The page URL for ``path`` from ``PATH.url`` (one line) or the folder's manifest.json."""
    side = path.with_name(path.name + ".url")
    if side.is_file():
        try:
            return side.read_text(encoding="utf-8").strip() or None
        except (OSError, UnicodeDecodeError):
            return None
    return _folder_manifest(str(path.parent)).get(path.name)
