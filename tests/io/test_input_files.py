"""Opening inputs one way: size limits from the environment, and files that are not files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parindex.common.errors import ParindexError
from parindex.io.input_files import checked_size, env_limit


@pytest.mark.parametrize(("raw", "expected"), [("", 7), ("0", 7), ("-5", 7), ("²", 7), ("٣", 7), ("abc", 7),
                                               (" 1000 ", 1000), ("52428800", 52428800)])
def test_limits_from_the_environment_are_positive_whole_numbers(monkeypatch, raw, expected) -> None:
    monkeypatch.setenv("PARINDEX_TEST_LIMIT", raw)
    assert env_limit("PARINDEX_TEST_LIMIT", 7) == expected


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a device file to point at")
def test_a_device_is_not_read(cli) -> None:
    with pytest.raises(ParindexError) as caught:
        checked_size(Path("/dev/zero"), 10)
    assert caught.value.code == "PE307"
    for argv in (["validate", "/dev/zero"], ["score", "/dev/zero"], ["criteria", "show", "/dev/zero.yaml"]):
        result = cli(*argv)
        assert result.code == 2 and "Traceback" not in result.err


def test_the_same_limit_applies_to_criteria_and_workbooks(cli, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARINDEX_MAX_BYTES", "0")  # not a limit: the defaults stay
    assert cli("criteria", "list").code == 0
    monkeypatch.setenv("PARINDEX_MAX_BYTES", "100")
    shown = cli("criteria", "show", "par-province-2020")
    assert shown.code == 2 and "PE301" in shown.err
    workbook = tmp_path / "so.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    scored = cli("score", str(workbook))
    assert scored.code == 2 and "PE301" in scored.err


def test_a_legacy_xls_given_as_criteria_is_named_a_workbook(cli, tmp_path: Path) -> None:
    xls = tmp_path / "bo-tieu-chi.yaml"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(64))
    result = cli("validate", str(xls))
    assert result.code == 2 and "PE306" in result.out + result.err

