"""The tool's own error type: a catalogue code, its parameters and where in which file it happened."""

from __future__ import annotations

from parindex.common.catalogue import MESSAGES


class ParindexError(Exception):
    """An error the user can act on. Rendered from the catalogue in the user's language."""

    def __init__(self, code: str, /, where: str | None = None, **params: object) -> None:
        if code not in MESSAGES or MESSAGES[code].exit is None:
            raise KeyError(f"not an error code of the catalogue: {code}")
        self.code = code
        self.where = where
        self.params = params
        super().__init__(f"{code} {params}")

    def __reduce__(self) -> tuple[object, ...]:  # crosses process boundaries intact (parallel reading)
        return (_rebuild, (self.code, self.where, self.params))

    @property
    def exit_code(self) -> int:
        return MESSAGES[self.code].exit or 2

    def message(self, lang: str | None = None) -> str:
        from parindex.common.i18n import Phrase, said, t

        params = {key: said(value, lang) if isinstance(value, Phrase) else value for key, value in self.params.items()}
        text = t(self.code, lang=lang, **params)
        return f"{self.where}: {self.code} {text}" if self.where else f"{self.code} {text}"


def _rebuild(code: str, where: str | None, params: dict[str, object]) -> ParindexError:
    return ParindexError(code, where=where, **params)
