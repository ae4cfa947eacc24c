"""English -> Chinese bridge for questions about Chinese government records.

The corpus (年鉴, 大事记, 讲话, 政府工作报告) is Chinese, while users may ask in English. The
multilingual embedder bridges the languages approximately; this table is the deterministic
complement: it turns the English terms of a question ("district head", "inspect", "deficit
ratio", "late March") into the Chinese expressions such documents use (区长, 调研, 赤字率,
下旬), so lexical search and reranking can reach Chinese passages without an LLM.

Sources, in order: the role table (every official title), glossary_en_zh.txt (curated
domain words), month and ten-day expressions, and optionally CC-CEDICT for content words
the rest lacks (see cedict.py). Places are not here: they come from the national list.
Question words ("how many", "when") are deliberately absent, and so are words too generic to
help ("work" -> 工作, "city" -> 市).
"""
from __future__ import annotations

from pathlib import Path

from rag.profiles.phrases import PhraseTable
from rag.profiles.roles import RoleTable

_DATA = Path(__file__).resolve().parent
GLOSSARY_FILE = _DATA / "glossary_en_zh.txt"

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july",
                "august", "september", "october", "november", "december")
_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def build(roles: RoleTable, files=(GLOSSARY_FILE,)) -> PhraseTable:
    table = PhraseTable()
    for english, titles in roles.english_names().items():
        table.add(english, titles)
    for path in files:
        read_file(table, Path(path))
    _months(table)
    return table


def read_file(table: PhraseTable, path: Path) -> None:
    """Lines "english | variant = 中文1 中文2" (most specific first); "@ " marks proper nouns."""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        exact = line.startswith("@")
        english, chinese = line.lstrip("@").split("=", 1)
        values = chinese.split()
        for key in english.split("|"):
            table.add(key, values, exact=exact)


def _months(table: PhraseTable) -> None:
    for number, (name, abbr) in enumerate(zip(_MONTH_NAMES, _MONTH_ABBR), start=1):
        month = f"{number}月"
        forms = (name, abbr) + (("sept",) if number == 9 else ())
        if name == "may":       # the modal verb: only unambiguous phrasings
            for lead in ("in", "of", "since", "during", "by", "until", "from", "through"):
                table.add(f"{lead} may", (month,))
        else:
            table.add(name, (month,))   # bare abbreviations are too often ordinary words
        for form in forms:
            early = (f"{month}上旬", f"{month}初", "上旬", month)
            for lead in ("early", "beginning of", "start of"):
                table.add(f"{lead} {form}", early)
            table.add(f"first ten days of {form}", (f"{month}上旬", "上旬", month))
            for lead in ("mid-", "middle of "):
                table.add(f"{lead}{form}", (f"{month}中旬", "中旬", month))
            for lead in ("late", "last ten days of"):
                table.add(f"{lead} {form}", (f"{month}下旬", "下旬", month))
            table.add(f"end of {form}", (f"{month}底", f"{month}末", "月底", month))
            for lead in ("by the end of", "before the end of", "by end of"):
                table.add(f"{lead} {form}", (f"{month}底前", "底前", f"{month}底", month))
