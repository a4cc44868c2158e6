"""The one message type: every user-facing text the tool says is a `Message` — a catalogue code, its parameters
and the place it is about — kept as data until it is shown, and shown here, in one way, in the reader's language.

Parameters stay what they are: a number stays a Decimal or an int (written `1,5` in Vietnamese, `1.5` in English),
a parameter that is itself a sentence is a Message (said in the same language), a list of words is joined the
language's way ('A, B và C'). Text read from a file (a name, a value as typed) is a str and shown as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import PurePath

from parindex.common.i18n import fmt_plain, t
from parindex.common.safe_text import OwnWords, shown


@dataclass(frozen=True)
class Message:
    """`code` is a catalogue key (an error or warning code like PS511, or a text key like ui.gap.merger);
    `where` is the place — a file › sheet!cell, a file:line:col, or None; `item` is the criteria item a message
    about one item is about."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    where: str | None = None
    item: str | None = None

    def text(self, lang: str | None = None) -> str:
        """What it says, in `lang` (default: the user's language), led by its item's code when it has one."""
        shown = {key: _shown(value, lang) for key, value in self.params.items()}
        body = t(self.code, lang=lang, **shown)
        return f"{self.item}: {body}" if self.item else body

    def line(self, lang: str | None = None) -> str:
        """The message as one line: its place, its code and what it says (`file › sheet!E5: PS511 3.1: …`)."""
        said = f"{self.code} {self.text(lang)}"
        return f"{self.where}: {said}" if self.where else said


class CarriesMessage:
    """Whatever carries a Message (an error, a value problem, a finding) answers for its code and parameters."""

    msg: Message

    @staticmethod
    def said(code: str | Message, where: str | None, params: Mapping[str, object]) -> Message:
        """The Message of a catalogue code and its parameters, or one said elsewhere now placed at `where`."""
        return Message(code, params, where) if isinstance(code, str) else replace(code, where=where or code.where)

    @property
    def code(self) -> str:
        return self.msg.code

    @property
    def params(self) -> dict[str, object]:
        return dict(self.msg.params)


def _shown(value: object, lang: str | None) -> object:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Decimal):
        return fmt_plain(value, lang)
    if isinstance(value, list | tuple):
        return _joined([str(_shown(part, lang)) for part in value], lang)
    if isinstance(value, OwnWords):
        return str(value)
    if isinstance(value, str | PurePath):  # a path too: a file's name is read from the disk
        return shown(str(value))
    return value


def _joined(words: list[str], lang: str | None) -> str:
    """'A, B và C' / 'A, B and C'."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t('ui.and', lang=lang)} {words[-1]}"
