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
