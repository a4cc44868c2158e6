"""`parindex progress` on a screen (evidence/progress_report.py): in a pipe every column and every name on one
line; on a narrow terminal the least useful counts go first, said in the line below, names in two lines at most."""

from __future__ import annotations

import io

from rich.cells import cell_len

from parindex.common.i18n import t
from parindex.evidence.progress import Tally
from parindex.evidence.progress_report import draw_table, lead_report
from parindex.io.screen import Screen
from tests.output import said

LEADS = ("Bộ phận tiếp nhận và trả kết quả của Sở", "Phòng Kế hoạch - Tài chính", "Văn phòng Sở")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def drawn(width: int | None) -> str:
    report = lead_report("Sở Tư pháp", "2026", 3, [Tally(name, 7, 3, 1, 1, ("1.1.1",)) for name in LEADS], [])
    console = Screen(file=Terminal(), width=width, color_system=None) if width else Screen(file=io.StringIO())
    draw_table(report, console)
    return console.file.getvalue()  # type: ignore[attr-defined]


def rows(text: str) -> list[str]:
    """The name column's text of each table row (a row's number cells are on its first line)."""
    names: list[str] = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if len(cells) > 1 and cells[0]:
            if cells[1]:
                names.append(cells[0])
            else:
                names[-1] += f" {cells[0]}"
    return names


def test_in_a_pipe_every_column_shows_and_each_agency_is_one_line() -> None:
    text = drawn(None)
    assert all(said(t(key)) in said(text) for key in ("ui.progress.estimates", "ui.progress.no_evidence"))
    assert all(any(line.startswith(f"│ {name} ") for line in text.splitlines()) for name in LEADS)
    assert "--format md" not in text


def test_on_a_narrow_terminal_the_counts_least_needed_go_first_and_names_stay_readable() -> None:
    text = drawn(56)
    assert all(cell_len(line) <= 56 for line in text.splitlines())
    assert rows(text)[:len(LEADS)] == list(LEADS)
    longest = [line for line in text.splitlines() if line.startswith("│ Bộ phận") or line.startswith("│ trả")]
    assert len(longest) <= 2  # its name in two lines at most
    header = text.split("┡")[0].split()  # its words: a header wraps in its column
    assert t("ui.progress.estimates").split()[0] not in header and t("ui.progress.left").split()[0] in header
    gone = [t(f"ui.progress.{key}") for key in ("estimates", "assigned", "entered")]  # as many as must go, in order
    assert said(t("ui.table.narrow", columns=", ".join(gone))) in said(text)
    assert not any(word in header for word in ("Được", "Đã"))
