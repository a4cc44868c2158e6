"""`parindex validate` end to end: exit codes, the three output formats, the language switch, and no traceback
for any input."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "criteria"
MINIMAL = FIXTURES / "minimal.yaml"
SUM_MISMATCH = FIXTURES / "bad" / "px101-sum-mismatch.yaml"  # PX101 at 17:14 and PX103 at 9:48
DUPLICATE_KEY = FIXTURES / "bad" / "px109-duplicate-key.yaml"  # PX109 at 25:13
LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>PX1\d\d) (?P<name>[a-z-]+) (?P<message>.+)$")

Cli = Callable[..., Any]  # the `cli` fixture of conftest.py


def no_traceback(result: Any) -> None:
    for text in (result.out, result.err):
        assert "Traceback" not in text
        assert 'File "' not in text


# --- exit codes ---------------------------------------------------------------------------------------------

def test_valid_file_exits_0(cli: Cli) -> None:
    result = cli("validate", str(MINIMAL))
    assert result.code == 0
    assert "1 tệp hợp lệ" in result.out
    assert not LINE.search(result.out)


def test_broken_file_exits_1_with_path_line_col_code(cli: Cli) -> None:
    result = cli("validate", str(SUM_MISMATCH))
    assert result.code == 1
    matches = [LINE.match(line) for line in result.out.splitlines()]
    found = [(m["file"], int(m["line"]), int(m["col"]), m["code"], m["name"]) for m in matches if m]
    assert found == [(str(SUM_MISMATCH), 9, 48, "PX103", "component-items-sum"),  # sorted by line
                     (str(SUM_MISMATCH), 17, 14, "PX101", "sum-mismatch")]
    assert "các mục con của 1.1 cộng lại được 4,5 nhưng 1.1 có điểm tối đa 4" in result.out
    assert "2 vấn đề trong 1 tệp" in result.out


def test_several_files_are_all_reported(cli: Cli) -> None:
    result = cli("validate", str(MINIMAL), str(SUM_MISMATCH))
    assert result.code == 1
    assert {m["file"] for m in map(LINE.match, result.out.splitlines()) if m} == {str(SUM_MISMATCH)}
    assert "2 vấn đề trong 2 tệp" in result.out


def test_duplicate_key_is_reported_like_any_other_finding(cli: Cli) -> None:
    result = cli("--lang", "en", "validate", str(DUPLICATE_KEY))
    assert result.code == 1
    assert f"{DUPLICATE_KEY}:25:13: PX109 duplicate-key key 'max' is repeated (first on line 21)" in result.out


def test_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("validate", str(tmp_path / "nope.yaml"))
    assert result.code == 2
    assert "PE300" in result.err and "nope.yaml" in result.err
    no_traceback(result)


def test_non_utf8_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"id: x\ntitle: B\xe1o c\xe1o\n")  # Latin-1, as an old editor saves it
    result = cli("--lang", "en", "validate", str(path))
    assert result.code == 2
    assert "PE302" in result.err and "UTF-8" in result.err and "line 2" in result.err
    no_traceback(result)


def test_folder_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("validate", str(tmp_path))
    assert result.code == 2
    assert "PE305" in result.err


@pytest.mark.parametrize("argv", [("validate", "--format", "xml", str(MINIMAL)), ("validate", "--bogus"),
                                  ("--lang", "fr", "validate", str(MINIMAL))])
def test_bad_arguments_exit_2(cli: Cli, argv: tuple[str, ...]) -> None:
    result = cli(*argv)
    assert result.code == 2
    no_traceback(result)


# --- formats -------------------------------------------------------------------------------------------------

def test_json_format(cli: Cli) -> None:
    result = cli("validate", "--format", "json", str(MINIMAL), str(SUM_MISMATCH))
    assert result.code == 1
    payload = json.loads(result.out)
    assert payload["valid"] is False
    assert payload["files"] == [str(MINIMAL), str(SUM_MISMATCH)]
    assert [(f["file"], f["line"], f["col"], f["code"], f["check"]) for f in payload["findings"]] == [
        (str(SUM_MISMATCH), 9, 48, "PX103", "component-items-sum"),
        (str(SUM_MISMATCH), 17, 14, "PX101", "sum-mismatch")]
    assert "4,5" in payload["findings"][1]["message"]


def test_json_format_of_a_valid_file(cli: Cli) -> None:
    result = cli("validate", "-f", "json", str(MINIMAL))
    assert result.code == 0
    assert json.loads(result.out) == {"valid": True, "files": [str(MINIMAL)], "findings": []}


def test_github_format(cli: Cli) -> None:
    result = cli("validate", "--format", "github", str(SUM_MISMATCH))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines == [
        f"::error file={SUM_MISMATCH},line=9,col=48,title=PX103 component-items-sum::"
        "các tiêu chí thành phần thuộc thành phần 'appraised' cộng lại được 4,5 nhưng thành phần này có điểm tối đa 4.",
        f"::error file={SUM_MISMATCH},line=17,col=14,title=PX101 sum-mismatch::"
        "các mục con của 1.1 cộng lại được 4,5 nhưng 1.1 có điểm tối đa 4; sửa 'max' của 1.1 hoặc của các mục con.",
    ]


def test_github_format_of_a_valid_file_prints_nothing(cli: Cli) -> None:
    result = cli("validate", "--format", "github", str(MINIMAL))
    assert (result.code, result.out) == (0, "")


# --- language ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [("--lang", "en", "validate", str(SUM_MISMATCH)),
                                  ("validate", str(SUM_MISMATCH), "--lang", "en"),
                                  ("validate", "--lang=en", str(SUM_MISMATCH))])
def test_lang_en_anywhere_on_the_line(cli: Cli, argv: tuple[str, ...]) -> None:
    result = cli(*argv)
    assert result.code == 1
    assert "children of 1.1 sum to 4.5 but 1.1 has max 4" in result.out
    assert "2 problem(s) in 1 file(s)" in result.out
    assert "cộng lại" not in result.out


def test_lang_from_the_environment(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARINDEX_LANG", "en")
    assert "children of 1.1 sum to 4.5" in cli("validate", str(SUM_MISMATCH)).out
    assert "các mục con của 1.1" in cli("--lang", "vi", "validate", str(SUM_MISMATCH)).out


def test_lang_en_in_json_messages(cli: Cli) -> None:
    payload = json.loads(cli("validate", "--format", "json", "--lang", "en", str(SUM_MISMATCH)).out)
    assert "children of 1.1 sum to 4.5 but 1.1 has max 4" in payload["findings"][1]["message"]


def test_error_messages_follow_the_language(cli: Cli, tmp_path: Path) -> None:
    assert "No such file" in cli("--lang", "en", "validate", str(tmp_path / "x.yaml")).err
    assert "Không tìm thấy" in cli("validate", str(tmp_path / "x.yaml")).err


# --- garbage in, no traceback out ----------------------------------------------------------------------------

GARBAGE: dict[str, bytes] = {
    "random-bytes": random.Random(2020).randbytes(2048),
    "random-text": "".join(random.Random(7).choice("ab:-[]{}&*!|>'\"# \n\tộ") for _ in range(400)).encode(),
    "empty": b"",
    "only-a-comment": b"# nothing here\n",
    "a-list": b"- 1\n- 2\n",
    "a-scalar": b"just some words\n",
    "unclosed": b"id: [unclosed\n",
    "nul": b"id: a\x00b\n",
    "python-tag": b"!!python/object/apply:os.system ['echo hi']\n",
    "null-areas": b"id: x\nareas: ~\n",
    "areas-of-strings": b"id: x\nmax: 1\nareas: [a, b]\ncomponents: [{}]\n",
    "bom-only": b"\xef\xbb\xbf",
}
EXIT = {"random-bytes": 2}  # not UTF-8: could not run; everything else is read and found wanting


@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_garbage_never_shows_a_traceback(cli: Cli, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(GARBAGE[name])
    for fmt in ("text", "json", "github"):
        result = cli("validate", "--format", fmt, str(path))
        assert result.code == EXIT.get(name, 1), (fmt, result.out, result.err)
        no_traceback(result)
        if fmt == "text" and result.code == 1:
            assert any(LINE.match(line) for line in result.out.splitlines())
        if fmt == "json" and result.code == 1:
            assert json.loads(result.out)["findings"]


def test_empty_file_names_the_missing_fields(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    result = cli("--lang", "en", "validate", str(path))
    assert f"{path}:1:1: PX113 schema id: required field is missing" in result.out


def test_unclosed_flow_is_a_syntax_finding(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "unclosed.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 1
    assert f"{path}:2:1: PX100 yaml-syntax" in result.out


def test_huge_integer_is_a_finding(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bigint.yaml"
    path.write_text("max: " + "9" * 5000 + "\n", encoding="utf-8")
    result = cli("validate", str(path))
    no_traceback(result)
    assert result.code == 1


def test_huge_exponent_is_a_finding(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "overflow.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace("    max: 4\n", "    max: 1.0e+9999999\n", 1),
                    encoding="utf-8")
    result = cli("validate", str(path))
    no_traceback(result)
    assert result.code == 1


@pytest.mark.parametrize("name", ["random-bytes", "unclosed", "a-list"])
def test_garbage_through_a_real_process(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(GARBAGE[name])
    proc = subprocess.run([sys.executable, "-m", "parindex", "validate", str(path)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == EXIT.get(name, 1)
    assert "Traceback" not in proc.stdout + proc.stderr


def test_a_workbook_given_to_validate_says_it_is_a_workbook(cli: Cli) -> None:
    sample = Path(__file__).resolve().parents[2] / "evidence_samples" / "bac-giang-2020.xlsx"
    result = cli("--lang", "en", "validate", str(sample))
    assert result.code == 2
    assert "PE306" in result.err and "workbook" in result.err


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_file_that_cannot_be_read_does_not_stop_the_others(cli: Cli, tmp_path: Path, fmt: str) -> None:
    broken = tmp_path / "cp1258.yaml"
    broken.write_bytes("id: x\ntitle: B\xe1o c\xe1o\n".encode("latin-1"))  # not UTF-8
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text(encoding="utf-8").replace("max: 10", "max: 11", 1), encoding="utf-8")
    result = cli("validate", str(broken), str(tmp_path / "missing.yaml"), str(bad), str(MINIMAL), "-f", fmt)
    assert result.code == 2  # could not run on every file
    shown = result.out + result.err
    assert "PE302" in shown and "PE300" in shown and "Traceback" not in shown
    # the file after the unreadable ones was still checked (GitHub's format escapes a comma or a colon in its name)
    assert str(bad) in (unquote(result.out) if fmt == "github" else result.out)
    if fmt == "json":
        payload = json.loads(result.out)
        assert payload["valid"] is False and len(payload["files"]) == 4
        assert {f["code"] for f in payload["findings"]} >= {"PE302", "PE300"}
        assert next(f for f in payload["findings"] if f["code"] == "PE302")["line"] == 2


@pytest.mark.parametrize(("old", "new", "words"), [
    ('code: "1.1.1"', 'code: "1.1.l"', "mã gồm các số cách nhau bởi dấu chấm"),
    ("max: 1.5\n", "max: 1e-99999999\n", "tối đa 4 chữ số thập phân"),
    ("max: 1.5\n", 'max: "1,5"\n', "dấu chấm thập phân"),
    ('code: "1.1.1"', "code: 1.1", 'viết trong ngoặc kép: "1.1"'),
    ("{at_least: 98, points: 2}", "{at_least: 98, at_most: 99, points: 2}", "cần đúng một trong at_least / at_most"),
    ('        items:\n          - code: "1.1.1"',
     '        criteria: [{code: "1.1.9", name: X, max: 1, source: s}]\n        items:\n          - code: "1.1.1"',
     "phải chứa criteria, items, hoặc cả hai"),
])
def test_likely_editing_mistakes_are_explained_in_vietnamese(cli: Cli, tmp_path: Path, old: str, new: str,
                                                             words: str) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "sua.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = cli("validate", str(broken))
    assert result.code == 1 and len(result.out) < 2000  # a line or two, not a flood
    assert words in result.out
    assert "a tier needs" not in result.out and "a criterion holds" not in result.out  # no English left


def test_patterns_are_expanded_where_the_shell_does_not(tmp_path: Path) -> None:
    from parindex.cli.app import expand_globs

    for name in ("b.yaml", "a.yaml", "c.txt"):
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    args = ["validate", str(tmp_path / "*.yaml"), "--format", "json", str(tmp_path / "none-*.yaml")]
    assert expand_globs(args) == ["validate", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "--format", "json",
                                  str(tmp_path / "none-*.yaml")]
