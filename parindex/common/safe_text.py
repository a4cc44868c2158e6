"""Text read from a file, made safe for where it is written (pure, no I/O).

Officers' text reaches every output: a unit's name, evidence pasted from Word (whose line break Excel stores as
`_x000B_`, read back as U+000B), a file name that is not valid UTF-8 (Python keeps its bad bytes as lone
surrogates). Three places hold text differently, one function each:

- a document (xlsx, docx: XML 1.0) cannot hold most control characters, lone surrogates or U+FFFE/U+FFFF —
  `document_text`: a bad byte of a name becomes U+FFFD, the control characters go (Word's line break too, as the
  xlsx writer always did);
- a screen, or a message on one line: `shown`: every control character (ESC would drive the terminal, CR would
  overwrite the line) and every bidirectional override becomes a space, and the text is cut at `limit` characters;
  whatever reaches a screen, laid out, goes through `steer_free` last (`io.screen`), which keeps its lines;
- a CSV cell a spreadsheet opens: `csv_text`: text that would start a formula (`=`, `+`, `-`, `@`, a tab, a CR or a
  line feed) is led by an apostrophe, so it stays text (OWASP's advice on CSV injection). Numbers we write are not
  text and keep their sign.
"""

from __future__ import annotations

import re

# XML 1.0 holds TAB, LF, CR and everything from U+0020 except lone surrogates and U+FFFE/U+FFFF
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# every control character (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates
_NOT_SHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# what a terminal acts on, but a tab and a line break (a lone CR would overwrite the line: CR LF is a line break)
_STEERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")

SHOWN_LIMIT = 500  # characters of one text read from a file, in a message or a table cell on a screen
EXCEL_CELL = 32_767  # the most a cell holds in Excel: a whole cell shown (`explain`)


class OwnWords(str):
    """Our own words given to a message as a parameter (the forms a rule may take, the headers a column is known
    by): shown whole, where text read from a file is cut at `SHOWN_LIMIT`."""

    __slots__ = ()


def document_text(text: str) -> str:
    """`text` as an xlsx cell or a Word run can hold it."""
    text = _NOT_XML.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def shown(text: str, limit: int = SHOWN_LIMIT) -> str:
    """`text` on one line of a screen: no character that steers the terminal, at most `limit` characters (cut with
    an ellipsis)."""
    text = _NOT_SHOWN.sub(" ", _SURROGATE.sub("\ufffd", text))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def steer_free(text: str) -> str:
    """Text for a terminal, its lines kept: whatever would steer the terminal removed (what everything printed on a
    screen goes through, our own words and laid-out tables included); a file name's bad byte shown as U+FFFD, as no
    terminal's encoding holds a lone surrogate."""
    return _STEERS.sub("", _SURROGATE.sub("\ufffd", text))


def csv_text(text: str) -> str:
    """A CSV cell of text that no spreadsheet reads as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
