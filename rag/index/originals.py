"""Copies of the ingested files, kept in the index folder: <index>/originals/<doc_id><suffix>.

The copy is what "open the original" shows after a restart, when the uploaded temp file or
the source folder is gone. It is written beside the snapshots, not inside one, so a new
snapshot does not copy every file again; each copy is written to a temp name and renamed.
An index built before originals were kept has none: `path_of` then returns None.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

FOLDER = "originals"
_SAFE = re.compile(r"^[\w\u4e00-\u9fff-]{1,120}$")


def _stem(doc_id: str) -> str:
    """The doc id itself when it is a safe file name (slugs are), else a hash of it."""
    return doc_id if _SAFE.match(doc_id) else "id-" + hashlib.sha1(doc_id.encode()).hexdigest()[:20]


def path_of(index_dir: Path, doc: dict) -> Path | None:
    """The kept original of a document record (docs.jsonl / manifest), if there is one."""
    suffix = Path(doc.get("path") or "").suffix.lower()
    p = Path(index_dir) / FOLDER / (_stem(doc["doc_id"]) + suffix)
    return p if p.is_file() else None


def keep(index_dir: Path, doc_id: str, source: Path) -> Path | None:
    """Copy `source` in atomically; None when the source file is not there to copy."""
    source = Path(source)
    if not source.is_file():
        return None
    folder = Path(index_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / (_stem(doc_id) + source.suffix.lower())
    tmp = folder / f".{final.name}.tmp"
    shutil.copyfile(source, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, final)
    return final


def drop(index_dir: Path, doc_id: str) -> None:
    """Remove a document's original, whatever its suffix."""
    folder = Path(index_dir) / FOLDER
    stem = _stem(doc_id)
    for p in folder.glob(f"{glob_escape(stem)}.*") if folder.is_dir() else []:
        if p.stem == stem:
            p.unlink(missing_ok=True)
    bare = folder / stem
    if bare.is_file():
        bare.unlink()


def glob_escape(s: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", s)
