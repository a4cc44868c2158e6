"""What a filled workbook carries into a corrected set's workbook (the pure decision of `template --from`)."""

from __future__ import annotations

from pathlib import Path

from parindex.criteria.files import load_criteria
from parindex.evidence.model import EvidenceBook, EvidenceRow
from parindex.scoring.carry import carry

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "minimal.yaml"
COLUMNS = {"code": "Tự đánh giá!A", "value": "Tự đánh giá!B", "not_applicable": "Tự đánh giá!C",
           "self_score": "Tự đánh giá!D", "evidence": "Tự đánh giá!E"}  # an office's own layout: no max, no rule


def book(rows: dict[str, dict[str, object]], **info: str) -> EvidenceBook:
    return EvidenceBook("cu.xlsx", dict(info),
                        {code: EvidenceRow(code, n, dict(values), COLUMNS) for n, (code, values) in
                         enumerate(rows.items(), start=2)})


def said(carried) -> list[tuple[str | None, str, str | None]]:
    return [(m.item, m.code, m.where) for m in carried.review]


def test_a_workbook_that_does_not_show_the_rules_is_carried_and_flagged_where_filled():
    cset = load_criteria(str(MINIMAL))
    codes = set(cset.item_by_code())
    carried = carry(cset, book({"1": {}, "1.1": {}, "1.1.1": {"value": "Có"}, "1.1.2": {},
                                "2.1.1": {"value": "95%", "evidence": "BC 1"}}, criteria_id="other"), codes)
    assert carried.cells["1.1.1"] == {"value": "Có"} and carried.cells["2.1.1"]["evidence"] == "BC 1"
    assert carried.cells["1.1.2"] == {}
    flagged = said(carried)
    assert ("1.1.1", "PW474", "cu.xlsx › Tự đánh giá!A4") in flagged and ("2.1.1", "PW474",
                                                                          "cu.xlsx › Tự đánh giá!A6") in flagged
    assert not any(code in ("1", "1.1", "1.1.2") for code, _, _ in flagged)  # headings, and an item left blank
    assert {code for code, kind, _ in flagged if kind == "PW470"} == codes - {"1.1.1", "1.1.2", "2.1.1"}


def test_the_same_set_is_not_compared_and_a_refused_mark_lets_the_value_behind_it_be_read():
    cset = load_criteria(str(MINIMAL))
    same = {"criteria_id": cset.id, "fingerprint": cset.fingerprint()}
    rows = {code: {"value": "Có"} for code in cset.item_by_code()}
    rows["1.1.1"] = {"not_applicable": "x", "value": "Có lẽ", "self_score": 1}  # 1.1.1 may not be N/A
    carried = carry(cset, book(rows, **same), {"1.1.1"})
    assert said(carried)[:2] == [("1.1.1", "PW473", "cu.xlsx › Tự đánh giá!C2"),
                                 ("1.1.1", "PW473", "cu.xlsx › Tự đánh giá!B2")]
    assert carried.cells == {"1.1.1": {"self_score": 1}}
    removed = [code for code, kind, _ in said(carried) if kind == "PW471"]  # not in the workbook asked for
    assert removed == [code for code in cset.item_by_code() if code != "1.1.1"]
