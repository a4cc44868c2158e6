"""*Cách chấm* as annexes write it, read into a rule (`criteria.rules.read_rule`, with the grammar of
`criteria.rule_phrases`): the forms of the issue with their usual variants, what is refused (never guessed), and
the property that what a rule prints reads back as it."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from parindex.common.messages import Message
from parindex.criteria.model import Role, item_rule, role_of
from parindex.criteria.rules import FORMS, Rule, read_rule
from parindex.evidence.template import YES_NO_PAIRS
from tests.criteria.test_checks_property import KINDS, PROPERTY, quarters, rules

RULE = TypeAdapter(Rule)
D = Decimal

TIERS_UP = {"kind": "threshold", "unit": "percent",
            "tiers": [{"at_least": D(100), "points": D(2)}, {"at_least": D(80), "points": D(1)},
                      {"at_least": D(50), "points": D("0.5")}]}
COUNTS = {"kind": "threshold", "unit": "number",
          "tiers": [{"at_most": D(0), "points": D(1)}, {"at_most": D(5), "points": D("0.5")}]}
CHOICE = {"kind": "choice", "options": [{"label": "Ban hành đúng hạn", "points": D("1.5")},
                                        {"label": "Ban hành chậm", "points": D("0.5")},
                                        {"label": "Không ban hành", "points": D(0)}]}

READ: list[tuple[str, Decimal, dict[str, Any]]] = [
    ("Có: 1 điểm; Không: 0 điểm", D(1), {"kind": "yes_no"}),
    ("Đạt: 0,5 điểm, không đạt: 0 điểm", D("0.5"), {"kind": "yes_no"}),
    ("Đạt: 0,5 điểm, không đạt: 0 điểm", D(1), {"kind": "yes_no", "yes_points": D("0.5")}),
    ("Từ 100% trở lên: 2 điểm; từ 80% đến dưới 100%: 1 điểm; từ 50% đến dưới 80%: 0,5 điểm; dưới 50%: 0 điểm",
     D(2), TIERS_UP),
    ("≥ 95%: 0,5 điểm", D("0.5"),
     {"kind": "threshold", "unit": "percent", "tiers": [{"at_least": D(95), "points": D("0.5")}]}),
    ("Đạt 100%: 1 điểm", D(1),
     {"kind": "threshold", "unit": "percent", "tiers": [{"at_least": D(100), "points": D(1)}]}),
    ("Không có trường hợp nào: 1 điểm; từ 1 đến 5 trường hợp: 0,5 điểm; trên 5 trường hợp: 0 điểm", D(1), COUNTS),
    ("Ban hành đúng hạn: 1,5 điểm; Ban hành chậm: 0,5 điểm; Không ban hành: 0 điểm", D("1.5"), CHOICE),
    ("Mỗi trường hợp chậm trừ 0,5 điểm", D(2), {"kind": "deduction", "per": D("0.5")}),
    ("trừ 0,25 điểm cho mỗi văn bản ban hành chậm", D(1), {"kind": "deduction", "per": D("0.25")}),
    ("Điểm = tỷ lệ % / 30% × điểm tối đa", D(1), {"kind": "proportional", "unit": "percent", "target": D(30)}),
    ("Tính theo tỷ lệ, đạt 30% trở lên được điểm tối đa", D(1),
     {"kind": "proportional", "unit": "percent", "target": D(30)}),
    ("Hội đồng thẩm định chấm", D(1), {"kind": "manual"}),
    ("Chấm theo mức độ hoàn thành nhiệm vụ", D(1), {"kind": "manual"}),
    # officers' variants: spacing, case, no diacritics, 'phần trăm', a decimal point, 'còn lại', no 'điểm'
    ("  TỪ 100 PHẦN TRĂM TRỞ LÊN :2 ĐIỂM;từ 80 % đến  dưới 100 %: 1 điểm ;từ 50% đến dưới 80%: 0.5 điểm; "
     "còn lại: 0 điểm ", D(2), TIERS_UP),
    ("Tu 100% tro len: 2 diem; tu 80% den duoi 100%: 1 diem; tu 50% den duoi 80%: 0,5 diem", D(2), TIERS_UP),
    ("Không có trường hợp nào: 1; từ 1 đến 5 trường hợp: 0,5; các trường hợp còn lại: 0", D(1), COUNTS),
    ("Chọn một mức: Có: 1 điểm; Không: 0 điểm", D(1),
     {"kind": "choice", "options": [{"label": "Có", "points": D(1)}, {"label": "Không", "points": D(0)}]}),
]


@pytest.mark.parametrize(("phrase", "maximum", "expected"), READ, ids=[phrase[:40] for phrase, _, _ in READ])
def test_the_forms_annexes_use_are_read(phrase: str, maximum: Decimal, expected: dict[str, Any]) -> None:
    assert read_rule(phrase, maximum) == expected
    nfd = unicodedata.normalize("NFD", phrase)  # typed with 'Unicode tổ hợp'
    assert read_rule(nfd, maximum) == expected


def test_survey_and_sipas_items_are_known_by_their_component_whatever_the_phrase_says() -> None:
    assert item_rule("Theo kết quả điều tra xã hội học", D("0.5"), role_of("survey")) == {"kind": "survey"}
    assert item_rule("", D(1), role_of("sipas")) == {"kind": "survey"}
    assert item_rule("Có: 1 điểm; Không: 0 điểm", D(1), role_of("survey")) == {"kind": "survey"}
    assert item_rule("", D(1), Role.MEASURED) == {"kind": "survey"}  # any measured component, not only those two
    assert item_rule("Có: 1 điểm; Không: 0 điểm", D(1), role_of("appraised")) == {"kind": "yes_no"}


REFUSED: list[tuple[str, str, tuple[str, ...]]] = [
    ("", "PX300", ()),
    ("Theo hướng dẫn của Bộ", "PX301", ("Theo hướng dẫn của Bộ",)),
    ("__import__('os').system('rm -rf /')", "PX301", ("__import__",)),  # nothing is evaluated
    ("từ 80% đến dưới 95%: 1 điểm; từ 90% trở lên: 2 điểm", "PX303", ("từ 80% đến dưới 95%", "từ 90% trở lên")),
    ("từ 95% trở lên: 2 điểm; từ 50% đến dưới 80%: 1 điểm", "PX302", ("từ 50% đến dưới 80%", "từ 95% trở lên")),
    ("từ 95% trở lên: 2 điểm; từ 5 đến dưới 95: 1 điểm", "PX304", ()),
    ("không quá 5 trường hợp: 1 điểm; trên 5 trường hợp: 0,5 điểm", "PX305", ("trên 5 trường hợp",)),
    ("từ 50% đến dưới 80%: 1 điểm", "PX306", ()),
    ("Ban hành đúng hạn: 1 điểm; Dưới 80%: 0 điểm", "PX307", ("Dưới 80%", "Ban hành đúng hạn")),
    ("Hoàn thành 100%: 1 điểm; Dưới 80%: 0 điểm", "PX302", ("Dưới 80%", "Hoàn thành 100%")),  # completion: a range
    ("còn lại: 1 điểm; khác: 0 điểm", "PX303", ()),
    ("từ 0% trở lên: 0 điểm", "PX306", ("từ 0% trở lên",)),  # once a KeyError: the message lacked its forms
    # two kinds' forms in one phrase: neither is guessed at (it once read as per case, the first kind tried)
    ("Điểm = tỷ lệ % / 30% × điểm tối đa; trừ 0,5 điểm mỗi trường hợp, tối đa 2 điểm", "PX301", ("30%",)),
]


@pytest.mark.parametrize(("phrase", "code", "quoted"), REFUSED, ids=[code for _, code, _ in REFUSED])
def test_what_cannot_be_read_with_certainty_is_refused_with_its_reason(phrase: str, code: str,
                                                                       quoted: tuple[str, ...]) -> None:
    found = read_rule(phrase, D(2))
    assert isinstance(found, Message) and found.code == code
    for lang in ("vi", "en"):
        text = found.text(lang)
        assert all(part in text for part in quoted)
        if code in ("PX300", "PX301", "PX306"):
            assert FORMS in text  # the accepted forms, each with an example


@pytest.mark.parametrize("kind", KINDS)
@PROPERTY
@given(data=st.data())
def test_what_a_rule_prints_reads_back_as_the_same_rule(kind: str, data: st.DataObject) -> None:
    """words → read → the same rule, for every kind (the template's words and the importer's are one grammar)."""
    maximum, rule = drawn_rule(kind, data)
    for answers in (None, *YES_NO_PAIRS):  # the yes/no words the template's dropdown may offer
        words = rule.words(maximum, answers=answers)
        read = read_rule(words, maximum)
        assert not isinstance(read, Message), (words, read)
        assert RULE.validate_python(read) == rule, words
    assert rule.words(maximum, "en").strip()


def drawn_rule(kind: str, data: st.DataObject) -> tuple[Decimal, Any]:
    """An item's max and a rule of `kind` for it, one whose words can say it."""
    maximum = data.draw(quarters(1, 12))
    drawn = data.draw(rules(kind, maximum))
    if kind == "yes_no" and drawn.get("yes_points") == maximum:
        drawn.pop("yes_points")  # `yes_points: <the max>` is the default written out: it reads back unwritten
    rule = RULE.validate_python(drawn)
    assume(not _everything_scores_alike(rule))
    return maximum, rule


def _everything_scores_alike(rule: Any) -> bool:
    """A threshold whose ranges cover every value and give the two ends the same points: higher-is-better and
    lower-is-better are then the same rule, and the words cannot say which the file wrote."""
    if rule.kind != "threshold":
        return False
    tiers = rule.tiers
    covers = tiers[-1].bound == 0 if tiers[0].at_least is not None else (
        rule.unit == "percent" and tiers[-1].bound >= 100)
    return covers and tiers[0].points == tiers[-1].points


PER_CASE = {"kind": "per_case", "per": Decimal("0.5")}
DEDUCTION = {"kind": "deduction", "per": Decimal("0.5")}


# (words, what they read as on an earned item, in a bonus component, in a penalty component): a code is refused
SIGNS: list[tuple[str, Any, Any, Any]] = [
    ("Trừ 0,5 điểm mỗi trường hợp, tối đa 2 điểm", DEDUCTION, "PX308", PER_CASE),
    ("0,5 điểm cho mỗi trường hợp, tối đa 2 điểm", "PX308", PER_CASE, PER_CASE),
    ("Mỗi sáng kiến được cộng 0,5 điểm, tối đa 2 điểm", PER_CASE, PER_CASE, "PX308"),
    ("Cộng 0,5 điểm cho mỗi trường hợp, tối đa 2 điểm", PER_CASE, PER_CASE, "PX308"),
    ("Mỗi trường hợp vi phạm trừ 0,5 điểm, tối đa 3 điểm", "PX309", "PX308", "PX309"),  # the cap is not the max
]


@pytest.mark.parametrize(("text", "earned", "bonus", "penalty"), SIGNS, ids=[text[:30] for text, *_ in SIGNS])
def test_points_per_case_keep_their_sign(text: str, earned: Any, bonus: Any, penalty: Any) -> None:
    """'trừ … mỗi …' on an earned item counts down from the max; in a penalty it is the penalty; 'cộng' is a
    bonus; a sign the importer cannot place is refused at its cell, never points earned (issue 23)."""
    for role, expected in ((Role.SELF, earned), (Role.BONUS, bonus), (Role.PENALTY, penalty)):
        read = item_rule(text, Decimal(2), role)
        if isinstance(expected, str):
            assert isinstance(read, Message) and read.code == expected, (role, read)
            assert text in read.text("vi") and text in read.text("en")
        else:
            assert read == expected, role


@pytest.mark.parametrize("text", ["Mỗi văn bản chậm trừ 0,5 điểm, trừ tối đa 2 điểm",
                                  "Mỗi trường hợp vi phạm trừ 0,5 điểm, tối đa 2 điểm",
                                  "Điểm tối đa 2 điểm; mỗi nhiệm vụ chậm trừ 0,5 điểm"])
def test_the_issues_deductions_count_down_from_the_max(text: str) -> None:
    """Once imported as points earned: 0 late documents scored 0/2 and 4 scored 2/2. By hand: 2 − 0 × 0,5 = 2;
    2 − 4 × 0,5 = 0."""
    read = item_rule(text, Decimal(2), Role.SELF)
    assert read == DEDUCTION
    rule = RULE.validate_python(read)
    assert [rule.score(cases, Decimal(2)).points for cases in (0, 1, 4, 9)] == [2, Decimal("1.5"), 0, 0]
    assert "trừ" in rule.words(Decimal(2), "vi")  # the template's words keep the sign


def test_a_deduction_floored_at_zero_is_not_per_case() -> None:
    assert read_rule("2 điểm, mỗi trường hợp trừ 0,5 điểm, thấp nhất 0 điểm", Decimal(2))["kind"] == "deduction"


def test_a_percent_rule_states_the_largest_value_it_accepts() -> None:
    data = read_rule("Từ 100% trở lên: 4 điểm; từ 90% đến dưới 100%: 2 điểm; dưới 90%: 0 điểm; chấp nhận đến 300 %",
                     Decimal(4))
    assert data["most"] == Decimal(300) and data["tiers"][0] == {"at_least": Decimal(100), "points": Decimal(4)}
    assert read_rule("Tu 100% tro len: 4 diem; duoi 100%: 0 diem. Chap nhan den 150%", Decimal(4))["most"] == 150
    refused = read_rule("Không quá 0: 1 điểm; trên 0: 0 điểm; chấp nhận đến 300 %", Decimal(1))
    assert refused.code == "PX153"


@pytest.mark.parametrize("phrase", [
    "- Ban hành đúng hạn: 1,5 điểm\n- Ban hành chậm: 0,5 điểm\n- Không ban hành: 0 điểm",
    "Ban hành đúng hạn: 1,5 điểm\r\nBan hành chậm: 0,5 điểm\r\nKhông ban hành: 0 điểm",
    "• Ban hành đúng hạn: 1,5 điểm;\n• Ban hành chậm: 0,5 điểm;\n• Không ban hành: 0 điểm.",
    "+ Ban hành đúng hạn:\n1,5 điểm\n+ Ban hành chậm: 0,5 điểm\n+ Không ban hành: 0 điểm",
])
def test_a_list_pasted_from_word_one_clause_a_line_is_read(phrase: str) -> None:
    """Word's lists come into a cell as lines, often bulleted, without ';' between them."""
    assert read_rule(phrase, Decimal("1.5")) == {"kind": "choice", "options": [
        {"label": "Ban hành đúng hạn", "points": Decimal("1.5")}, {"label": "Ban hành chậm", "points": Decimal("0.5")},
        {"label": "Không ban hành", "points": Decimal(0)}]}
    tiers = read_rule("- Từ 100% trở lên: 2 điểm\n- Từ 80% đến dưới 100%: 1 điểm\n- Dưới 80%: 0 điểm", Decimal(2))
    assert tiers["kind"] == "threshold" and len(tiers["tiers"]) == 2
    assert read_rule("Từ 100%\ntrở lên: 2 điểm; dưới 100%: 0 điểm", Decimal(2))["kind"] == "threshold"


def test_a_number_too_long_for_a_decimal_is_a_phrase_that_cannot_be_read_not_a_crash() -> None:
    big = "9" * 35
    for text in (f"Có: {big} điểm; Không: 0 điểm", f"Từ {big}% trở lên: 3 điểm; dưới {big}%: 0 điểm"):
        read = read_rule(text, Decimal(3))
        assert isinstance(read, Message) and read.code == "PX301", read


# --- every family of the annex's phrasing, printed from a drawn rule and read back (issue 23 part 3) -------------

def _clauses_of(words: str) -> list[str]:
    return [clause.strip() for clause in words.split(";")]


def _lined(words: str, marks: str) -> str:
    """The clauses one a line, each led by its list mark ('1.', 'a)'), or none ('')."""
    lines = _clauses_of(words)
    if marks == "numbered":
        return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, start=1))
    if marks == "lettered":
        return "\n".join(f"{chr(ord('a') + n)}) {line}" for n, line in enumerate(lines))
    return "\n".join(lines)


def _completion(words: str) -> str:
    """'hoàn thành từ 80% kế hoạch đến dưới 100% kế hoạch: 1 điểm' — the completion wording of a plan's share."""
    clauses = [f"hoàn thành {clause[:1].lower()}{clause[1:]}".replace("%", "% kế hoạch") for clause in
               _clauses_of(words)]
    return "; ".join(clauses)


FAMILIES = {  # family → how it writes a rule's words
    "as printed": lambda words: words,
    "numbered list": lambda words: _lined(words, "numbered"),
    "lettered list": lambda words: _lined(words, "lettered"),
    "intro line": lambda words: "Điểm đánh giá như sau:\n" + _lined(words, ""),
    "intro, numbered": lambda words: "Cách chấm điểm cụ thể:\n" + _lined(words, "numbered"),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("kind", ["threshold", "choice", "yes_no"])
@PROPERTY
@given(data=st.data())
def test_every_family_of_list_reads_back_as_the_rule(family: str, kind: str, data: st.DataObject) -> None:
    """A list of tiers or options, written as a Word list (numbered, lettered, after an intro line) reads as the
    same rule: never a choice whose labels are '1. Đạt 100%'."""
    maximum, rule = drawn_rule(kind, data)
    printed = rule.words(maximum)
    assume("intro" not in family or not printed.startswith("Chọn một mức"))  # one lead-in, not two
    words = FAMILIES[family](printed)
    read = read_rule(words, maximum)
    assert not isinstance(read, Message), (words, read.text("en"))
    assert RULE.validate_python(read) == rule, words


@PROPERTY
@given(data=st.data())
def test_completion_wording_reads_back_as_the_tiers(data: st.DataObject) -> None:
    """'Hoàn thành từ 80% kế hoạch đến dưới 100% kế hoạch: …' is a percent threshold, whatever its tiers."""
    maximum = data.draw(quarters(1, 12))
    drawn = data.draw(rules("threshold", maximum))
    drawn["unit"] = "percent"
    rule = RULE.validate_python(drawn)
    assume(not _everything_scores_alike(rule))
    words = _completion(rule.words(maximum))
    read = read_rule(words, maximum)
    assert not isinstance(read, Message), (words, read.text("en"))
    assert RULE.validate_python(read) == rule, words


@PROPERTY
@given(data=st.data(), noun=st.sampled_from(["vi phạm", "văn bản trái pháp luật", "sai sót"]),
       absence_first=st.booleans())
def test_yes_no_written_as_absence_and_presence_reads_back(data: st.DataObject, noun: str,
                                                          absence_first: bool) -> None:
    """'Không có vi phạm: 1 điểm; có vi phạm: 0 điểm': yes is the presence, whichever is written first."""
    maximum = data.draw(quarters(1, 12))
    rule = RULE.validate_python(data.draw(rules("yes_no", maximum)))
    yes, no = rule.yes(maximum), rule.no_points
    assume(yes != no)
    present, absent = f"có {noun}: {yes} điểm", f"không có {noun}: {no} điểm"
    words = f"{absent}; {present}" if absence_first else f"{present}; {absent}"
    read = read_rule(words.replace(".", ","), maximum)
    assert not isinstance(read, Message), (words, read.text("en"))
    back = RULE.validate_python(read)
    assert (back.yes(maximum), back.no_points) == (yes, no), words


@pytest.mark.parametrize(("role", "template"), [
    (Role.SELF, "Mỗi văn bản chậm trừ {per} điểm, trừ tối đa {max} điểm"),
    (Role.SELF, "Điểm tối đa {max} điểm; mỗi nhiệm vụ chậm trừ {per} điểm"),
    (Role.SELF, "Mỗi trường hợp vi phạm trừ {per} điểm, tối đa {max} điểm"),
    (Role.SELF, "Cộng {per} điểm cho mỗi sáng kiến, tối đa {max} điểm"),
    (Role.BONUS, "Mỗi sáng kiến được cộng {per} điểm, tối đa {max} điểm"),
    (Role.BONUS, "{per} điểm cho mỗi sáng kiến, tối đa {max} điểm"),
    (Role.PENALTY, "Mỗi trường hợp vi phạm trừ {per} điểm, tối đa {max} điểm"),
    (Role.PENALTY, "Trừ {per} điểm cho mỗi lần chậm báo cáo"),
], ids=lambda value: str(value)[:30])
@PROPERTY
@given(data=st.data())
def test_every_wording_of_points_per_case_reads_with_its_sign(role: Role, template: str,
                                                              data: st.DataObject) -> None:
    """The annexes' wordings of points per case, with any amounts: 'trừ' on an earned item counts down from the
    max, in a penalty it is the penalty; 'cộng' adds. The kind's own words read back the same in its component."""
    maximum = data.draw(quarters(1, 12))
    per = data.draw(quarters(1, 8))
    words = template.format(per=str(per).replace(".", ","), max=str(maximum).replace(".", ","))
    read = item_rule(words, maximum, role)
    minus = "trừ" in template.lower()
    kind = "deduction" if role is Role.SELF and minus else "per_case"
    assert read == {"kind": kind, "per": per}, words
    rule = RULE.validate_python(read)
    assert item_rule(rule.words(maximum, "vi", direction=role.direction), maximum, role) == read


COMPONENTS_ROLES = (Role.SELF, Role.BONUS, Role.PENALTY)


@pytest.mark.parametrize(("kind", "role"), [(kind, role) for kind in KINDS for role in COMPONENTS_ROLES
                                            if kind != "deduction" or role is Role.SELF])
@PROPERTY
@given(data=st.data())
def test_every_kind_prints_words_that_read_back_in_every_component(kind: str, role: Role,
                                                                   data: st.DataObject) -> None:
    """What the template and `criteria export` print for an item, read back as that item's rule wherever its
    component stands (a penalty's points per case say 'Trừ', a bonus's 'Cộng'); a deduction belongs to earned
    items only."""
    maximum, rule = drawn_rule(kind, data)
    read = item_rule(rule.words(maximum, "vi", direction=role.direction), maximum, role)
    assert not isinstance(read, Message), read.text("en")
    assert RULE.validate_python(read) == rule


# The issue's phrasings, each with values and the points a hand calculation gives for an item of max 2.
BY_HAND: list[tuple[str, list[tuple[Any, Decimal]]]] = [
    ("Hoàn thành 100% kế hoạch: 2 điểm; hoàn thành từ 80% đến dưới 100% kế hoạch: 1 điểm; hoàn thành dưới 80% "
     "kế hoạch: 0 điểm", [("100%", D(2)), ("95%", D(1)), ("80%", D(1)), ("79,9%", D(0))]),
    ("Đạt và vượt 100% chỉ tiêu: 2 điểm; đạt từ 80% đến dưới 100% chỉ tiêu: 1 điểm; dưới 80%: 0 điểm",
     [("100%", D(2)), ("99%", D(1)), ("10%", D(0))]),
    ("Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm",
     [("90,5%", D(2)), ("90%", D(1)), ("70%", D(1)), ("69%", D(0))]),
    ("Không quá 2 ngày: 2 điểm; trên 2 ngày đến dưới 5 ngày: 1 điểm; từ 5 ngày trở lên: 0 điểm",
     [(0, D(2)), (2, D(2)), (3, D(1)), (5, D(0))]),
    ("Không có vi phạm: 2 điểm; có vi phạm: 0 điểm", [("Không", D(2)), ("Có", D(0))]),
    ("Điểm đánh giá như sau:\nTừ 100% trở lên: 2 điểm\nTừ 80% đến dưới 100%: 1 điểm\nDưới 80%: 0 điểm",
     [("100%", D(2)), ("85%", D(1)), ("50%", D(0))]),
    ("1. Đạt 100%: 2 điểm\n2. Từ 80% đến dưới 100%: 1 điểm\n3. Dưới 80%: 0 điểm",
     [("100%", D(2)), ("95%", D(1)), ("79%", D(0))]),
    ("a) Đạt 100%: 2 điểm;\nb) Từ 80% đến dưới 100%: 1 điểm;\nc) Dưới 80%: 0 điểm.",
     [("100%", D(2)), ("95%", D(1)), ("79%", D(0))]),
]


@pytest.mark.parametrize(("phrase", "cases"), BY_HAND, ids=[phrase[:30] for phrase, _ in BY_HAND])
def test_the_annexs_phrasings_score_what_a_hand_calculation_gives(phrase: str,
                                                                   cases: list[tuple[Any, Decimal]]) -> None:
    read = read_rule(phrase, D(2))
    assert not isinstance(read, Message), read.text("en")
    rule = RULE.validate_python(read)
    assert [rule.score(value, D(2)).points for value, _ in cases] == [points for _, points in cases]
