"""The result JSON and its contract (`scoring.result`): what `score --format json` writes is exactly what the
models say — every key, in their order, every number as they write it — for the bundled samples and for generated
criteria sets filled with any values; the readers read it through the same models; the exported schema is theirs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import EvidenceBook, EvidenceRow
from parindex.scoring.engine import Status, score_book
from parindex.scoring.previous import EXPECTED
from parindex.scoring.reports import json_report, report_text
from parindex.scoring.result import RankingRow, RunResult, UnitResult
from tests.conftest import CliResult
from tests.criteria.test_checks_property import criteria_sets

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "evidence_samples"
PROVINCE = SAMPLES / "synthetic-province-2026"


def as_the_model_writes_it(model: BaseModel, indent: int | None) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def check_written(text: str) -> UnitResult | RunResult:
    """`text` (a whole `score --format json` output) read through the contract, and written back by the models
    byte for byte: no key the models lack, none missing, none out of order, no number written otherwise."""
    data = json.loads(text, parse_float=Decimal)
    if "units" in data:
        run = RunResult.model_validate(data)
        assert as_the_model_writes_it(run, None) + "\n" == text
        return run
    unit = UnitResult.model_validate(data)
    assert as_the_model_writes_it(unit, 2) + "\n" == text
    return unit


RUNS = {
    "one unit": [str(SAMPLES / "bac-giang-2020.xlsx")],
    "many units": [str(SAMPLES / "synthetic-districts")],
    "survey and last year": [str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"),
                             "--previous", str(PROVINCE / "ket-qua-2025-so.json")],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("run", sorted(RUNS))
def test_the_samples_are_written_as_the_contract_says(cli: Callable[..., CliResult], run: str, lang: str) -> None:
    result = cli("--lang", lang, "score", *RUNS[run], "--format", "json")
    assert result.code in (0, 1), result.err  # the province's planted slips exit 1
    written = check_written(result.out)
    if isinstance(written, RunResult):
        assert len(written.units) > 1 and written.ranking
        if run == "survey and last year":
            assert any(row.previous_rank is not None for row in written.ranking)


def filled_book(cset: CriteriaSet, values: list[object]) -> EvidenceBook:
    rows = {}
    for n, ((_, item), value) in enumerate(zip(cset.items(), values, strict=False), start=2):
        cells = {"value": value, "evidence": "QĐ số 1" if n % 2 else None, "self_score": n % 3 or None,
                 "appraised": Decimal(n % 4) / 4 if n % 5 == 0 else None}
        rows[item.code] = EvidenceRow(item.code, n, cells, {key: f"Tự đánh giá!{key}{n}" for key in cells})
    return EvidenceBook("mem.xlsx", {"unit": "Đơn vị thử", "year": "2025"}, rows)


# what people type: numbers of every size and precision, yes/no, labels, text, blanks, dates are not needed
TYPED = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**7), st.floats(-5, 10**6, allow_nan=False),
                  st.decimals(-5, 500, places=4, allow_nan=False), st.text(max_size=12),
                  st.sampled_from(["Có", "Không", "x", "A", "D", "95,7%", "1.234,5", "N/A", "Hoàn thành đúng hạn"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=criteria_sets(), values=st.lists(TYPED, min_size=40, max_size=40))
def test_any_scored_unit_is_written_as_the_contract_says(data: dict[str, Any], values: list[object]) -> None:
    cset = CriteriaSet.model_validate(data)
    unit = score_book(cset, filled_book(cset, values))
    check_written(report_text(json_report(many=False), [unit]))


def test_an_item_status_is_one_of_the_engines() -> None:
    schema = UnitResult.model_json_schema(mode="serialization")
    assert schema["$defs"]["ItemResult"]["properties"]["status"]["enum"] == list(get_args(Status))


def test_the_exported_schema_requires_every_key_parindex_writes(cli: Callable[..., CliResult]) -> None:
    result = cli("schema", "--results")
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema["title"] == "parindex score result" and len(schema["anyOf"]) == 2
    objects = {name: definition for name, definition in schema["$defs"].items() if "properties" in definition}
    assert {"UnitResult", "ComponentResult", "ItemResult"} <= objects.keys()  # the enums (Role) have no keys
    for name, definition in objects.items():
        assert definition["required"] == list(definition["properties"]), name  # in the order they are written


def test_readers_refuse_what_the_contract_refuses() -> None:
    """Numbers are numbers (never text or true), ranks whole and from 1, statuses the engine's."""
    row = {"unit": "A", "rank": 1}
    for bad in ({"rank": "1"}, {"rank": 1.5}, {"rank": 0}, {"rank": True}, {"score": "94,7"}, {"score": True},
                {"unit": " "}, {"block": 3}):
        with pytest.raises(ValueError):
            RankingRow.model_validate({**row, **bad})
    assert RankingRow.model_validate({**row, "rank": Decimal("2.0")}).rank == 2


def test_every_key_of_a_ranking_row_says_what_it_must_be() -> None:
    """`score --previous` names, for any key the contract refuses, what it must be (PS572)."""
    assert set(EXPECTED) == {"", *RankingRow.model_fields}


def test_the_readme_example_is_the_contract() -> None:
    """The README's one-unit example (section "The JSON contract") reads through the model, keys in its order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The JSON contract"):]
    example = json.loads(re.search(r"```json\n(.*?)```", section, re.DOTALL)[1])  # type: ignore[index]
    unit = UnitResult.model_validate(example)
    assert list(example) == list(UnitResult.model_fields)
    for key in ("components", "areas", "adjustments", "items", "appraisal_differences", "warnings"):
        assert list(example[key][0]) == list(type(getattr(unit, key)[0]).model_fields), key
