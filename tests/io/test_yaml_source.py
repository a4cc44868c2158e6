"""The position-aware YAML loader: guards (syntax, duplicate keys, aliases, tabs, NFC, depth, size, UTF-8),
exact decimals, and the line/column of every value."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parindex.common.errors import ParindexError
from parindex.common.findings import Finding
from parindex.criteria.files import check_criteria_file
from parindex.io.yaml_source import MAX_DEPTH, MAX_EVENTS, _parser_limit, load_yaml_file, parse_yaml, read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "criteria"
BAD = FIXTURES / "bad"


def found(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.line, f.col) for f in parse_yaml(text).findings]


# --- each loader check, inline and through the file checker --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("id: [unclosed\n", [("PX100", 2, 1)]),
    ("name: chỉ đạo: điều hành\n", [("PX100", 1, 14)]),
    ("a: 1\n b: 2\n", [("PX100", 2, 3)]),
    ("id: a\x00b\n", [("PX100", 1, 6)]),  # a control character: refused where it is (the reader said 1:1)
    ("id: !!python/object:os.system x\n", [("PX100", 1, 5)]),  # an unsafe tag is reported, never constructed
    ("a: 1\nb: 2\na: 3\n", [("PX109", 3, 1)]),
    ("a:\n  x: 1\n  y: 2\n  x: 3\n", [("PX109", 4, 3)]),
    ("a: &one {x: 1}\nb: *one\n", [("PX110", 2, 4)]),
    ("base: &b {x: 1}\nother:\n  <<: *b\n", [("PX110", 3, 7)]),  # merge keys are aliases too
    ("a:\n\tb: 1\n", [("PX111", 2, 1)]),
    ("a:\n  b:\n    \tc: 1\n", [("PX111", 3, 5)]),
    ("title: " + unicodedata.normalize("NFD", "Cải cách") + "\n", [("PX112", 1, 8)]),
    ("x: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", [("PX118", 1, 4 + MAX_DEPTH - 1)]),
])
def test_loader_checks(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("fixture", ["px100-yaml-syntax", "px109-duplicate-key", "px110-yaml-alias",
                                     "px111-tab-indent", "px112-not-nfc", "px118-too-deep"])
def test_loader_codes_through_parse_yaml_and_the_file_checker(fixture: str) -> None:
    path = BAD / f"{fixture}.yaml"
    code = fixture[:5].upper()
    direct = parse_yaml(path.read_text(encoding="utf-8")).findings
    via_file = check_criteria_file(path).findings
    assert [f.code for f in direct] == [code]
    assert [(f.code, f.line, f.col) for f in via_file] == [(f.code, f.line, f.col) for f in direct]


def test_depth_limit_is_inclusive() -> None:
    assert found("[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n") == []
    assert [code for code, _, _ in found("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")] == ["PX118"]


# --- nesting the parser refuses itself: PyYAML 6.0.4 (libyaml 0.2.6) stops at 1000 levels, 6.0-6.0.3 never did ----

def _block_mapping(levels: int) -> str:
    return "".join("  " * k + "k:\n" for k in range(levels - 1)) + "  " * (levels - 1) + "k: 1\n"


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 999, 1000, 1001, 100_000])
def test_deep_flow_sequence_is_too_deep_at_our_limit_whatever_the_parser_allows(levels: int) -> None:
    # libyaml scans `[[[…` ahead before handing over an event, so 1001 levels used to come back as PX100
    assert found("id: " + "[" * levels + "]" * levels + "\n") == [("PX118", 1, 5 + MAX_DEPTH - 1)]
    assert parse_yaml("[" * levels + "]" * levels).findings[0].params == {"limit": MAX_DEPTH}


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 1001, 1500])
def test_deep_block_mapping_is_too_deep_at_our_limit(levels: int) -> None:
    assert found(_block_mapping(levels)) == [("PX118", MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)]


def test_block_depth_limit_is_inclusive() -> None:
    assert found(_block_mapping(MAX_DEPTH)) == []
    assert [code for code, _, _ in found(_block_mapping(MAX_DEPTH + 1))] == ["PX118"]


def _parser_error(problem: str, context: str | None = "while increasing flow level") -> yaml.MarkedYAMLError:
    mark = yaml.Mark("<unicode string>", 1003, 0, 1003, None, None)
    return yaml.MarkedYAMLError(context, mark, problem, mark)


@pytest.mark.parametrize(("problem", "code", "params"), [
    ("exceeded maximum nesting depth", "PX118", {"limit": MAX_DEPTH}),  # libyaml 0.2.6, PyYAML 6.0.4
    ("Exceeded Maximum Nesting Depth", "PX118", {"limit": MAX_DEPTH}),
    ("too many aliases", "PX110", {"alias": "…"}),
    ("input is too long", "PX121", {"limit": MAX_EVENTS}),
    ("exceeded the event limit", "PX121", {"limit": MAX_EVENTS}),
])
def test_a_parser_limit_is_our_finding_at_the_parsers_place(problem: str, code: str, params: dict[str, object],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert _parser_limit(_parser_error(problem)) == Finding.of(code, params=params, line=1, col=1004)

    def refuse(*_args: object, **_kwargs: object) -> None:  # any parser, any PyYAML version
        raise _parser_error(problem)

    monkeypatch.setattr(yaml, "parse", refuse)
    assert parse_yaml("a: 1\n").findings == [Finding.of(code, params=params, line=1, col=1004)]


@pytest.mark.parametrize("problem", ["found unexpected end of stream", "did not find expected ',' or ']'",
                                     "found extremely long version number", "found undefined alias 'x'"])
def test_ordinary_syntax_errors_stay_px100(problem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _parser_limit(_parser_error(problem)) is None

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise _parser_error(problem)

    monkeypatch.setattr(yaml, "parse", refuse)
    assert [(f.code, f.params) for f in parse_yaml("a: 1\n").findings] == [("PX100", {"problem": problem})]


def test_refusing_guards_build_nothing() -> None:
    for text in ("a: [\n", "a: &x 1\nb: *x\n", "a:\n\tb: 1\n", "[" * 100 + "]" * 100):
        assert parse_yaml(text).data is None


def test_duplicate_key_keeps_the_first_value_and_names_its_line() -> None:
    doc = parse_yaml("max: 1\nname: x\nmax: 2\n")
    assert doc.data == {"max": 1, "name": "x"}
    (finding,) = doc.findings
    assert finding.params == {"key": "max", "first_line": 1}
    assert finding.path == ("max",)


def test_keys_equal_after_nfc_are_duplicates() -> None:
    nfd = unicodedata.normalize("NFD", "tên")
    doc = parse_yaml(f"tên: a\n{nfd}: b\n")
    assert sorted(f.code for f in doc.findings) == ["PX109", "PX112"]


def test_nfd_text_is_normalised_and_reported() -> None:
    doc = parse_yaml("name: " + unicodedata.normalize("NFD", "Sở Nội vụ") + "\n")
    assert doc.data == {"name": "Sở Nội vụ"}
    assert unicodedata.is_normalized("NFC", doc.data["name"])
    assert doc.findings[0].params["text"] == "Sở Nội vụ"


def test_anchor_without_alias_is_fine() -> None:
    doc = parse_yaml("a: &x {b: 1}\n")
    assert doc.findings == []
    assert doc.data == {"a": {"b": 1}}


def test_tab_inside_a_value_is_not_indentation() -> None:
    assert found("a: 'x\ty'\nb: |\n  c\td\n") == []


# --- values and positions ----------------------------------------------------------------------------------

def test_floats_become_exact_decimals() -> None:
    doc = parse_yaml("a: 0.1\nb: 0.2\nc: 1_000.25\nd: 3\ne: 1.0e+1\n")
    assert doc.data["a"] + doc.data["b"] == Decimal("0.3")
    assert doc.data["c"] == Decimal("1000.25")
    assert doc.data["d"] == 3 and isinstance(doc.data["d"], int)
    assert doc.data["e"] == Decimal(10)
    assert all(not isinstance(value, float) for value in doc.data.values())


def test_infinity_and_nan_are_left_as_text_for_the_schema() -> None:
    assert parse_yaml("a: .inf\nb: .nan\n").data == {"a": ".inf", "b": ".nan"}


def test_positions_of_values() -> None:
    doc = parse_yaml("id: x\nareas:\n  - code: \"1\"\n    max: 4\n  - {code: \"2\", max: 6}\n")
    assert doc.positions[()] == (1, 1)
    assert doc.positions[("id",)] == (1, 5)
    assert doc.positions[("areas",)] == (3, 3)
    assert doc.positions[("areas", 0, "code")] == (3, 11)
    assert doc.positions[("areas", 0, "max")] == (4, 10)
    assert doc.positions[("areas", 1)] == (5, 5)
    assert doc.positions[("areas", 1, "max")] == (5, 22)


def test_locate_skips_what_is_not_in_the_data_and_falls_back_to_the_nearest_ancestor() -> None:
    doc = parse_yaml("rule:\n  kind: threshold\n  tiers:\n    - {at_least: 9, points: 1}\n")
    # pydantic puts the union tag ('threshold') in its error locations: it is not a key of the data
    assert doc.locate(("rule", "threshold", "tiers", 0, "points")) == (4, 29)
    assert doc.locate(("rule", "threshold", "tiers", 0, "missing_field")) == (4, 7)
    assert doc.locate(("nothing", "here")) == (1, 1)


def test_empty_text_is_no_data_and_no_findings() -> None:
    doc = parse_yaml("")
    assert doc.data is None and doc.findings == []
    assert parse_yaml("# only a comment\n").data is None


# --- reading files ------------------------------------------------------------------------------------------

def test_read_text_accepts_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffid: tên\n".encode())
    assert load_yaml_file(path).data == {"id": "tên"}


def test_read_text_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cases: dict[str, Path] = {"PE300": tmp_path / "missing.yaml", "PE305": tmp_path}
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"id: x\ntitle: caf\xe9\n")
    cases["PE302"] = latin1
    for code, path in cases.items():
        with pytest.raises(ParindexError) as caught:
            read_text(path)
        assert caught.value.code == code
        assert caught.value.exit_code == 2
    with pytest.raises(ParindexError) as caught:
        read_text(latin1)
    assert "line 2" in caught.value.msg.line("en")


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("id: x\n" * 20, encoding="utf-8")
    monkeypatch.setenv("PARINDEX_MAX_BYTES", "50")
    with pytest.raises(ParindexError) as caught:
        read_text(path)
    assert caught.value.code == "PE301"
    assert "PARINDEX_MAX_BYTES" in caught.value.msg.line("en")
    monkeypatch.setenv("PARINDEX_MAX_BYTES", "1000")
    assert read_text(path).startswith("id: x")


# --- never an exception, whatever the text -------------------------------------------------------------------

YAML_TOKENS = [*"ab1.:-[]{}&*!|>?'\"#,% \t\n", "ộ", "o\u0302", "\x00", "- ", ": ", "  ", "&a ", "*a", "<<: ",
               "!!float ", "!!python/tuple ", "0.1", "1e5", ".inf", "~", "? "]
YAMLISH = st.lists(st.sampled_from(YAML_TOKENS), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=80), YAMLISH))
def test_parse_yaml_never_raises(text: str) -> None:
    doc = parse_yaml(text)
    for finding in doc.findings:
        assert finding.line is not None and finding.line >= 1
        assert finding.col is not None and finding.col >= 1


def test_huge_integer_is_a_finding_not_an_exception() -> None:
    doc = parse_yaml("max: " + "9" * 5000 + "\n")
    assert doc.findings and doc.findings[0].line == 1


@pytest.mark.parametrize(("text", "line", "col"), [("id: x\ntitle: \"B\x0bao cao\"\n", 2, 10),
                                                   ("id: x\x0c\n", 1, 6), ("a: b\nc: \x85d\x01\n", 2, 6)])
def test_an_invisible_control_character_is_placed_where_it_is(text: str, line: int, col: int) -> None:
    doc = parse_yaml(text)
    assert [(f.code, f.line, f.col) for f in doc.findings] == [("PX100", line, col)]
    problem = doc.findings[0].msg.text("en")  # its problem is a Message, said in the reader's language
    assert "U+" in problem and "position" not in problem


def test_a_file_typed_in_decomposed_unicode_is_told_once_with_the_count() -> None:
    text = unicodedata.normalize("NFD", "title: Cải cách\nbasis: Quyết định\nnote: Sở Nội vụ\n")
    doc = parse_yaml(text)
    assert [(f.code, f.line) for f in doc.findings] == [("PX112", 1)]
    assert "2" in doc.findings[0].params["also"].text()  # a Message, said in the reader's language
    assert doc.data["note"] == unicodedata.normalize("NFC", "Sở Nội vụ")
