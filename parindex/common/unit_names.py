"""Matching unit names as people write them: `bac giang`, `Tỉnh Bắc Giang`, `UBND tỉnh Bắc Giang` are one unit.

Names are compared without diacritics, case, punctuation or the administrative prefixes people put in
front of a province's name (`UBND tỉnh`, `Tỉnh`, `TP.`, `Thành phố`). Lower levels keep `Thành phố`/`TP.`:
there the city of Bắc Giang and the province of Bắc Giang are different units. The abbreviations officers type in
published tables read as the words: `TP.` is `thành phố`, `UBND` is `Ủy ban nhân dân`, anywhere in a name
(`Văn phòng UBND TP` is `Văn phòng Ủy ban nhân dân thành phố`). Pure: no I/O.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from parindex.common.errors import ParindexError
from parindex.common.values import fold

# Compared on the folded form (no marks, lower case), after the abbreviations are read as one form (`_SHORT`).
_OFFICE = ("ubnd",)
_PROVINCE_WORDS = ("tinh", "thanh pho")
# Words written two ways → one: `TP` for `thành phố`; `Ủy ban nhân dân` for `UBND` (the shorter form kept).
_SHORT = {"tp": "thanh pho", "uy ban nhan dan": "ubnd"}
_SHORT_WORDS = re.compile(r"\b(?:tp|uy ban nhan dan)\b")
_CITIES = {"ha noi", "hai phong", "da nang", "can tho", "ho chi minh"}  # centrally-run cities (2020)


def _prefixes(level: str) -> tuple[str, ...]:
    words = _PROVINCE_WORDS if level == "province" else ()
    combined = [f"{office} {word}" for office in _OFFICE for word in words]
    return tuple(sorted([*combined, *_OFFICE, *words], key=len, reverse=True))


def name_key(name: str, level: str = "province") -> str:
    """The form two names are compared in: 'UBND tỉnh Bắc Giang' → 'bac giang', 'TP.HCM' → 'hcm'. The name's
    words, folded (`values.fold`, spaced, without punctuation), then the prefixes of its level dropped."""
    text = _SHORT_WORDS.sub(lambda word: _SHORT[word[0]], fold(name, spaced=True, punctuation=False))
    prefixes = _prefixes(level)
    stripped = True
    while stripped:
        stripped = False
        for prefix in prefixes:
            if text.startswith(prefix + " "):
                text = text[len(prefix) + 1:]
                stripped = True
                break
    return text


def plain_name(name: str, level: str = "province") -> str:
    """The name without the prefixes `name_key` drops, as written: 'UBND tỉnh Bắc Giang' → 'Bắc Giang'."""
    words, key = name.split(), name_key(name, level)
    kept = len(key.split())
    tail = " ".join(words[len(words) - kept:]) if 0 < kept <= len(words) else ""
    return tail if tail and name_key(tail, level) == key else name.strip()  # `Ủy ban nhân dân` keys as one word


def unit_title(name: str, level: str = "province") -> str:
    """'tỉnh Bắc Giang', 'thành phố Hà Nội'; other levels, and names that already say which, as written."""
    from parindex.common.i18n import t

    if level != "province":
        return name
    key = name_key(name)
    if name_key(name, "district") != key:  # the name carries 'Tỉnh' / 'Thành phố' itself
        return name
    return t("plan.city" if key in _CITIES else "plan.province", name=name)


def issuer(name: str, level: str = "province") -> str:
    """The issuing body of a unit's document, as NĐ 30 writes it: 'ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG' for a
    province; a department or commune as its workbook names it, in capitals."""
    from parindex.common.i18n import t

    if level != "province":
        return name.upper()
    return t("doc.people_committee") + "\n" + unit_title(plain_name(name)).upper()


def closest(query: str, names: Iterable[str], level: str = "province", limit: int = 3) -> list[str]:
    """The known names most like `query`, best first (at most `limit`)."""
    key = name_key(query, level)
    scored = sorted(((difflib.SequenceMatcher(None, key, name_key(name, level)).ratio(), name) for name in set(names)),
                    key=lambda pair: (-pair[0], pair[1]))
    return [name for ratio, name in scored[:limit] if ratio >= 0.4] or [name for _, name in scored[:limit]]


def likely_spellings(query: str, names: Iterable[str], level: str = "province", limit: int = 3) -> list[str]:
    """The names `query` may have been meant by, closest first (at most `limit`): one alike letter for letter
    (`Sở Ngoai vụ`), or holding the other's words whole (`Sở Ngoại vụ tỉnh Ninh Bình` for `Sở Ngoại vụ`). Names
    nothing alike are left out: a suggestion must be worth checking."""
    key = name_key(query, level)
    likeness = []
    for name in set(names):
        other = name_key(name, level)
        inside = f" {key} " in f" {other} " or f" {other} " in f" {key} "
        ratio = 1.0 if inside and key and other else difflib.SequenceMatcher(None, key, other).ratio()
        if ratio >= LIKELY:
            likeness.append((-ratio, name))
    return [name for _, name in sorted(likeness)[:limit]]


LIKELY = 0.75  # how alike two names' keys must be (difflib's ratio) to offer one for the other


def match_name(query: str, units: dict[str, list[str]], level: str = "province", context: str = "") -> str:
    """The canonical name (a key of `units`: name → aliases) that `query` denotes.

    Unknown → PG401 naming the closest names; several units with the same key → PG402 naming them.
    """
    key = name_key(query, level)
    found = sorted({name for name, aliases in units.items()
                    if key and key in {name_key(n, level) for n in (name, *aliases)}})
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise ParindexError("PG402", query=query, names=", ".join(found), context=context)
    raise ParindexError("PG401", query=query, closest=", ".join(closest(query, units, level)), context=context)
