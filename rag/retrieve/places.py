"""Places named in a question ("长葛市", "Changge") mapped to the documents about them.

Each document's `place` metadata ("河南省许昌市长葛市") names where it is from; its last
administrative unit is what questions say. Places every document shares (许昌) say nothing.
"""
from __future__ import annotations

import re

_UNIT = re.compile(r"([\u4e00-\u9fff]{2,5}?(?:省|自治区|市|区|县|镇|乡|街道))")


def place_names(place: str | None) -> list[str]:
    """Ways a question may name the document's own place: 长葛市, 长葛, changge."""
    if not place:
        return []
    units = _UNIT.findall(place)
    if not units:
        return [place]
    last = units[-1]
    short = re.sub(r"(?:市|区|县|镇|乡|街道)$", "", last)
    names = [last] + ([short] if len(short) >= 2 else [])
    try:
        # every reading: 长 is chang in 长葛, 都 is du in 魏都; lazy_pinyin picks zhang, dou
        import itertools

        from pypinyin import Style, pinyin
        readings = pinyin(short, style=Style.NORMAL, heteronym=True)
        names.extend("".join(p) for p in itertools.islice(itertools.product(*readings), 16))
    except ImportError:
        pass
    return names


def build(docs: dict[str, dict]) -> dict[str, list[str]]:
    """doc_id -> its place names, leaving out names that every document shares."""
    out = {doc_id: place_names(meta.get("place")) for doc_id, meta in docs.items()}
    if len(out) > 1:
        shared = set.intersection(*(set(v) for v in out.values()))
        out = {k: [n for n in v if n not in shared] for k, v in out.items()}
    return {k: v for k, v in out.items() if v}


def docs_named(question: str, places: dict[str, list[str]]) -> list[str]:
    q = question.lower()
    found = []
    for doc_id, names in places.items():
        for n in names:
            hit = (re.search(rf"\b{re.escape(n)}", q) if n.isascii() else n in question)
            if hit:
                found.append(doc_id)
                break
    return found
