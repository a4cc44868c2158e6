"""The tool's own error type: an exception that carries the Message the user reads (code, parameters, place)."""

from __future__ import annotations

from parindex.common.catalogue import MESSAGES
from parindex.common.messages import CarriesMessage, Message


class ParindexError(CarriesMessage, Exception):
    """An error the user can act on: `msg` says what and where, rendered in the user's language when shown.

    Made from a catalogue error code, its place and parameters, or from a Message said elsewhere (at `where`,
    when given)."""

    def __init__(self, code: str | Message, /, where: str | None = None, **params: object) -> None:
        msg = self.said(code, where, params)
        if msg.code not in MESSAGES or MESSAGES[msg.code].exit is None:
            raise KeyError(f"not an error code of the catalogue: {msg.code}")
        self.msg = msg
        super().__init__(f"{msg.code} {dict(msg.params)}")

    def __str__(self) -> str:
        """What the user reads (`file › sheet!E5: PS511 …`), in their language: a program that uses parindex as a
        library, or a notebook, shows this."""
        return self.msg.line()

    def __reduce__(self) -> tuple[object, ...]:  # crosses process boundaries intact (parallel reading)
        return (ParindexError, (self.msg,))

    @property
    def where(self) -> str | None:
        return self.msg.where

    @property
    def exit_code(self) -> int:
        return MESSAGES[self.code].exit or 2
