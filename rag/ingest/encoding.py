"""Decode text of unknown encoding and say how sure the reading is.

Order: a BOM; UTF-16 without a BOM when NUL bytes say so; strict UTF-8; the Chinese legacy
codecs (GB18030/GBK, Big5) judged by how common their characters are; Western single-byte
text (cp1252/Latin-1) judged by where its accented letters sit; UTF-16 without NULs; last,
charset_normalizer's guess, kept only when it reads as text and always flagged as a guess.
The result carries a confidence (0..1) and warnings for readings that look wrong (mojibake,
replacement characters), so a bad decode is reported instead of indexed silently.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

# Readings under this confidence are flagged in the ingest report.
LOW_CONFIDENCE = 0.8


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can read with confidence."""


@dataclass
class Decoded:
    text: str
    encoding: str
    confidence: float
    warnings: list[str] = field(default_factory=list)


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
         (codecs.BOM_UTF8, "utf-8", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16")]

SAMPLE = 20000          # characters looked at when scoring a reading


def decode(data: bytes) -> Decoded:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return _checked(Decoded(text, name, 1.0))
    if b"\x00" in data[:8192]:
        wide = _utf16(data)
        if wide is not None:
            return _checked(wide)
    if looks_binary(data):
        raise DecodeError("binary file (not text)")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8", 1.0))
    except UnicodeDecodeError:
        pass
    chinese = _chinese(data)
    western = _western(data)
    if chinese is not None and western is not None and _cjk_share(chinese.text) < 0.3:
        chinese = None      # a few chance ideographs among Western words ("M黮ler")
    if chinese is not None:
        return _checked(chinese)
    if western is not None:
        return _checked(western)
    wide = _utf16(data)
    if wide is not None:
        return _checked(wide)
    guess = _guess(data)
    if guess is not None:
        return _checked(guess)
    raise DecodeError("cannot decode text: not UTF-8, UTF-16, GB18030/GBK, Big5 or Latin-1 "
                      "(save it as UTF-8)")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


# --- readings ----------------------------------------------------------------------------

def _chinese(data: bytes) -> Decoded | None:
    """GB18030 and Big5 byte ranges overlap, so when both decode strictly we keep the reading
    with more common Chinese characters rather than trusting the first that succeeds."""
    readings = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        readings.append((common_ratio(text), enc, text))
    if not readings:
        return None
    score, enc, text = max(readings)
    if score <= 0.3 or not _cjk(text[:SAMPLE]):
        return None
    # Real Chinese text scores about 0.5-0.7 (see _COMMON); 0.5 and up is a sure reading.
    return Decoded(text, enc, round(min(1.0, score / 0.5), 2))


# Non-ASCII characters Western text uses besides accented letters.
_WESTERN_PUNCT = set("«»°£€§©®±·¿¡–—‘’‚“”„…•×÷¼½¾ºª¢¥¶\u00a0")


def _western(data: bytes) -> Decoded | None:
    """cp1252 when it has bytes 0x80-0x9F (its curly quotes, dashes, €), else Latin-1.

    The reading is right when its accented letters sit inside words of ASCII letters
    ("Müller", "résumé") or alone ("à"); Chinese or random bytes read this way give runs of
    accented letters with no ASCII letter beside them ("ÎÒÃÇ")."""
    enc = "cp1252" if any(0x80 <= b <= 0x9F for b in data[:SAMPLE]) else "latin-1"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    sample = text[:SAMPLE]
    ascii_letters = sum(1 for c in sample if c.isascii() and c.isalpha())
    letters = sum(1 for c in sample if c.isalpha())
    if not letters or ascii_letters < 0.7 * letters:
        return None
    good = bad = 0
    for i, c in enumerate(sample):
        if ord(c) < 0x80:
            continue
        prev = sample[i - 1] if i else " "
        nxt = sample[i + 1] if i + 1 < len(sample) else " "
        if c in _WESTERN_PUNCT:
            good += 1
        elif c.isalpha() and (_ascii_letter(prev) or _ascii_letter(nxt)
                              or not (prev.isalpha() or nxt.isalpha())):
            good += 1
        else:
            bad += 1
    score = good / max(1, good + bad)
    if score < 0.6:
        return None
    return Decoded(text, enc, round(score, 2))


def _ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM, either byte order: the reading that is plainly text (ASCII and,
    if it has Chinese, common Chinese characters) wins. The wrong byte order turns ASCII into
    rare ideographs (U+6100 for "a") and scores low on both counts."""
    body = data[: len(data) // 2 * 2]
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = body.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:SAMPLE]
        plain = min(_plain_share(sample), _usual_share(sample))
        cjk = _cjk(sample)
        common = common_ratio(sample) if cjk else 1.0
        if plain < 0.95 or common <= 0.3:
            continue
        conf = round(min(plain, min(1.0, common / 0.5)), 2)
        if best is None or conf > best.confidence:
            best = Decoded(text, "utf-16", conf)
    if best is not None and len(data) % 2:
        best.warnings.append("odd number of bytes for UTF-16: the last byte was dropped")
    return best


def _guess(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
    except Exception:  # the detector failing must not crash a batch
        best = None
    if best is None or not best.encoding:
        return None
    text = str(best)
    if common_ratio(text) <= 0.3:
        return None
    conf = round(min(LOW_CONFIDENCE - 0.1, 1.0 - float(getattr(best, "chaos", 0.5))), 2)
    return Decoded(text, best.encoding, conf,
                   [f"encoding guessed as {best.encoding}: the text may be garbled; "
                    "save the file as UTF-8 to be sure"])


# --- checks on the text read -------------------------------------------------------------

_MOJIBAKE = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u20ac]")


def _checked(d: Decoded) -> Decoded:
    """Warnings for text that decoded but reads wrong; they lower the confidence."""
    sample = d.text[:SAMPLE * 5]
    bad = sample.count("\ufffd")
    if bad:
        d.warnings.append(f"{bad} characters could not be decoded (shown as �)")
        d.confidence = min(d.confidence, 0.5)
    if _double_encoded(sample):
        d.warnings.append("the text looks double-encoded (UTF-8 read as Latin-1 before it was "
                          "saved, e.g. 'å¹´' for '年'): convert it back before ingesting")
        d.confidence = min(d.confidence, 0.3)
    cjk = _cjk(sample)
    if len(cjk) >= 50 and common_ratio(sample) < 0.15:
        # Chinese text always holds common characters; mis-decoded bytes hardly any.
        d.warnings.append("the Chinese characters are unusual ones: the text may be "
                          "mis-encoded (mojibake)")
        d.confidence = min(d.confidence, 0.3)
    if d.confidence < LOW_CONFIDENCE and not d.warnings:
        d.warnings.append(f"encoding {d.encoding} detected with low confidence "
                          f"({d.confidence:.2f}): check the text or save the file as UTF-8")
    return d


def _double_encoded(text: str) -> bool:
    """UTF-8 bytes shown as Latin-1/cp1252 letters ("Ã©", "å¹´"): re-encoding such lines
    gives valid UTF-8 back."""
    # split at "\n" only: splitlines() also cuts at U+0085, a C1 character mojibake is full of
    lines = [ln for ln in text.split("\n") if _MOJIBAKE.search(ln)][:200]
    if not lines:
        return False
    fixed = 0
    for ln in lines:
        for enc in ("cp1252", "latin-1"):
            try:
                ln.encode(enc).decode("utf-8")
            except UnicodeError:
                continue
            fixed += 1
            break
    return fixed >= max(1, len(lines) // 2)


def _plain_share(text: str) -> float:
    """Share of characters that ordinary text is made of (not controls, unassigned code
    points, private use or lone surrogates)."""
    if not text:
        return 0.0
    ok = sum(1 for c in text if c in "\t\n\r" or (c.isprintable()
                                                  and unicodedata.category(c) not in ("Co", "Cn", "Cs")))
    return ok / len(text)


# Code points ordinary documents are written in: Latin, Greek, Cyrillic, punctuation, CJK
# symbols, kana, the common ideographs, Hangul, full-width forms. A wrong UTF-16 byte order
# lands mostly elsewhere (rare ideograph extensions, unassigned blocks).
_USUAL = ((0x09, 0x24F), (0x370, 0x52F), (0x2000, 0x206F), (0x20A0, 0x20BF), (0x2100, 0x25FF),
          (0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xFF00, 0xFFEF))


def _usual_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for c in text if any(a <= ord(c) <= b for a, b in _USUAL)) / len(text)


def _cjk(text: str) -> list[str]:
    # the common block and extension A, where wrong readings often land
    return [c for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]


def _cjk_share(text: str) -> float:
    sample = text[:SAMPLE]
    return len(_cjk(sample)) / max(1, sum(1 for c in sample if c.isalpha()))


# The most frequent Chinese characters in both simplified and traditional text; a wrong
# codec produces rare characters, so the share of these separates right from wrong readings.
_COMMON = set(
    "的一是了不在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "會來個們說為國時過後裡這麼還點與對開關發問學當現動經種實進會議區長書記設會議黨員經濟")


def common_ratio(text: str) -> float:
    cjk = _cjk(text[:SAMPLE])
    if not cjk:
        # No Chinese at all: accept only if it is mostly printable ASCII/Latin.
        printable = sum(1 for c in text[:SAMPLE] if c.isprintable() or c in "\r\n\t")
        return printable / max(1, len(text[:SAMPLE]))
    # Real Chinese text scores about 0.5-0.7 against this list; mis-decoded bytes under 0.1.
    return sum(1 for c in cjk if c in _COMMON) / len(cjk)
