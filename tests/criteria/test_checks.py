"""Every validate check (PX100…PX123, PX150…): a fixture that trips it, with the line and column reported, a fixed
counterpart that passes, and a message in both languages that says what to change.

The fixtures live in tests/fixtures/criteria/bad/, one per check, named after it; the first line of each says
what it breaks. All of them are small variants of one valid 4-point set.
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parindex.common.findings import CHECK_NAMES, Finding
from parindex.criteria.checks import check_set
from parindex.criteria.files import check_criteria_document, check_criteria_file
from parindex.criteria.model import CriteriaSet
from parindex.io.yaml_source import parse_yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "criteria"
BAD = FIXTURES / "bad"
MINIMAL = FIXTURES / "minimal.yaml"

TITLE = "Bộ tiêu chí lỗi mẫu"  # the title of every bad fixture

# The loader stops at these: the file is not checked any further.
LOADER_CODES = {"PX100", "PX109", "PX110", "PX111", "PX112", "PX118"}

@dataclass(frozen=True)
class Case:
    fixture: str
    findings: list[tuple[str, int, int]]  # every finding of the file, (code, line, col), in the checker's order
    fix: list[tuple[str, str]]  # replace each text by the other and the file is valid again
    en: tuple[str, ...]  # the English message of the first finding contains these
    vi: tuple[str, ...]  # and the Vietnamese one these
    describe_marks: tuple[Any, ...] = ()  # pytest marks for the message tests (a known bug)


CASES: dict[str, Case] = {
    "PX100": Case("px100-yaml-syntax", [("PX100", 12, 27)],
                  fix=[("đạo: điều", "đạo, điều")],
                  en=("YAML syntax error", "mapping values are not allowed"), vi=("Lỗi cú pháp YAML",)),
    "PX101": Case("px101-sum-mismatch", [("PX101", 17, 14), ("PX103", 9, 48)],
                  fix=[("max: 2.5\n", "max: 2\n"), ("points: 2.5}", "points: 2}")],
                  en=("children of 1.1 sum to 4.5 but 1.1 has max 4", "change the max of 1.1 or of its children"),
                  vi=("các mục con của 1.1 cộng lại được 4,5 nhưng 1.1 có điểm tối đa 4", "sửa 'max' của 1.1")),
    "PX102": Case("px102-component-sum", [("PX102", 9, 3), ("PX103", 9, 48)],
                  fix=[("Điểm thẩm định, max: 5}", "Điểm thẩm định, max: 4}")],
                  en=("component maxima sum to 5 but the set has max 4",),
                  vi=("điểm tối đa các thành phần cộng lại được 5 nhưng bộ tiêu chí có điểm tối đa 4",)),
    "PX103": Case("px103-component-items-sum", [("PX103", 9, 48), ("PX103", 10, 50)],
                  fix=[("max: 1\n            component: appraised\n            rule: {kind: yes_no}",
                        "max: 1\n            component: survey\n            rule: {kind: yes_no}")],
                  en=("items of component 'appraised' sum to 4 but the component has max 3",),
                  vi=("thành phần 'appraised' cộng lại được 4", "điểm tối đa 3")),
    "PX104": Case("px104-duplicate-code", [("PX104", 31, 19), ("PX105", 31, 19)],
                  fix=[('code: "1.1.2"\n            name: Tỷ lệ', 'code: "1.1.3"\n            name: Tỷ lệ')],
                  en=("code 1.1.2 is used twice (first on line 25)", "must be unique"),
                  vi=("mã 1.1.2 bị trùng (đã có ở dòng 25)",)),
    "PX105": Case("px105-code-position", [("PX105", 31, 19)],
                  fix=[('"1.1.4"', '"1.1.3"')],
                  en=("code 1.1.4 does not match its position: here it should be 1.1.3",),
                  vi=("mã 1.1.4 không khớp vị trí", "phải là 1.1.3")),
    "PX106": Case("px106-tier-order", [("PX106", 35, 87)],
                  fix=[("[{at_least: 90, points: 1}, {at_least: 98, points: 2}]",
                        "[{at_least: 98, points: 2}, {at_least: 90, points: 1}]")],
                  en=("tiers of 1.1.3 must go from best to worst", "tier 2 (98) comes after 90"),
                  vi=("các bậc điểm của 1.1.3", "bậc 2 (98) đứng sau 90")),
    "PX107": Case("px107-points-out-of-range", [("PX107", 29, 72), ("PX115", 29, 19)],
                  fix=[("points: 1.5}", "points: 1}")],
                  en=("1.1.2: points 1.5 are outside [0, 1]",), vi=("1.1.2: mức điểm 1,5 nằm ngoài khoảng [0, 1]",)),
    "PX108": Case("px108-duplicate-choice-label", [("PX108", 29, 84)],
                  fix=[("HOÀN THÀNH", "Chưa hoàn thành")],
                  en=("1.1.2: option 'HOÀN THÀNH' appears twice",), vi=("phương án 'HOÀN THÀNH' bị trùng",)),
    "PX109": Case("px109-duplicate-key", [("PX109", 25, 13)],
                  fix=[("            max: 0.5\n", "")],
                  en=("key 'max' is repeated (first on line 21)",), vi=("khoá 'max' bị lặp (lần đầu ở dòng 21)",),
                  describe_marks=()),
    "PX110": Case("px110-yaml-alias", [("PX110", 29, 19)],
                  fix=[("rule: *yes_no", "rule: {kind: yes_no}")],
                  en=("YAML aliases (*yes_no) are not allowed; write the value out",),
                  vi=("không dùng bí danh YAML (*yes_no)",)),
    "PX111": Case("px111-tab-indent", [("PX111", 24, 1)],
                  fix=[("\t    source", "            source")],
                  en=("indented with a tab; YAML allows only spaces",), vi=("thụt lề bằng ký tự tab",)),
    "PX112": Case("px112-not-nfc", [("PX112", 3, 8)],
                  fix=[(unicodedata.normalize("NFD", TITLE), TITLE)],
                  en=("is not NFC Unicode", "save it as NFC"), vi=("chưa ở dạng Unicode NFC", "lưu lại ở dạng NFC")),
    "PX113": Case("px113-schema", [("PX113", 5, 8)],
                  fix=[("level: provincial", "level: department")],
                  en=("level: invalid value; accepted: 'province', 'department'",),
                  vi=("level: giá trị không hợp lệ; chấp nhận: 'province'",)),
    "PX114": Case("px114-unknown-component", [("PX114", 22, 24), ("PX103", 9, 48)],
                  fix=[("component: apraised", "component: appraised")],
                  en=("1.1.1: component 'apraised' is not listed in 'components' (appraised)",),
                  vi=("1.1.1: thành phần 'apraised' không có trong 'components' (appraised)",)),
    "PX115": Case("px115-max-unreachable", [("PX115", 35, 19)],
                  fix=[("points: 1.5}", "points: 2}")],
                  en=("1.1.3: the rule can give at most 1.5 points but the max is 2",),
                  vi=("1.1.3: quy tắc chấm cho tối đa 1,5 điểm nhưng điểm tối đa là 2",)),
    "PX116": Case("px116-missing-source", [("PX116", 25, 19)],
                  fix=[("points: 0}]}\n", "points: 0}]}\n            source: synthetic\n")],
                  en=("1.1.2: 'source' is missing",), vi=("1.1.2: thiếu 'source'",)),
    "PX117": Case("px117-status-provisional", [("PX117", 31, 26)],
                  fix=[("provisional: true", "provisional: false")],
                  en=("1.1.2: the set says status: official but this value is still provisional: true",),
                  vi=("1.1.2: bộ tiêu chí ghi status: official", "provisional: true")),
    "PX118": Case("px118-too-deep", [("PX118", 8, 70)],
                  fix=[("[" * 64 + "]" * 64, "flat")],
                  en=("nesting is too deep (more than 64 levels)",), vi=("cấu trúc lồng quá sâu (hơn 64 mức)",)),
    "PX119": Case("px119-years-order", [("PX119", 4, 8)],
                  fix=[("[2021, 2020]", "[2020, 2021]")],
                  en=("years must be increasing and distinct",), vi=("danh sách năm phải tăng dần và không trùng",)),
    "PX120": Case("px120-duplicate-component", [("PX120", 10, 10), ("PX103", 10, 48)],
                  fix=[("  - {id: appraised, name: Điểm thẩm định, max: 0}\n", "")],
                  en=("component 'appraised' is declared twice",),
                  vi=("thành phần 'appraised' được khai báo hai lần",)),
    "PX122": Case("px122-role-contradicts-id", [("PX122", 10, 49)],
                  fix=[("role: self, ", "")],
                  en=("component 'sipas' says role: self, but the id 'sipas' implies role: measured",),
                  vi=("thành phần 'sipas' ghi role: self", "đã ngầm định role: measured")),
    "PX123": Case("px123-component-without-role", [("PX123", 10, 10)],
                  fix=[("Khảo sát doanh nghiệp, max: 0}", "Khảo sát doanh nghiệp, role: measured, max: 0}")],
                  en=("component 'business_survey' is not a known one, so it needs a role: one of self, measured, "
                      "bonus, penalty",),
                  vi=("thành phần 'business_survey' không phải thành phần đã biết nên cần ghi role",
                      "self, measured, bonus, penalty")),
    "PX150": Case("px150-most-not-percent", [("PX150", 35, 57)],
                  fix=[("unit: number, most: 150", "unit: percent, most: 150")],
                  en=("1.1.3: 'most'", "only to a rule with unit: percent"), vi=("1.1.3: 'most'", "unit: percent")),
    "PX151": Case("px151-adjustment-over-cap", [("PX151", 48, 18)],
                  fix=[("Điểm thưởng, max: 1}", "Điểm thưởng, max: 2}")],
                  en=("2.1.1: its max 2 exceeds the cap 1 of component 'bonus'",),
                  vi=("2.1.1: điểm tối đa 2 vượt mức trần 1",)),
    "PX152": Case("px152-adjustment-mixed-area", [("PX152", 12, 11), ("PX103", 9, 48)],
                  fix=[("component: bonus", "component: appraised")],
                  en=("area 1 mixes bonus/penalty items with ordinary ones",),
                  vi=("lĩnh vực 1 trộn tiêu chí điểm thưởng/điểm trừ",)),
    "PX170": Case("px170-band-order", [("PX170", 12, 27)], fix=[("at_least: 92", "at_least: 80")],
                  en=("band 'Khá' (from 92 %) must be below the band before it",), vi=("xếp loại 'Khá' (từ 92 %)",)),
    "PX171": Case("px171-band-range", [("PX171", 11, 27)], fix=[("at_least: 120", "at_least: 90")],
                  en=("threshold 120 % is outside 0–100 %",), vi=("ngưỡng 120 % nằm ngoài khoảng 0–100 %",)),
    "PX172": Case("px172-band-duplicate-name", [("PX172", 13, 12)], fix=[("{name: Khá, at_least: 50}",
                                                                          "{name: Trung bình, at_least: 50}")],
                  en=("band 'Khá' is declared twice",), vi=("xếp loại 'Khá' được khai báo hai lần",)),
}


def fixture_path(code: str) -> Path:
    return BAD / f"{CASES[code].fixture}.yaml"


def positions(findings: list[Finding]) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.line, f.col) for f in findings]


def check_text(text: str) -> list[Finding]:
    return check_criteria_document(Path("inline.yaml"), parse_yaml(text)).findings


def criteria_codes() -> set[str]:
    """The criteria checks: PX1xx. (The baseline checks, PX2xx, are named in the same table.)"""
    return {code for code in CHECK_NAMES if code.startswith("PX1")} - {"PX121"}  # PX121: tested below


def test_every_check_code_has_a_case_and_a_fixture() -> None:
    assert set(CASES) == criteria_codes()
    for code in CASES:
        assert fixture_path(code).is_file(), code
    named = {path.stem for path in BAD.glob("*.yaml")}
    assert named == {case.fixture for case in CASES.values()}, "every file in bad/ is one of the cases"
    for code, case in CASES.items():
        assert case.fixture == f"{code.lower()}-{CHECK_NAMES[code]}"


@pytest.mark.parametrize("code", sorted(CASES))
def test_fixture_says_what_it_breaks(code: str) -> None:
    first = fixture_path(code).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(f"# {code} {CHECK_NAMES[code]}: ")


@pytest.mark.parametrize("code", sorted(CASES))
def test_fixture_trips_its_check_at_line_and_column(code: str) -> None:
    checked = check_criteria_file(fixture_path(code))
    assert positions(checked.findings) == CASES[code].findings
    assert checked.findings[0].code == code
    assert checked.findings[0].name == CHECK_NAMES[code]
    if code in LOADER_CODES:
        assert checked.criteria is None, "the loader's findings stop the file from being checked further"


@pytest.mark.parametrize("code", sorted(CASES))
def test_fixed_counterpart_passes(code: str) -> None:
    text = fixture_path(code).read_text(encoding="utf-8")
    for old, new in CASES[code].fix:
        assert text.count(old) == 1, f"the fix of {code} must name one place: {old!r}"
        text = text.replace(old, new)
    assert check_text(text) == []


def test_minimal_fixture_passes() -> None:
    checked = check_criteria_file(MINIMAL)
    assert checked.findings == []
    assert checked.criteria is not None
    assert checked.criteria.id == "mini-2020"


def _describe_params() -> list[Any]:
    return [pytest.param(code, marks=CASES[code].describe_marks, id=code) for code in sorted(CASES)]


@pytest.mark.parametrize("code", _describe_params())
def test_message_says_what_to_change_in_both_languages(code: str) -> None:
    finding = check_criteria_file(fixture_path(code)).findings[0]
    en, vi = finding.msg.text("en"), finding.msg.text("vi")
    for part in CASES[code].en:
        assert part in en
    for part in CASES[code].vi:
        assert part in vi
    assert en != vi
    for text in (en, vi):
        assert "{" not in text and "}" not in text, f"unfilled placeholder in {text!r}"


@pytest.mark.parametrize("code", _describe_params())
def test_every_finding_of_every_fixture_can_be_described(code: str) -> None:
    for finding in check_criteria_file(fixture_path(code)).findings:
        for lang in ("vi", "en"):
            assert finding.msg.text(lang).strip()


def test_vietnamese_is_the_default_language() -> None:
    finding = check_criteria_file(fixture_path("PX101")).findings[0]
    assert finding.msg.text() == finding.msg.text("vi")


def test_vietnamese_numbers_use_a_decimal_comma() -> None:
    finding = Finding.of("PX101", ("max",), {"code": "2.1", "total": Decimal("12.75"), "max": Decimal("12.5")})
    assert "12,75" in finding.msg.text("vi") and "12,5" in finding.msg.text("vi")
    assert "12.75" in finding.msg.text("en") and "12.5" in finding.msg.text("en")


# --- check_set directly, on variants of minimal.yaml --------------------------------------------------------

def minimal_data() -> dict[str, Any]:
    return copy.deepcopy(parse_yaml(MINIMAL.read_text(encoding="utf-8")).data)


def found(data: dict[str, Any]) -> list[tuple[str, tuple[Any, ...]]]:
    return [(f.code, f.path) for f in check_set(CriteriaSet.model_validate(data))]


ITEM_211 = ("areas", 1, "criteria", 0, "items", 0)  # 2.1.1, max 2, threshold


def item_211(data: dict[str, Any]) -> dict[str, Any]:
    return data["areas"][1]["criteria"][0]["items"][0]


def test_minimal_has_no_findings() -> None:
    assert found(minimal_data()) == []


def test_sums_are_exact_decimals() -> None:
    data = minimal_data()  # 1.1.2 and 1.1.3 become 0.1 and 2.9: as floats 1 + 0.1 + 2.9 != 4
    items = data["areas"][0]["criteria"][0]["items"]
    items[1]["max"], items[1]["rule"] = Decimal("0.1"), {"kind": "manual"}
    items[2]["max"] = Decimal("2.9")
    assert found(data) == []


def test_set_max_against_areas() -> None:
    data = minimal_data()
    data["max"] = 11
    assert found(data) == [("PX101", ("max",)), ("PX102", ("components",))]


def test_area_max_against_criteria() -> None:
    data = minimal_data()
    data["areas"][1]["max"] = 5
    data["areas"][0]["max"] = 5  # the set still sums to 10
    assert found(data) == [("PX101", ("areas", 0, "max")), ("PX101", ("areas", 1, "max"))]


def test_deeper_nesting_is_summed_and_coded() -> None:
    data = minimal_data()
    crit = data["areas"][0]["criteria"][0]
    items = crit.pop("items")
    for number, item in enumerate(items, start=1):
        item["code"] = f"1.1.1.{number}"
    crit["criteria"] = [{"code": "1.1.1", "name": "Tiêu chí con", "max": 4, "source": "synthetic", "items": items}]
    assert found(data) == []
    crit["criteria"][0]["max"] = Decimal("3.5")
    assert found(data) == [("PX101", ("areas", 0, "criteria", 0, "max")),
                           ("PX101", ("areas", 0, "criteria", 0, "criteria", 0, "max"))]
    crit["criteria"][0]["max"] = 4
    items[2]["code"] = "1.1.3.3"
    assert found(data) == [("PX105", ("areas", 0, "criteria", 0, "criteria", 0, "items", 2, "code"))]


def test_first_area_must_be_coded_1() -> None:
    data = minimal_data()
    data["areas"][0]["code"] = "3"
    assert ("PX105", ("areas", 0, "code")) in found(data)


def test_duplicate_area_code() -> None:
    data = minimal_data()
    data["areas"][1]["code"] = "1"
    codes = found(data)
    assert ("PX104", ("areas", 1, "code")) in codes
    assert ("PX105", ("areas", 1, "code")) in codes


@pytest.mark.parametrize(("tiers", "bad_tier"), [
    ([{"at_least": 90, "points": 1}, {"at_least": 98, "points": 2}], 1),  # worst first
    ([{"at_least": 98, "points": 2}, {"at_least": 98, "points": 1}], 1),  # the same bound twice
    ([{"at_least": 98, "points": 1}, {"at_least": 90, "points": 2}], 1),  # points rise as the value falls
    ([{"at_least": 98, "points": 2}, {"at_most": 90, "points": 1}], 1),  # mixes at_least and at_most
    ([{"at_most": 0, "points": 2}, {"at_least": 5, "points": 1}], 1),
    ([{"at_most": 5, "points": 2}, {"at_most": 0, "points": 1}], 1),  # lower is better, written backwards
    ([{"at_least": 100, "points": 2}, {"at_least": 90, "points": 1}, {"at_least": 95, "points": 0.5}], 2),
])
def test_tier_order(tiers: list[dict[str, Any]], bad_tier: int) -> None:
    data = minimal_data()
    item_211(data)["rule"] = {"kind": "threshold", "unit": "percent", "tiers": tiers}
    assert ("PX106", (*ITEM_211, "rule", "tiers", bad_tier)) in found(data)


@pytest.mark.parametrize("tiers", [
    [{"at_least": 98, "points": 2}, {"at_least": 90, "points": 2}, {"at_least": 50, "points": 0}],  # equal points
    [{"at_most": 0, "points": 2}, {"at_most": 3, "points": 1}, {"at_most": 10, "points": 0.25}],
    [{"at_least": 0.5, "points": 2}],
])
def test_well_ordered_tiers_pass(tiers: list[dict[str, Any]]) -> None:
    data = minimal_data()
    item_211(data)["rule"] = {"kind": "threshold", "unit": "number", "tiers": tiers}
    assert found(data) == []


def test_yes_no_points() -> None:
    data = minimal_data()
    item_211(data)["rule"] = {"kind": "yes_no", "yes_points": 2, "no_points": Decimal("0.5")}
    assert found(data) == []
    item_211(data)["rule"] = {"kind": "yes_no", "yes_points": Decimal("1.5")}
    assert found(data) == [("PX115", (*ITEM_211, "rule"))]
    item_211(data)["rule"] = {"kind": "yes_no", "no_points": 3}
    assert found(data) == [("PX107", (*ITEM_211, "rule", "no_points")), ("PX115", (*ITEM_211, "rule"))]


def test_choice_labels_compare_without_case_or_extra_spaces() -> None:
    data = minimal_data()
    item_211(data)["rule"] = {"kind": "choice", "options": [
        {"label": "Hoàn thành đúng hạn", "points": 2}, {"label": "hoàn  thành ĐÚNG hạn", "points": 1}]}
    assert found(data) == [("PX108", (*ITEM_211, "rule", "options", 1, "label"))]


def test_a_choice_label_that_begins_another_in_the_result_column_is_found() -> None:
    """Autocomplete completes what is typed from the column's other entries: the template's Kết quả column holds
    every item, so a label of one item that begins a label of another is swallowed too (reader's folding: case,
    accents, spaces and trailing punctuation aside); a label repeated as it is completes to itself. The template
    warns; validation does not fail on it (an official annex may word its options so)."""
    from parindex.criteria.checks import swallowed_labels

    data = minimal_data()
    item_211(data)["rule"] = {"kind": "choice", "options": [
        {"label": "Có kiểm tra và xử lý đầy đủ", "points": 2}, {"label": "co kiem tra, ", "points": 1},
        {"label": "Hoàn thành 100%", "points": 0}]}  # as 1.1.2 has it
    assert swallowed_labels(CriteriaSet.model_validate(data)) == [
        ("2.1.1", "co kiem tra, ", "Có kiểm tra và xử lý đầy đủ", "2.1.1")]
    assert check_set(CriteriaSet.model_validate(data)) == [], "validation does not fail on it"
    item_211(data)["rule"]["options"][1]["label"] = "Có kiểm tra, chưa xử lý"
    data["areas"][0]["criteria"][0]["items"][1]["rule"]["options"][2]["label"] = "Có kiểm tra, chưa xử lý hết"
    assert [(code, other) for code, _, _, other in swallowed_labels(CriteriaSet.model_validate(data))] == [
        ("2.1.1", "1.1.2")]


def test_choice_best_option_must_reach_max() -> None:
    data = minimal_data()
    item_211(data)["rule"] = {"kind": "choice", "options": [{"label": "A", "points": 1}, {"label": "B", "points": 0}]}
    assert found(data) == [("PX115", (*ITEM_211, "rule"))]


@pytest.mark.parametrize("rule", [
    {"kind": "proportional", "unit": "number", "target": 5},
    {"kind": "deduction", "per": Decimal("0.25")},
    {"kind": "survey"},
    {"kind": "manual"},
])
def test_rules_that_scale_with_max_need_no_points_check(rule: dict[str, Any]) -> None:
    data = minimal_data()
    item_211(data)["rule"] = rule
    assert found(data) == []


def test_official_set_with_provisional_area_and_item() -> None:
    data = minimal_data()
    data["status"] = "official"
    assert sorted(found(data)) == [("PX117", ("areas", 0, "criteria", 0, "items", 1, "provisional")),
                                   ("PX117", ("areas", 0, "provisional"))]
    marked = copy.deepcopy(data)
    marked["areas"][0]["criteria"][0]["provisional"] = True
    marked["components"][0]["provisional"] = True
    assert ("PX117", ("areas", 0, "criteria", 0, "provisional")) in found(marked)
    assert ("PX117", ("components", 0, "provisional")) in found(marked)
    data["areas"][0]["provisional"] = False
    data["areas"][0]["criteria"][0]["items"][1]["provisional"] = False
    assert found(data) == []


def test_reconstructed_set_may_hold_provisional_values() -> None:
    data = minimal_data()
    assert data["status"] == "reconstructed"
    assert CriteriaSet.model_validate(data).provisional_count() == 2
    assert found(data) == []


def test_blank_source_counts_as_missing() -> None:
    data = minimal_data()
    item_211(data)["source"] = "   "
    assert found(data) == [("PX116", (*ITEM_211, "code"))]


@pytest.mark.parametrize("years", [[2021, 2020], [2020, 2020], [2019, 2021, 2020]])
def test_years_must_increase(years: list[int]) -> None:
    data = minimal_data()
    data["years"] = years
    assert found(data) == [("PX119", ("years",))]


def test_unknown_component_names_the_known_ones() -> None:
    data = minimal_data()
    item_211(data)["component"] = "sipas"
    finding = next(f for f in check_set(CriteriaSet.model_validate(data)) if f.code == "PX114")
    assert finding.path == (*ITEM_211, "component")
    assert "appraised, survey" in finding.msg.text("en")


def test_every_finding_points_into_the_document() -> None:
    """A finding's path must lead to a value the user can find in the file (so line/col are not 1:1)."""
    for code in sorted(set(CASES) - LOADER_CODES):
        for finding in check_criteria_file(fixture_path(code)).findings:
            assert (finding.line, finding.col) != (1, 1), (code, finding)


def test_px121_a_file_with_too_many_nodes_is_refused_while_streaming(monkeypatch: pytest.MonkeyPatch) -> None:
    import parindex.io.yaml_source as yaml_source

    monkeypatch.setattr(yaml_source, "MAX_EVENTS", 50)
    doc = yaml_source.parse_yaml("items: [" + ", ".join(["1"] * 60) + "]\n")
    assert [f.code for f in doc.findings] == ["PX121"]
    assert doc.data is None
    assert "too many nodes" in doc.findings[0].msg.text("en")


def test_the_provisional_count_every_output_shows_is_what_px117_counts() -> None:
    data = copy.deepcopy(parse_yaml(MINIMAL.read_text(encoding="utf-8")).data)
    data["status"] = "official"
    data["components"].append({"id": "bonus", "name": "Điểm thưởng", "max": 1, "source": "synthetic",
                               "provisional": True})
    cset = CriteriaSet.model_validate(data)
    flagged = [f for f in check_set(cset) if f.code == "PX117"]
    assert cset.provisional_count() == len(flagged) > 0
    assert ("components", len(data["components"]) - 1, "provisional") in [f.path for f in flagged]


def test_an_official_set_with_the_examples_provisional_grades_fails_as_criteria_show_counts_them() -> None:
    """An exported example's 'Xếp loại tạm tính' left in an official set: `criteria show` counted the grades as
    provisional values while validate passed (issue 23); now each grade is PX117, and the counts agree."""
    data = copy.deepcopy(parse_yaml(MINIMAL.read_text(encoding="utf-8")).data)
    data["status"] = "official"
    for node in (data["areas"][0], data["areas"][0]["criteria"][0]["items"][1]):
        node.pop("provisional", None)
    data["bands"] = [{"name": "Nhóm A", "at_least": 90, "source": "Sơn La", "provisional": True},
                     {"name": "Nhóm B", "at_least": 70, "source": "Sơn La", "provisional": True}]
    cset = CriteriaSet.model_validate(data)
    flagged = [f.path for f in check_set(cset) if f.code == "PX117"]
    assert flagged == [("bands", 0, "provisional"), ("bands", 1, "provisional")]
    assert cset.provisional_count() == len(flagged)


def test_a_node_without_children_is_an_item_at_any_depth() -> None:
    """An area may hold items (a bonus content's 9.1) and a criterion items beside sub-criteria: codes are checked
    in document order, maxima add up over both (issue 23)."""
    data = minimal_data()
    area = data["areas"][1]
    survey = area["criteria"].pop(1)  # 2.2, its two survey items now stand under the area as 2.2 and 2.3
    area["items"] = [{**survey["items"][0], "code": "2.2"}, {**survey["items"][1], "code": "2.3"}]
    crit = data["areas"][0]["criteria"][0]
    moved = {**crit["items"].pop(), "code": "1.1.3.1"}
    crit["criteria"] = [{"code": "1.1.3", "name": "Tiêu chí con", "items": [moved]}]
    cset = CriteriaSet.model_validate(data)
    assert found(data) == []
    assert [item.code for _, item in cset.items()] == ["1.1.1", "1.1.2", "1.1.3.1", "2.1.1", "2.1.2", "2.1.3",
                                                       "2.2", "2.3"]
    assert cset.areas[1].max == 6 and cset.max == 10
    area["items"][1]["code"] = "2.4"  # out of place
    assert ("PX105", ("areas", 1, "items", 1, "code")) in found(data)


def test_tier_bounds_added_later_leave_the_fingerprint_of_a_set_without_them() -> None:
    """`above` / `below` ('trên 90%') came after workbooks were filled: a set that does not use them hashes as it
    did (workbooks keep matching), one that does hashes otherwise."""
    from parindex.criteria.model import _rule_dump

    data = minimal_data()
    rule = item_211(data)["rule"]
    dumped = _rule_dump(CriteriaSet.model_validate(data).item_by_code()["2.1.1"].rule)
    assert not any({"above", "below"} & set(tier) for tier in dumped["tiers"])
    before = CriteriaSet.model_validate(data).fingerprint()
    bound = "at_least" if "at_least" in rule["tiers"][0] else "at_most"
    rule["tiers"][0] = {"above" if bound == "at_least" else "below": rule["tiers"][0][bound],
                        "points": rule["tiers"][0]["points"]}
    assert CriteriaSet.model_validate(data).fingerprint() != before
