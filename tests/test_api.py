"""parindex in Python (`parindex.api`, `parindex.frames`): the same result as the command's JSON, frames whose columns
are the contract's and whose totals are the JSON's, coded errors, the README's example as written — and the command
line that never loads pandas."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import parindex
from parindex import frames
from parindex.baseline import model as baseline_model
from parindex.criteria.model import CriteriaSet
from parindex.scoring import result as contract
from parindex.scoring.result import RunResult, UnitResult
from tests.conftest import CliResult
from tests.output import said

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "evidence_samples"
PROVINCE = SAMPLES / "synthetic-province-2026"
ONE = SAMPLES / "bac-giang-2020.xlsx"
SO = {"paths": PROVINCE / "so", "survey": PROVINCE / "dieu-tra-so-2026.xlsx",
      "previous": PROVINCE / "ket-qua-2025-so.json"}


@pytest.fixture(scope="module")
def so() -> parindex.Result:
    """The synthetic province's 14 departments, with their survey table and last year's results."""
    return parindex.score(SO["paths"], survey=SO["survey"], previous=SO["previous"])


# --- the same result as the command's -------------------------------------------------------------------

def test_score_gives_what_score_format_json_writes(so: parindex.Result, cli: Callable[..., CliResult],
                                                   tmp_path: Path) -> None:
    out = tmp_path / "so.json"
    done = cli("score", str(SO["paths"]), "--survey", str(SO["survey"]), "--previous", str(SO["previous"]),
               "-o", str(out), "--format", "json")
    assert done.code == 1, done.err  # the block's planted slips
    loaded = parindex.load_result(out)
    assert loaded.data == so.data and loaded.source == str(out)
    assert isinstance(so.data, RunResult) and len(so.units) == 14 and len(so.ranking) == 14
    assert any(row.previous_rank is not None for row in so.ranking)


def test_one_workbook_is_a_run_of_one(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    run = parindex.score(ONE)
    assert [row.rank for row in run.ranking] == [1] and run.units[0].unit == "UBND tỉnh Bắc Giang"
    out = tmp_path / "one.json"
    assert cli("score", str(ONE), "--format", "json", "-o", str(out)).code == 0
    alone = parindex.load_result(out)  # written by the command as one unit, without a ranking
    assert isinstance(alone.data, UnitResult) and alone.units == run.units and alone.ranking == []
    row = alone.to_frame().iloc[0]
    assert pd.isna(row["rank"]) and row["score"] == alone.data.score and row["unit"] == "UBND tỉnh Bắc Giang"


def test_reports_parindex_wrote_are_skipped_and_other_spreadsheets_named(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    shutil.copytree(SAMPLES / "synthetic-districts", folder)
    first = parindex.score(folder)
    report = folder / "ket-qua.xlsx"
    parindex_cli = [sys.executable, "-m", "parindex", "score", str(folder), "-o", str(report)]
    subprocess.run(parindex_cli, capture_output=True, check=False)
    (folder / "cu.ods").write_bytes(b"")
    again = parindex.score(folder)
    assert again.skipped == (report,) and again.not_read == (folder / "cu.ods",)
    assert again.data == first.data


# --- errors carry their code ------------------------------------------------------------------------------

def test_a_run_that_cannot_be_scored_raises_the_commands_error(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "empty").mkdir()
    shutil.copy(ONE, tmp_path / "a" / "bac-giang.xlsx")
    shutil.copy(ONE, tmp_path / "a" / "bac-giang (1).xlsx")  # e-mailed twice
    cases = {"PS526": lambda: parindex.score(tmp_path / "a"),
             "PS523": lambda: parindex.score(tmp_path / "empty"),
             "PE300": lambda: parindex.score([ONE, tmp_path / "missing.xlsx"]),
             "PC732": lambda: parindex.score(PROVINCE / "so", together="Sở"),
             "PC731": lambda: parindex.score(PROVINCE / "so", together=["Sở,Phường"]),
             "PE310": lambda: parindex.load_criteria(ROOT / "baselines" / "par-province-2020.yaml"),
             "PG410": lambda: parindex.load_baselines(ROOT / "criteria" / "par-province-2020.yaml")}
    for code, call in cases.items():
        with pytest.raises(parindex.ParindexError) as raised:
            call()
        assert raised.value.code == code
        assert str(raised.value) == raised.value.msg.line()  # said in words, as the command says it


@pytest.mark.parametrize(("text", "where", "field"), [
    ('{"units": [', ":1:12", "(json)"),
    ('{"units": [{"unit": "A"}], "ranking": []}', "", "units.0.criteria"),
    ('{"unit": "A", "score": "94,7"}', "", "criteria"),
    ('[1, 2]', "", "(root)"),
    ('{"ranking": [{"unit": "A", "rank": 1}], "units": []}', None, None),  # a run of none: read, not refused
])
def test_load_result_refuses_what_is_not_a_result(tmp_path: Path, text: str, where: str | None,
                                                  field: str | None) -> None:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    if field is None:
        assert parindex.load_result(path).ranking[0].unit == "A"
        return
    with pytest.raises(parindex.ParindexError) as raised:
        parindex.load_result(path)
    assert raised.value.code == "PS595" and raised.value.where == f"{path}{where}"
    assert raised.value.params["field"] == field


def test_a_deep_or_huge_json_is_ps590_not_a_traceback(tmp_path: Path) -> None:
    for text in ("[" * 100_000, '{"unit": ' + "9" * 5000 + "}"):
        path = tmp_path / "r.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(parindex.ParindexError) as raised:
            parindex.load_result(path)
        assert raised.value.code == "PS595"


def test_criteria_and_baselines_are_the_cores_objects() -> None:
    cset = parindex.load_criteria("par-province-2022")
    assert isinstance(cset, CriteriaSet) and cset.id == "par-province-2022"
    assert parindex.load_criteria(ROOT / "criteria" / "par-province-2022.yaml").fingerprint() == cset.fingerprint()
    bundled = parindex.load_baselines()
    assert [base.year for base in bundled] == [2019, 2020, 2021, 2022, 2023, 2024]
    assert isinstance(next(iter(bundled)), baseline_model.Baseline)
    assert len(parindex.load_baselines(ROOT / "baselines" / "par-province-2023.yaml")) == 1


# --- the frames: their columns are the contract's, their totals the JSON's ---------------------------------

def _field(module: object, key: str) -> bool:
    """`Model.field` (or `Model.field.value`…) names a field of the module's contract model."""
    model_name, field, *rest = key.split(".")
    model = getattr(module, model_name)
    if field not in model.model_fields:
        return False
    return not rest or all(part in ("value", "status", "source") for part in rest)


def test_every_column_is_a_key_of_the_contract() -> None:
    for column in (*frames.RUN_HEAD, *frames.RUN_TAIL, *frames.ITEM_COLUMNS, *frames.run_columns(["1"])):
        assert _field(contract, column.key), column
    for column in (*frames.BASELINE_HEAD, *frames.BASELINE_VALUES, *frames.baseline_columns(["1"])):
        assert _field(baseline_model, column.key), column
    # every key of a ranking row and of an item is a column (an item's own, and the role of its component)
    run_keys = {column.key for column in (*frames.RUN_HEAD, *frames.RUN_TAIL)}
    assert {f"RankingRow.{name}" for name in contract.RankingRow.model_fields} <= run_keys
    item_keys = {column.key for column in frames.ITEM_COLUMNS}
    assert {f"ItemResult.{name}" for name in contract.ItemResult.model_fields} <= item_keys
    assert [column.name for column in frames.ITEM_COLUMNS][:1] == ["unit"]


def test_the_frames_are_declared_columns_and_dtypes(so: parindex.Result) -> None:
    areas = [area.code for area in so.units[0].areas]
    run = so.to_frame()
    items = so.items_frame()
    official = parindex.load_baselines().to_frame()
    codes = sorted({area.code for base in parindex.load_baselines() for area in base.areas}, key=int)
    for table, columns in ((run, frames.run_columns(areas)), (items, frames.ITEM_COLUMNS),
                           (official, frames.baseline_columns(codes))):
        assert list(table.columns) == [column.name for column in columns]
        assert [str(dtype) for dtype in table.dtypes] == [column.dtype for column in columns]
    assert run.attrs["areas"] == {area.code: area.name for area in so.units[0].areas}


def test_the_run_frames_figures_are_the_jsons(so: parindex.Result) -> None:
    run = so.to_frame()
    assert len(run) == len(so.ranking)
    units = {unit.unit: unit for unit in so.units}
    for (_, row), ranked in zip(run.iterrows(), so.ranking, strict=True):
        unit = units[ranked.unit]
        assert (row["block"], row["rank"], row["unit"]) == (ranked.block, ranked.rank, ranked.unit)
        for key in ("score", "max", "percent"):
            assert row[key] == getattr(ranked, key) and isinstance(row[key], Decimal)
        assert (row["band"] if pd.notna(row["band"]) else None) == ranked.band
        assert row["previous_rank"] == ranked.previous_rank and row["rank_change"] == ranked.rank_change
        assert {area.code: area.score for area in unit.areas} == {code: row[f"area_{code}"] for code in
                                                                  run.attrs["areas"]}
        assert (row["errors"], row["warnings"], row["year"]) == (len(unit.errors), len(unit.warnings), unit.year)


def test_the_items_add_up_to_the_jsons_totals(so: parindex.Result) -> None:
    items = so.items_frame()
    assert len(items) == sum(len(unit.items) for unit in so.units)
    for unit in so.units:
        mine = items[items["unit"] == unit.unit]
        inside = mine[mine["role"].isin(["self", "measured"])]
        by_area = inside.groupby("area")["score"].sum()
        assert {area.code: area.score for area in unit.areas} == {code: by_area.get(code, Decimal(0))
                                                                  for code in by_area.index}
        by_component = inside.groupby("component")["score"].sum()
        assert {c.id: c.score for c in unit.components} == dict(by_component)
        earned = {a.id: mine[mine["component"] == a.id]["score"].sum() for a in unit.adjustments}
        assert earned == {a.id: a.earned for a in unit.adjustments}
        assert sum(by_area, Decimal(0)) + (unit.bonus or 0) - (unit.penalty or 0) == unit.score


def test_a_file_written_before_items_named_their_component_still_reads(tmp_path: Path) -> None:
    """A result written before items said their `component`: the column is <NA>, nothing is guessed."""
    data = json.loads((PROVINCE / "ket-qua-2025-xa.json").read_text(encoding="utf-8"))
    for unit in data["units"]:
        for item in unit["items"]:
            del item["component"]
    path = tmp_path / "ket-qua-cu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old = parindex.load_result(path)
    items = old.items_frame()
    assert len(items) > 68 and items["component"].isna().all() and items["role"].isna().all()
    assert len(old.to_frame()) == len(old.ranking) == 68


def test_the_baselines_frame_is_the_files() -> None:
    bundled = parindex.load_baselines()
    official = bundled.to_frame()
    assert len(official) == sum(len(base.units) for base in bundled)
    for base in bundled:
        for unit in base.units:
            rows = official[(official["year"] == base.year) & (official["unit"] == unit.name)]
            assert len(rows) == 1, unit.name  # names as written, Vietnamese letters and all
            row = rows.iloc[0]
            if unit.total is None:
                assert pd.isna(row["total"]) and pd.isna(row["total_status"]) and pd.isna(row["band"])
            else:
                assert row["total"] == unit.total.value and row["total_status"] == unit.total.status
                assert row["total_source"] == base.source_text(unit.total.source)
            assert (pd.isna(row["rank"]) if unit.rank is None else row["rank"] == unit.rank.value)
            for area in unit.areas:
                if area.score is not None:
                    assert row[f"area_{area.code}"] == area.score.value
    hanoi = official[official["unit"] == "Hà Nội"].set_index("year")
    assert hanoi.loc[2023, "band"] == "A" and hanoi.loc[2020, "band"] == "B"  # 91.43 ≥ 90; 86.07 in 80–90
    assert pd.isna(hanoi.loc[2019, "band"])  # 2019 publishes no groups


def test_a_baseline_band_is_the_published_group_holding_the_total() -> None:
    base = next(base for base in parindex.load_baselines() if base.year == 2024)
    assert [base.band_of(Decimal(total)) for total in ("90", "89.99", "80", "79.99")] == ["A", "B", "B", "C"]


# --- the README's example, as written ----------------------------------------------------------------------

def readme_example() -> tuple[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## parindex in Python"):]
    found = re.search(r"```python\n(.*?)```\n\n```text\n(.*?)```", section, re.DOTALL)
    assert found is not None
    return found[1], found[2]


def test_the_readmes_example_runs_as_written_and_prints_what_it_shows() -> None:
    code, shown = readme_example()
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert said(done.stdout) == said(shown)


# --- pandas stays out of the command line -----------------------------------------------------------------

def imported(*argv: str) -> set[str]:
    """The modules a fresh `python -X importtime …` imported, from what it reports on stderr."""
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], cwd=ROOT, capture_output=True, text=True,
                          check=False, encoding="utf-8")
    return {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def test_importing_parindex_loads_nothing_of_the_api() -> None:
    modules = imported("-c", "import parindex")
    assert "parindex" in modules
    assert not modules & {"pandas", "pydantic", "parindex.api", "parindex.frames"}


@pytest.mark.parametrize("argv", [[str(ONE)], [str(PROVINCE / "so"), "--format", "json"]], ids=["one", "many"])
def test_parindex_score_imports_no_pandas(argv: list[str]) -> None:
    modules = imported("-m", "parindex", "score", *argv)
    assert "parindex.scoring.engine" in modules  # it did score
    assert not {name for name in modules if name.split(".")[0] == "pandas"}
    assert not modules & {"parindex.api", "parindex.frames"}


def test_a_result_shows_itself_in_one_line(so: parindex.Result) -> None:
    """`run` typed alone in a notebook: what it is, not every item of every unit."""
    assert repr(so) == "<Result 2026: units 14, ranked 14>"
    assert repr(parindex.load_baselines()).startswith("<Baselines: 2019 (province), 2020 (province)")


def test_the_packages_names_are_the_apis() -> None:
    assert set(parindex.__all__) <= set(dir(parindex))
    assert all(getattr(parindex, name) is not None for name in parindex.__all__)
    with pytest.raises(AttributeError):
        parindex.no_such_thing  # noqa: B018
