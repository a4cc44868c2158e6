"""The message catalogue, enumerated from itself: every entry speaks both languages with the same parameters, and
every entry is used by the package (its key written in the source, or the family its key belongs to built there:
`t(f"status.{status}")`), so no text is kept that nothing can say."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from parindex.common.catalogue import MESSAGES

PACKAGE = Path(__file__).resolve().parents[2] / "parindex"
CATALOGUE = PACKAGE / "common" / "catalogue"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def source() -> str:
    """The package's code outside the catalogue."""
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))
                     if CATALOGUE not in path.parents)


SOURCE = source()
# keys written whole ("PS511", "ui.score.total"), and families built in f-strings ("status.", "ui.template.prompt_")
WRITTEN = set(re.findall(r"[\"']([A-Za-z][\w]*(?:\.[\w]+)*)[\"']", SOURCE))
FAMILIES = tuple(set(re.findall(r"f[\"']([a-z_]+(?:\.[a-z0-9_]+)*[._])\{", SOURCE)))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_entry_speaks_both_languages_with_the_same_parameters(key: str) -> None:
    msg = MESSAGES[key]
    assert msg.vi.strip() and msg.en.strip(), key
    assert placeholders(msg.vi) == placeholders(msg.en), key


def test_every_entry_is_used_by_the_package() -> None:
    unused = [key for key in MESSAGES if key not in WRITTEN and not key.startswith(FAMILIES)]
    assert unused == [], f"catalogue entries nothing says: {unused}"


def test_the_check_of_use_would_see_a_key_nothing_says() -> None:
    assert "ui.no_such_text" not in WRITTEN and not "ui.no_such_text".startswith(FAMILIES)
    assert "PS511" in WRITTEN and "status.scored".startswith(FAMILIES)


# --- every place that raises or says a code passes what its text asks for ------------------------------------------
# A parameter left out is a KeyError when the message is shown: a traceback instead of the error the user was owed.
SAYERS = {"ParindexError", "ValueProblem", "Message"}


def _said_codes() -> list[tuple[str, int, str, set[str]]]:
    """(file, line, code, parameters passed) for each call of a sayer with a literal code whose parameters are all
    written out (a call that passes **params or a dict built elsewhere is left to the tests of its own path)."""
    import ast

    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if CATALOGUE in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            code = node.args[0].value
            if name not in SAYERS or not isinstance(code, str) or code not in MESSAGES:
                continue
            passed = _passed(name, node)
            if passed is not None:
                found.append((path.relative_to(PACKAGE.parent).as_posix(), node.lineno, code, passed))
    return found


def _passed(name: str, node: object) -> set[str] | None:
    import ast

    assert isinstance(node, ast.Call)
    if name == "Message":  # Message(code, {"key": value, …}, where)
        params = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "params"),
                                                               None)
        if params is None:
            return set()
        if not isinstance(params, ast.Dict) or None in params.keys:
            return None
        keys = [key.value for key in params.keys if isinstance(key, ast.Constant)]
        return set(keys) if len(keys) == len(params.keys) else None
    if any(keyword.arg is None for keyword in node.keywords):  # **params
        return None
    return {keyword.arg for keyword in node.keywords if keyword.arg} - {"where"}


SAID = _said_codes()


def test_the_scan_finds_the_places_that_say_codes() -> None:
    assert len(SAID) > 100  # the scan itself works: it sees the package's raises and messages
    assert {"PE300", "PC701", "PG403"} <= {code for _, _, code, _ in SAID}  # raised with their parameters written out


@pytest.mark.parametrize(("where", "line", "code", "passed"), SAID, ids=[f"{f}:{n}" for f, n, _, _ in SAID])
def test_each_place_passes_every_parameter_its_text_asks_for(where: str, line: int, code: str,
                                                             passed: set[str]) -> None:
    asked = placeholders(MESSAGES[code].vi) | placeholders(MESSAGES[code].en)
    assert asked <= passed, f"{where}:{line} says {code} without {sorted(asked - passed)}"
