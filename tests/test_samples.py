"""The committed sample workbooks: rebuilt by their script, scored through the CLI, and true to their sources."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from python_calamine import CalamineWorkbook

from parindex.cli.app import run
from parindex.common.i18n import set_lang
from parindex.criteria.files import load_criteria

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "evidence_samples"
BAC_GIANG = SAMPLES / "bac-giang-2020.xlsx"
SOURCE = SAMPLES / "bac-giang-2020.source.yaml"
SYNTHETIC = SAMPLES / "synthetic-districts"
SURVEY_COMPONENTS = {"survey", "sipas"}


def _make_samples():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_samples", module)  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def _content(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else _cells(path)


def _cells(path: Path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    try:
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    finally:
        book.close()


@pytest.fixture(autouse=True)
def _vietnamese():
    set_lang(None)
    yield
    set_lang(None)


@pytest.fixture(scope="module")
def source() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cset():
    return load_criteria("par-province-2020")


def score_json(paths: list[Path], tmp_path: Path, capsys) -> tuple[int, dict, str]:
    out = tmp_path / "scores.json"
    capsys.readouterr()
    code = run(["score", *map(str, paths), "--format", "json", "-o", str(out)])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}, text


# --- the committed files are what the script makes -----------------------------------------------

def test_committed_samples_equal_what_the_script_builds(tmp_path):
    built = _make_samples().build(tmp_path)
    committed = [SAMPLES / path.relative_to(tmp_path) for path in built]
    assert sorted(p.name for p in SYNTHETIC.glob("*.xlsx")) == sorted(p.name for p in built
                                                                       if p.parent.name == SYNTHETIC.name)
    stale = [str(c.relative_to(REPO)) for b, c in zip(built, committed, strict=True)
             if not c.exists() or _content(b) != _content(c)]
    assert not stale, f"stale samples {stale}: run `python evidence_samples/make_samples.py` and commit them"


# --- Bắc Giang 2020 ---------------------------------------------------------------------------------

def test_source_table_has_every_item_of_the_set_in_order(source, cset):
    assert [str(row["code"]) for row in source["items"]] == [item.code for _, item in cset.items()]
    assert source["criteria"] == cset.id


def test_source_rows_with_a_value_cite_a_seed_and_quote_it(source):
    for row in source["items"]:
        if "value" in row:
            assert row.get("source", "").startswith("seeds/"), row["code"]
            assert row.get("quote"), row["code"]
            assert row.get("basis") in ("stated", "derived", "interpreted"), row["code"]
            if row["basis"] != "stated":
                assert row.get("note"), f"{row['code']}: a derived or interpreted value needs a note"
        else:
            assert row.get("note"), f"{row['code']}: an empty row says why it is empty"


def _seeds_folder() -> Path | None:
    for candidate in (REPO / "seeds", REPO.parent / "shared" / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


def test_quotes_are_verbatim_in_the_cited_seed(source):
    seeds = _seeds_folder()
    if seeds is None:
        pytest.skip("the seed documents are not in this checkout")
    for row in source["items"]:
        if not row.get("quote"):
            continue
        files = set(re.findall(r"seeds/([\w.-]+\.txt)", row["source"]))
        assert files, row["code"]
        texts = [(seeds / name).read_text(encoding="utf-8") for name in files]
        assert any(row["quote"] in text for text in texts), f"{row['code']}: quote not found in {sorted(files)}"


def test_survey_items_are_left_for_the_ministry(source, cset):
    items = cset.item_by_code()
    for row in source["items"]:
        if items[str(row["code"])].component in SURVEY_COMPONENTS:
            assert "value" not in row, f"{row['code']} is not self-scored"


def test_bac_giang_info_sheet(tmp_path, capsys):
    code, report, text = score_json([BAC_GIANG], tmp_path, capsys)
    assert code == 0, text
    assert (report["unit"], report["level"], report["year"]) == ("UBND tỉnh Bắc Giang", "province", "2020")
    info = {row[0]: row[1] for row in _cells(BAC_GIANG)["Thông tin"] if row and row[0]}
    assert info["Người lập"] == "parindex sample (built from public documents)"


def test_bac_giang_scores_and_its_missing_items_are_the_empty_rows(source, cset, tmp_path, capsys):
    code, report, text = score_json([BAC_GIANG], tmp_path, capsys)
    assert code == 0, text  # warnings (missing values) only: no errors
    assert "Traceback" not in text
    items = cset.item_by_code()
    status = {item["code"]: item["status"] for item in report["items"]}
    empty = {str(r["code"]) for r in source["items"] if "value" not in r}
    survey = {code for code in empty if items[code].component in SURVEY_COMPONENTS}
    filled = {str(r["code"]) for r in source["items"] if "value" in r}
    assert {c for c, s in status.items() if s == "missing"} == empty - survey
    assert {c for c, s in status.items() if s == "not_self_scored"} == survey
    assert {c for c, s in status.items() if s == "scored"} == filled
    assert Counter(w["code"] for w in report["warnings"]) == Counter({"PS503": len(empty - survey)})


@pytest.mark.parametrize(("code", "value", "points"), [
    ("6.1.1", 80.78, 0.5), ("6.1.2", 87.26, 0.5), ("6.1.3", 2, 0.5), ("7.1.1", 91.5, 1), ("7.2.1", 8.79, 0),
    ("3.4.2", 100, 1), ("3.1.2", "Còn công khai TTHC đã hết hiệu lực", 0), ("7.1.2", False, 0),
])
def test_bac_giang_values_typed_as_officers_type_them(tmp_path, capsys, code, value, points):
    _, report, _ = score_json([BAC_GIANG], tmp_path, capsys)
    item = next(i for i in report["items"] if i["code"] == code)
    assert (item["value"], item["score"]) == (value, points)


def test_bac_giang_table_output_has_no_traceback(capsys):
    code = run(["score", str(BAC_GIANG)])
    captured = capsys.readouterr()
    assert code == 0
    assert "UBND tỉnh Bắc Giang" in captured.out
    assert "Traceback" not in captured.out + captured.err


# --- synthetic districts ----------------------------------------------------------------------------

def test_synthetic_districts_score_rank_and_tie(tmp_path, capsys):
    files = sorted(SYNTHETIC.glob("synthetic-huyen-*.xlsx"))
    assert len(files) == 8
    code, report, text = score_json([SYNTHETIC], tmp_path, capsys)
    assert code == 0, text
    assert "Traceback" not in text
    units = report["units"]
    assert len(units) == len(files)
    assert all(u["unit"].endswith("(tổng hợp)") and u["level"] == "province" for u in units)
    statuses = Counter(i["status"] for u in units for i in u["items"])
    assert {"scored", "missing", "not_applicable", "not_self_scored", "estimated"} <= set(statuses)
    assert statuses["invalid"] == 0
    assert any(w["code"] == "PS502" for u in units for w in u["warnings"])  # some rows without evidence
    ranks = Counter(r["rank"] for r in report["ranking"])
    assert any(count > 1 for count in ranks.values()), "the twin districts should share a rank"
    assert len({r["percent"] for r in report["ranking"]}) == len(units) - 1  # exactly one tie


def test_synthetic_values_use_the_typed_forms():
    values: list[object] = []
    for path in SYNTHETIC.glob("*.xlsx"):
        rows = _cells(path)["Tự đánh giá"]
        column = rows[0].index("Kết quả")
        values += [row[column] for row in rows[1:] if row[column] != ""]
    texts = [v for v in values if isinstance(v, str)]
    assert any(re.fullmatch(r"\d+,\d+%", v) for v in texts)  # 95,7%
    assert any(re.fullmatch(r"\d+\.\d+%", v) for v in texts)  # 95.7%
    assert any(re.fullmatch(r"0,\d+", v) for v in texts)  # 0,957
    assert any(isinstance(v, float) and 0 < v < 1 for v in values)  # Excel percent cell
    assert any(v.strip() in ("x", "C", "Đạt") for v in texts)


# --- the synthetic two-tier province ------------------------------------------------------------------------

PROVINCE = SAMPLES / "synthetic-province-2026"
BLOCKS = {"so": 14, "phuong": 45, "xa": 68}


@pytest.fixture(scope="session")
def province() -> dict[str, tuple[int, dict, str]]:
    """Each block scored once for the whole session, with the province's survey table: (exit, report, output)."""
    import subprocess

    scored = {}
    for block in BLOCKS:
        done = subprocess.run([sys.executable, "-m", "parindex", "--lang", "en", "score", str(PROVINCE / block),
                               "--survey", str(PROVINCE / f"dieu-tra-{block}-2026.xlsx"), "--format", "json"],
                              capture_output=True, text=True, encoding="utf-8", check=False)
        scored[block] = (done.returncode, json.loads(done.stdout), done.stderr)
    return scored


def test_province_blocks_have_the_units_of_a_real_province(province):
    for block, count in BLOCKS.items():
        _, report, err = province[block]
        assert len(report["units"]) == count == len(report["ranking"]), block
        assert "Traceback" not in err
        assert all(u["unit"].endswith("(tổng hợp)") and u["year"] == "2026" for u in report["units"])


def test_every_unit_has_bonus_penalty_self_and_appraised_totals(province):
    for _, report, _ in province.values():
        for unit in report["units"]:
            assert unit["appraised_score"] is not None and unit["self_score"] is not None, unit["unit"]
            assert unit["score"] == pytest.approx(unit["base"] + unit["bonus"] - unit["penalty"])
        assert any(u["bonus"] for u in report["units"]) and any(u["penalty"] for u in report["units"])
        assert any(u["appraisal_differences"] for u in report["units"])


def test_no_self_typed_survey_value_is_counted(province):
    for _, report, _ in province.values():
        statuses = Counter(i["status"] for u in report["units"] for i in u["items"])
        assert statuses["estimated"] == 0 and statuses["surveyed"] > 0
        percents = {u["unit"]: u["percent"] for u in report["units"]}
        assert all(r["percent"] == percents[r["unit"]] and not any("estimated" in n for n in r["notes"])
                   for r in report["ranking"])
        assert report["ranking_notes"] == ["Survey/SIPAS points from the province's survey table."]
        assert not [w for u in report["units"] for w in u["warnings"] if w["code"] in ("PS547", "PS548")]


def test_scores_spread_like_published_blocks(province):
    """Hải Phòng 2025: wards 76,26–95,8, communes 73,37–94,15; Tuyên Quang: ten communes below 55 %."""
    for block, (_, report, _) in province.items():
        percents = [r["percent"] for r in report["ranking"]]
        assert max(percents) > 85 and max(percents) - min(percents) > 15, block


def test_a_department_without_procedures_has_a_reduced_maximum(province):
    _, report, _ = province["so"]
    inspectorate = next(u for u in report["units"] if u["unit"].startswith("Thanh tra tỉnh"))
    assert inspectorate["max"] < 100
    assert all(i["status"] == "not_applicable" for i in inspectorate["items"] if i["area"] == "3")


def test_the_planted_slips_are_each_reported(province):
    for block, (code, report, _) in province.items():
        assert code == 1, "a count written in words is an error"
        errors = [e for u in report["units"] for e in u["errors"]]
        warnings = Counter(w["code"] for u in report["units"] for w in u["warnings"])
        assert [e["item"] for e in errors] == ["1.2.3"], block
        assert warnings["PS540"] == 1 and warnings["PS541"] == 1, block


@pytest.mark.parametrize(("block", "count"), list(BLOCKS.items()))
def test_last_years_results_are_a_score_json(block, count):
    last = json.loads((PROVINCE / f"ket-qua-2025-{block}.json").read_text(encoding="utf-8"))
    assert len(last["units"]) == len(last["ranking"]) == count
    assert {u["year"] for u in last["units"]} == {"2025"}
    assert {r["rank"] for r in last["ranking"]} >= {1}
    assert {r["block"] for r in last["ranking"]} == {PROVINCE_BLOCKS[block]}


PROVINCE_BLOCKS = {"so": "Sở", "phuong": "Phường", "xa": "Xã, đặc khu"}  # Thông tin › Khối, as Hải Phòng's blocks


def test_each_province_workbook_names_its_block(province):
    for block, (_, report, _) in province.items():
        assert {r["block"] for r in report["ranking"]} == {PROVINCE_BLOCKS[block]}


def test_survey_tables_have_a_column_per_survey_item():
    for block in BLOCKS:
        rows = next(iter(_cells(PROVINCE / f"dieu-tra-{block}-2026.xlsx").values()))
        set_id = "par-department-2025" if block == "so" else "par-commune-2025"
        survey = [item.code for _, item in load_criteria(set_id).items() if item.is_survey]
        assert rows[1][:2] == ["STT", "Đơn vị"] and rows[1][2:] == survey
        assert len(rows) - 2 == BLOCKS[block]
