"""Language choice and number formatting for everything a person reads."""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from parindex.common.catalogue import MESSAGES

LANGS = ("vi", "en")
_lang: str | None = None


def set_lang(lang: str | None) -> None:
    global _lang
    _lang = lang


def current_lang() -> str:
    if _lang in LANGS:
        return _lang
    env = os.environ.get("PARINDEX_LANG", "").strip().lower()
    return env if env in LANGS else "vi"


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The catalogue text for `key` in the current language, with `params` filled in."""
    msg = MESSAGES[key]
    text = msg.vi if (lang or current_lang()) == "vi" else msg.en
    return text.format(**params) if params else text


def fmt_num(value: Decimal | int | None, places: int = 2, lang: str | None = None) -> str:
    """A number as the reader writes it: Vietnamese uses a decimal comma (85,58), English a point."""
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-places)
    shown = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    return _localise(f"{shown if shown else abs(shown):,.{places}f}", lang)  # never '-0,00'



def fmt_plain(value: Decimal | int, lang: str | None = None) -> str:
    """A number with no trailing zeros (2.75, 3), for sentences rather than columns."""
    text = f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _localise(text, lang)


def _localise(text: str, lang: str | None) -> str:
    if (lang or current_lang()) == "vi":
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def by_sign(value: Decimal | int | None, up: str, down: str, level: str, shown: Callable[[Any], object] = str) -> str:
    """A change in words: the `up` text for a positive value, `down` for a negative one (its size as `n`,
    written by `shown`), `level` for zero, and '–' when it is not known."""
    if value is None:
        return "–"
    if value == 0:
        return t(level)
    return t(up if value > 0 else down, n=shown(abs(value)))
