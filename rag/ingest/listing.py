"""Which files one ingest call covers, and why each entry it will not load is left out.

Every entry under a folder given ends up either in the files to load or in the skipped list
with a reason: a quiet omission looks, to whoever ingests, like a lost document.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Skipped:
    path: str
    reason: str                 # fit to show a user: no server paths, no Python reprs
    # hidden | readme | link | missing | unsupported | empty | limit | duplicate |
    # unreadable | error
    kind: str = "unreadable"


@dataclass
class Listing:
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    sidecars: list[Path] = field(default_factory=list)      # corpus.json files found


def list_files(paths, metadata_file: str) -> Listing:
    """Files to load under `paths`. A file given by name is loaded whatever its name; inside
    folders, hidden entries, README files and links to folders are listed as skipped."""
    out = Listing()
    for p in map(Path, paths):
        if p.is_symlink() and not p.exists():
            out.skipped.append(Skipped(str(p), "broken symbolic link (its target is missing)", "link"))
        elif not p.exists():
            out.skipped.append(Skipped(str(p), "no such file or directory", "missing"))
        elif p.is_dir():
            files, skipped = _walk(p, metadata_file, out.sidecars)
            out.files.extend(sorted(files))
            out.skipped.extend(sorted(skipped, key=lambda s: s.path))
        else:
            out.files.append(p)
    return out


def _walk(root: Path, metadata_file: str, sidecars: list[Path]):
    files: list[Path] = []
    skipped: list[Skipped] = []

    def unreadable(err: OSError) -> None:
        skipped.append(Skipped(err.filename or str(root),
                               f"folder cannot be read ({err.strerror or 'error'})", "unreadable"))

    # os.walk does not follow links to folders: one could lead outside the folder or in a loop.
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            sub = here / name
            if name.startswith("."):
                skipped.append(Skipped(str(sub), "hidden folder: not read (give it by name to "
                                                 "ingest what it holds)", "hidden"))
            elif sub.is_symlink():
                skipped.append(Skipped(str(sub), "link to a folder: not followed (give the "
                                                 "folder itself to ingest it)", "link"))
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in filenames:
            f = here / name
            if name == metadata_file:
                sidecars.append(f)
            elif name.startswith("."):
                skipped.append(Skipped(str(f), "hidden file (give it by name to ingest it)", "hidden"))
            elif name.lower().startswith("readme"):
                skipped.append(Skipped(str(f), "README file: taken for notes about the folder, "
                                               "not a record (give it by name to ingest it)", "readme"))
            elif f.is_symlink() and not f.exists():
                skipped.append(Skipped(str(f), "broken symbolic link (its target is missing)", "link"))
            elif not f.is_file():
                skipped.append(Skipped(str(f), "not a regular file", "unsupported"))
            else:
                files.append(f)
    return files, skipped
