"""The tool's own error type: an exception that carries the Message the user reads (code, parameters, place)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from parindex.common.catalogue import MESSAGES
from parindex.common.messages import Message


class ParindexError(Exception):
    """An error the user can act on: `msg` says what and where, rendered in the user's language when shown."""

    def __init__(self, code: str, /, where: str | None = None, **params: object) -> None:
        if code not in MESSAGES or MESSAGES[code].exit is None:
            raise KeyError(f"not an error code of the catalogue: {code}")
        self.msg = Message(code, params, where)
        super().__init__(f"{code} {params}")

    @classmethod
    def of(cls, msg: Message, where: str | None = None) -> ParindexError:
        """The error that says `msg` (at `where`, when given)."""
        error = cls(msg.code, where=where or msg.where, **msg.params)
        if msg.item:
            error.msg = replace(error.msg, item=msg.item)
        return error

    def __reduce__(self) -> tuple[Any, ...]:  # crosses process boundaries intact (parallel reading)
        return (_rebuild, (self.msg,))

    @property
    def code(self) -> str:
        return self.msg.code

    @property
    def where(self) -> str | None:
        return self.msg.where

    @property
    def params(self) -> dict[str, object]:
        return dict(self.msg.params)

    @property
    def exit_code(self) -> int:
        return MESSAGES[self.code].exit or 2


def _rebuild(msg: Message) -> ParindexError:
    return ParindexError.of(msg)
