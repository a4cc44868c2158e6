"""Which decision of the Ministry of Home Affairs governs the provincial PAR Index of which year.

Facts only as far as `reference/national-sets-2022-2025.md` and `reference/official-results.md` go; what a
decision's text key says (known and not known) is in the catalogue (`decision.…`), in vi and en."""

from __future__ import annotations

from typing import NamedTuple

from parindex.common.messages import Message


class Decision(NamedTuple):
    number: str            # as the sources write it, e.g. "QĐ 876/QĐ-BNV"
    date: str              # as the sources give it; "" when they disagree (said in the text key)
    first: int             # the first index year it governs
    last: int | None       # the last, None while it is in force
    bundled: str | None    # the bundled set reconstructed from it, if any
    key: str               # catalogue text: what is known and what is not
    source: str


DECISIONS: tuple[Decision, ...] = (
    Decision("QĐ 1150/QĐ-BNV", "", 2019, 2021, "par-province-2020", "decision.qd1150",
             "http://sonoivu.namdinh.gov.vn (reference/official-results.md; national-sets-2022-2025.md §Earlier sets)"),
    Decision("QĐ 876/QĐ-BNV", "10/11/2022", 2022, 2024, "par-province-2022", "decision.qd876",
             "https://old.baolangson.vn/en/society/41083-public-administration-reform-index-looking-at-the-"
             "limitations-gradually-raising-the-ranking.html"),
    Decision("QĐ 1187/QĐ-BNV", "15/10/2025", 2025, None, None, "decision.qd1187",
             "https://nhansu.vn/van-ban-phap-luat/Quyet-dinh-2879-QD-UBND-2025-Xac-dinh-Chi-so-cai-cach-hanh-chinh-"
             "co-quan-chuyen-mon-Dien-Bien-688426.html"),
)


def governing(year: int) -> Decision | None:
    """The decision the provincial index of `year` is scored under, if the catalogue knows it."""
    return next((d for d in DECISIONS if d.first <= year and (d.last is None or year <= d.last)), None)


def years_of(decision: Decision) -> str:
    return f"{decision.first}–{decision.last}" if decision.last else f"{decision.first}–"


def decision_note(year: int, level: str = "province") -> Message:
    """One sentence for a year with no bundled set or baseline: which decision governs it and the way in."""
    found = governing(year) if level == "province" else None
    if found is None:
        return Message("ui.decision.unknown", {"year": year, "level": level})
    return Message("ui.decision.governs", {"year": year, "decision": found.number, "years": years_of(found),
                                           "facts": Message(found.key, {}), "way_in": _way_in(found)})


def decision_line(decision: Decision) -> Message:
    """What `criteria list` says of one decision."""
    return Message("ui.decision.line", {"decision": decision.number, "years": years_of(decision),
                                        "facts": Message(decision.key, {}), "way_in": _way_in(decision)})


def _way_in(decision: Decision) -> Message:
    return (Message("ui.decision.bundled", {"id": decision.bundled}) if decision.bundled
            else Message("ui.decision.import", {}))
