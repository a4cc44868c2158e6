"""The output formats, enumerated from the registries: every command that writes a report declares its formats in
one `Outputs` (`cli/outputs.py`), and each format of each command is checked here — chosen by its extension,
refused where it contradicts another, written for real — so a format added to a registry is tested without
being named in this file."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parindex.cli import commands
from parindex.cli.outputs import Format, Output, Outputs
from parindex.common.errors import ParindexError
from tests.conftest import CliResult

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "evidence_samples" / "bac-giang-2020.xlsx"


def registries() -> dict[str, Outputs[Any]]:
    """Each command module's registry (`OUTPUTS`), by command name: found, not listed."""
    found = {}
    for module in pkgutil.iter_modules(commands.__path__):
        outputs = getattr(importlib.import_module(f"{commands.__name__}.{module.name}"), "OUTPUTS", None)
        if isinstance(outputs, Outputs):
            found[module.name] = outputs
    return found


REGISTRIES = registries()
ENTRIES = [(command, entry) for command, outputs in REGISTRIES.items() for entry in outputs]
IDS = [f"{command}-{entry.format.name}" for command, entry in ENTRIES]


def test_the_commands_that_write_reports_declare_their_formats() -> None:
    assert {"score", "gap", "progress", "merge"} <= set(REGISTRIES)


def test_a_format_has_one_extension_and_one_kind_everywhere() -> None:
    """`json` is `.json` and on the screen for every command; no two formats share an extension."""
    by_name: dict[str, Format] = {}
    for _, entry in ENTRIES:
        assert by_name.setdefault(entry.format.name, entry.format) == entry.format
    extensions = [form.extension for form in by_name.values()]
    assert len(set(extensions)) == len(extensions)


@pytest.mark.parametrize("extension", ["", "txt", ".TXT", ". md", "."])
def test_a_format_without_an_extension_cannot_be_made(extension: str) -> None:
    with pytest.raises(ValueError):
        Format("html", extension)


def test_a_registry_refuses_two_formats_of_one_name_or_extension() -> None:
    with pytest.raises(ValueError):
        Outputs(Output(Format("json", ".json"), None), Output(Format("json", ".js"), None))
    with pytest.raises(ValueError):
        Outputs(Output(Format("json", ".json"), None), Output(Format("data", ".json"), None))


def raised(choose: Callable[[], object]) -> str:
    with pytest.raises(ParindexError) as caught:
        choose()
    return caught.value.code


@pytest.mark.parametrize(("command", "entry"), ENTRIES, ids=IDS)
def test_each_format_is_chosen_by_its_extension_and_refused_where_it_contradicts(command: str,
                                                                                 entry: Output[Any]) -> None:
    outputs, form = REGISTRIES[command], entry.format
    named = Path(f"report{form.extension.upper()}")  # extensions are compared without case
    assert outputs.choose(None, named) is entry and outputs.choose(form.name, named) is entry
    assert outputs.of_file(named) is entry
    if form.file_only:
        assert raised(lambda: outputs.choose(form.name, None)) == "PC703"
    else:
        assert outputs.choose(form.name, None) is entry
        assert outputs.choose(form.name, Path("report")) is entry  # a name without an extension takes --format
    for other in outputs:
        if other is not entry:
            assert raised(lambda o=other: outputs.choose(form.name, Path(f"r{o.format.extension}"))) == "PC713"
    assert raised(lambda: outputs.choose(None, Path("report.pdf"))) == "PC714"
    assert raised(lambda: outputs.choose("pdf", None)) == "PC702"
    assert raised(lambda: outputs.of_file(Path("report.pdf"))) == "PC702"


@pytest.mark.parametrize("command", sorted(set(REGISTRIES) - {"merge", "schema"}))
def test_the_help_names_every_format(cli: Callable[..., CliResult], command: str) -> None:
    """`--format` is documented from the registry (or, for gap, in words that name each one)."""
    shown = " ".join(cli(command, "--help").out.split())
    assert all(name in shown for name in REGISTRIES[command].names), shown


# How each command is run on the bundled sample, writing its report to OUT.
RUNS: dict[str, list[str]] = {
    "score": ["score", str(SAMPLE)],
    "gap": ["gap", str(SAMPLE), "--year", "2020"],
    "progress": ["progress", str(SAMPLE)],
    "merge": ["merge", str(SAMPLE)],
    "schema": ["schema"],
}


@pytest.mark.parametrize(("command", "entry"), ENTRIES, ids=IDS)
def test_each_format_is_written(cli: Callable[..., CliResult], tmp_path: Path, command: str,
                                entry: Output[Any]) -> None:
    """Through the CLI, to a file named by its extension, and (when it is not a file only) to the screen."""
    assert command in RUNS, f"add how to run {command} to RUNS"
    target = tmp_path / f"report{entry.format.extension}"
    result = cli(*RUNS[command], "-o", str(target))
    assert result.code == 0, result.err
    assert target.stat().st_size > 0
    if not entry.format.file_only and command != "schema":
        shown = cli(*RUNS[command], "--format", entry.format.name)
        assert shown.code == 0 and shown.out.strip(), shown.err
