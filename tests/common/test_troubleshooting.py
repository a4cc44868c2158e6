"""The error catalogue as the user meets it: every error code renders as a ParindexError in Vietnamese and
English whatever its parameters are called, and the README's troubleshooting table is the catalogue's."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from parindex.common.catalogue import MESSAGES
from parindex.common.errors import ParindexError
from parindex.common.messages import Message
from tests.catalogue_table import ERROR_CODE, README, readme_table, table_lines

PACKAGE = Path(__file__).resolve().parents[2] / "parindex"
RAISED = re.compile(r'ParindexError\(\s*"(P[A-Z][0-9]{3})"')

ERROR_CODES = sorted(code for code in MESSAGES if ERROR_CODE.fullmatch(code))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_readme_lists_every_error_of_the_catalogue() -> None:
    """Fails when a code is added, removed or reworded: run `python tests/catalogue_table.py --write`."""
    assert readme_table(README.read_text(encoding="utf-8")) == table_lines()


@pytest.mark.parametrize("code", ERROR_CODES)
def test_every_error_code_has_an_exit_code_and_the_same_parameters_in_both_languages(code: str) -> None:
    msg = MESSAGES[code]
    assert msg.exit in (1, 2), f"{code}: exit code {msg.exit}"
    assert placeholders(msg.vi) == placeholders(msg.en), code


def raised_codes() -> list[str]:
    """Codes the package raises as ParindexError (found in its source, as `ParindexError("CODE"`)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        found.update(RAISED.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


@pytest.mark.parametrize("code", ERROR_CODES)
def test_every_error_code_renders_in_both_languages(code: str) -> None:
    """Through `Message.text`, the path every message takes: whatever its parameters are called."""
    params = {name: f"<{name}>" for name in placeholders(MESSAGES[code].vi)}
    for lang in ("vi", "en"):
        text = Message(code, params).text(lang)
        for value in params.values():
            assert value in text, (code, lang, text)


KNOWN_BUGS: dict[str, str] = {}


@pytest.mark.parametrize("code", [
    pytest.param(code, marks=pytest.mark.xfail(reason=KNOWN_BUGS[code], strict=True)) if code in KNOWN_BUGS
    else code for code in raised_codes()])
def test_every_raised_error_renders_as_a_parindex_error(code: str) -> None:
    """A message parameter named like an argument of ParindexError() or i18n.t() ({code}, {key}, {where}…)
    used to crash the CLI with a TypeError (PC700) instead of showing the message."""
    assert code in MESSAGES, f"{code} is raised but not in the catalogue"
    params = {name: f"<{name}>" for name in placeholders(MESSAGES[code].vi)}
    error = ParindexError(code, **params)
    for lang in ("vi", "en"):
        text = error.msg.line(lang)
        assert text.startswith(code)
        for value in params.values():
            assert value in text, (code, lang, text)
    assert error.exit_code == MESSAGES[code].exit
