"""Where the bundled sets and baselines are found, and what happens when they are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from parindex.io.bundled import bundled_files


@pytest.mark.parametrize("command", [["validate"], ["criteria", "list"]])
def test_a_broken_installation_without_bundled_files_fails_loudly(cli, monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path, command: list[str]) -> None:
    from parindex.io import bundled

    monkeypatch.setattr(bundled, "_PACKAGE", tmp_path / "parindex")  # no _bundled/, no repository folders
    result = cli(*command)
    assert result.code == 2 and "PE311" in result.err
    assert "0" not in result.out  # not '0 files valid'


def test_the_bundled_files_are_found_from_the_moved_module() -> None:
    assert "par-province-2020" in [path.stem for path in bundled_files("criteria")]
    assert len(bundled_files("baselines")) >= 5
