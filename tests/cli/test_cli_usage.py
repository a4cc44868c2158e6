"""Command-line mistakes are told in the user's language, with a catalogue code and the --help to read."""

from __future__ import annotations

from pathlib import Path

import pytest

CASES = [  # (command line, code, text it must hold (en), the --help it points to)
    (["score"], "PC707", "Missing argument FILE|FOLDER…", "parindex score --help"),
    (["score", "x.xlsx", "--forc"], "PC706", "Did you mean: --force, --format?", "parindex score --help"),
    (["score", "x.xlsx", "--bogus"], "PC706", "No such option: --bogus.", "parindex score --help"),
    (["score", "x.xlsx", "-o"], "PC709", "Option -o needs a value", "parindex score --help"),
    (["scor", "x.xlsx"], "PC711", "Did you mean: score?", "parindex --help"),
    (["criteria", "shwo"], "PC711", "The commands: export, import, list, show.", "parindex criteria --help"),
    (["criteria", "show", "par-province-2020", "--depth", "abc"], "PC708", "Invalid value for --depth",
     "parindex criteria show --help"),
    (["explain", "a.xlsx", "1.1", "c", "d"], "PC712", "Unexpected extra argument(s): c d.", "parindex explain --help"),
]


@pytest.mark.parametrize(("argv", "code", "text", "help_hint"), CASES, ids=[c[1] + "-" + c[0][-1] for c in CASES])
def test_usage_mistakes_are_catalogue_errors(cli, argv, code, text, help_hint) -> None:
    english = cli(*argv, "--lang", "en")
    assert english.code == 2
    assert f"Error: {code} " in english.err and text in english.err
    assert f"See: {help_hint}" in english.err
    vietnamese = cli(*argv)
    assert vietnamese.code == 2
    assert f"Lỗi: {code} " in vietnamese.err and f"Xem: {help_hint}" in vietnamese.err
    for shown in (english, vietnamese):
        assert "Traceback" not in shown.err and "Usage:" not in shown.err and shown.out == ""


def test_every_usage_code_has_a_case() -> None:
    import re

    from parindex.cli import usage

    made = set(re.findall(r'ParindexError\("(PC\d+)"', Path(usage.__file__).read_text(encoding="utf-8")))
    assert made - {case[1] for case in CASES} == {"PC710"}  # the fallback: click's own words, quoted


def test_an_unrecognised_usage_error_still_gets_a_code(cli) -> None:
    from parindex.cli.usage import usage_error

    class UsageError(Exception):  # the shape click's errors have, with a message nobody translated
        message = "Something new in click."

    error = usage_error(UsageError(), root=None)
    assert error.code == "PC710" and "Something new in click." in error.msg.line("en")
