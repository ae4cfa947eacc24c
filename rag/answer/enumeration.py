"""Enumerated runs of sentences: "一要…。二要…。三要…。", "一是…", "第一，…", "（一）…", "1. …".

A speech or report often gives a list of requirements as one short sentence per item, each
opening with its ordinal, sometimes with sentences of elaboration between the items. Asked for
the requirements, the answer is the run of item sentences, not the best single one of them.
"""
from __future__ import annotations

import re

from rag.answer.numerals import cn_number

_ZH_DIGITS = "〇零一二两三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# An ordinal at a sentence's start, by style; the group is the number. "第一次", "第一书记" and
# "一是一" are no items: "第N" wants a comma, colon or 是/要/条/项/点 after it.
_ORDINALS = (
    ("要", re.compile(rf"([{_ZH_DIGITS}]{{1,3}})要(?![求是])")),
    ("是", re.compile(rf"([{_ZH_DIGITS}]{{1,3}})是")),
    ("第", re.compile(rf"第([{_ZH_DIGITS}]{{1,3}})(?:[，,、：:]|是|要|条|项|点|方面)")),
    ("（）", re.compile(rf"[（(]([{_ZH_DIGITS}]{{1,3}}|\d{{1,2}})[）)]")),
    ("、", re.compile(rf"([{_ZH_DIGITS}]{{1,3}})、")),
    ("1.", re.compile(r"(\d{1,2})(?:[.．、](?!\d))")),
    ("①", re.compile(rf"([{_CIRCLED}])")),
)
_LEAD = re.compile(r"[\s“‘「『\"']*")
# Items of one run may be this many sentences apart (the elaboration of the item before).
# Origin: the shape of the lists in county yearbooks and work reports ("一是X。" + 1-3 sentences).
MAX_GAP = 4
MAX_ITEMS = 12


def ordinal(sentence: str) -> tuple[str, int] | None:
    """(style, number) of the item a sentence opens, or None."""
    s = sentence[_LEAD.match(sentence).end():]
    for style, rx in _ORDINALS:
        m = rx.match(s)
        if not m:
            continue
        g = m.group(1)
        if style == "①":
            return style, _CIRCLED.index(g) + 1
        n = int(g) if g.isdigit() else cn_number(g)
        if n:
            return style, int(n)
    return None


# The first item may follow its lead-in inside one sentence: "会上，某某指出，一要…。二要…。"
_CLAUSE = re.compile(r"[，,：:]")


def _first_item_in_clause(sentence: str) -> tuple[str, int] | None:
    """(style, 1) when a clause after a comma or colon opens the first item of a list."""
    for m in _CLAUSE.finditer(sentence):
        mark = ordinal(sentence[m.end():])
        if mark is not None:
            return mark if mark[1] == 1 and mark[0] != "1." else None
    return None


def runs(sentences: list[str]) -> list[list[int]]:
    """The enumerated runs among sentences, as lists of sentence indices (at least two items,
    numbered 1, 2, 3… in one style, each within MAX_GAP sentences of the one before). The first
    item may open a clause of its sentence; the others open theirs."""
    marks = [ordinal(s) or _first_item_in_clause(s) for s in sentences]
    out: list[list[int]] = []
    for i, m in enumerate(marks):
        if not m or m[1] != 1:
            continue
        run, want = [i], 2
        j = i + 1
        while j < len(marks) and j - run[-1] <= MAX_GAP and len(run) < MAX_ITEMS:
            if marks[j] == (m[0], want):
                run.append(j)
                want += 1
            elif marks[j] and marks[j][0] == m[0]:
                break               # the same style out of order: another list
            j += 1
        if len(run) > 1:
            out.append(run)
    return out


def run_near(sentences: list[str], picked: set[int], reach: int = 2) -> list[int]:
    """The run a picked sentence belongs to or introduces (its first item at most `reach`
    sentences after a picked one); [] when none."""
    for run in runs(sentences):
        if picked & set(run):
            return run
        if any(0 < run[0] - p <= reach for p in picked):
            return run
    return []


# A requirement that opens its sentence: "要创新工作方式…；要实事求是…。" A speaker's list of
# requirements often runs this way without numbers.
_REQUIREMENT_OPENING = re.compile(r"[\s“‘「『\"']*(?:要(?![求是])|必须|务必)")


def requirement_run(sentences: list[str], after: int, limit: int) -> list[int]:
    """The sentences right after `after` that each open with a requirement (要…, 必须…), at
    most `limit` of them; [] when the next one does not."""
    out = []
    for j in range(after + 1, min(len(sentences), after + 1 + limit)):
        if not _REQUIREMENT_OPENING.match(sentences[j]):
            break
        out.append(j)
    return out
