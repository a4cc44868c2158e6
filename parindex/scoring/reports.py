"""Score results as data: the JSON contract, CSV rows and a Markdown summary.

The JSON shape is a contract other tools rely on (README), typed in `scoring.result`: written here as plain dicts
in the contract's key order (building the models would double the time of a many-unit run, and importing them
would cost every run's start-up), and checked against the models in the tests; numbers carry at most 2 decimals
(`json_number`, which the models write theirs with).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from parindex.common.i18n import current_lang, fmt_num, t
from parindex.common.safe_text import csv_text
from parindex.criteria.provenance import provenance_banner
from parindex.scoring.engine import CENT, Adjustment, ItemScore, UnitScore, UnitTotals, biggest_losses
from parindex.scoring.ranking import Ranking, RankRow, build_ranking, change_words

if TYPE_CHECKING:
    from parindex.scoring.run_plan import RunPlan, RunSummary


def json_number(value: Decimal | int | None) -> float | int | None:
    """A number for JSON: at most 2 decimals; a whole number as an int (85, not 85.0)."""
    if value is None or isinstance(value, int):
        return value
    return _json_number(value) if value.is_finite() else _quantized(value)


@lru_cache(maxsize=4096)  # a few hundred distinct points and maxima in a run; 1, 1.0 and 1.00 are one key
def _json_number(value: Decimal) -> float | int:
    return _quantized(value)


def _quantized(value: Decimal) -> float | int:
    value = value.quantize(CENT)
    return int(value) if value == value.to_integral_value() else float(value)


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return json_number(value)
    return value


def unit_dict(unit: UnitScore) -> dict[str, Any]:
    """One unit as `scoring.result.UnitResult` says, key for key."""
    cset = unit.criteria
    roles = {comp.id: comp.role.value for comp in cset.components}  # what `gap` needs of a set not at hand
    return {
        "criteria": {"id": cset.id, "status": cset.status, "fingerprint": cset.fingerprint(),
                     "provisional_values": cset.provisional_count()},
        "unit": unit.unit,
        "level": unit.level,
        "year": unit.year,
        "score": json_number(unit.score),
        "self_score": json_number(unit.self_score),
        "appraised_score": json_number(unit.appraised_score),
        "base": json_number(unit.base),
        "bonus": json_number(unit.bonus),
        "penalty": json_number(unit.penalty),
        "max": json_number(unit.max),
        "percent": json_number(unit.percent),
        "components": [{"id": c.code, "role": roles[c.code], "score": json_number(c.score),
                        "max": json_number(c.max), "full_max": json_number(c.full_max)} for c in unit.components],
        "areas": [{"code": a.code, "name": a.name, "score": json_number(a.score), "max": json_number(a.max),
                   "percent": json_number(a.percent), "rank": a.rank} for a in unit.areas],
        "adjustments": [{"id": a.id, "role": a.role.value, "earned": json_number(a.earned), "cap": json_number(a.cap),
                         "points": json_number(a.points)} for a in unit.adjustments],
        "items": [_item_dict(s) for s in unit.items],
        "appraisal_differences": [{"code": s.item.code, "name": s.item.name, "own": json_number(s.own),
                                   "appraised": json_number(s.appraised), "delta": json_number(delta(s))}
                                  for s in unit.differences()],
        "warnings": [{"code": n.code, "item": n.item, "cell": n.where or "", "message": n.text()}
                     for n in unit.warnings],
        "errors": [{"code": n.code, "item": n.item, "cell": n.where or "", "message": n.text()}
                   for n in unit.errors],
    }


def delta(s: ItemScore) -> Decimal:
    """Appraised minus own: negative where the appraisal took points away."""
    return (s.appraised if s.appraised is not None else s.own) - s.own


def headline(unit: UnitScore) -> str:
    """`Tổng điểm tự đánh giá: 58,05 / 80 (72,6 %)`, or the total after appraisal, saying which it is."""
    shown = f"{fmt_num(unit.score)} / {fmt_num(unit.max)} ({fmt_num(unit.percent, 1)} %)"
    if unit.appraised_score is None:
        return f"{t('ui.score.total')}: {shown}"
    appraised = sum(1 for s in unit.items if s.appraised is not None)
    return (f"{t('ui.score.total_appraised')}: {shown} — "
            f"{t('ui.score.total_appraised_note', n=appraised, self=fmt_num(unit.self_score))}")


def total_parts(unit: UnitScore) -> list[tuple[str, Decimal, str]]:
    """The total as its parts, where the set has bonus or penalty: (label, points, note)."""
    if not unit.adjustments:
        return []
    parts = [(t("ui.score.base"), unit.base, "")]
    for a in unit.adjustments:
        parts.append((t(f"ui.score.{a.role}"), a.signed + 0, adjustment_note(a)))  # + 0: never -0
    return parts


def adjustment_note(a: Adjustment) -> str:
    """'đạt 0,50, trần 2,00' for a bonus; 'tổng các mục -0,75, trừ tối đa 3,00' for a penalty: nothing is
    'achieved' by a penalty, and its points are negative wherever printed."""
    if a.role.sign < 0:
        return t("ui.score.deducted", earned=fmt_num(-a.earned + 0), cap=fmt_num(a.cap))
    return t("ui.score.earned", earned=fmt_num(a.earned), cap=fmt_num(a.cap))


def _item_dict(s: ItemScore) -> dict[str, Any]:
    return {"code": s.item.code, "area": s.area.code, "component": s.item.component, "score": json_number(s.points),
            "max": json_number(s.item.max),
            "own_score": json_number(s.own),
            "status": s.status, "value": _value(s.value), "self_score": json_number(s.self_score),
            "appraised": json_number(s.appraised), "lead": s.lead}


def unit_json(unit: UnitScore, indent: int | None = None) -> str:
    return json.dumps(unit_dict(unit), ensure_ascii=False, indent=indent)


def ranking_dict(r: RankRow) -> dict[str, Any]:
    """A JSON ranking row (a contract, README): score, max and percent are what the rank is decided on (null for a
    unit left unranked)."""
    return {"block": r.block, "rank": r.rank, "unit": r.unit.unit,
            **dict(zip(("score", "max", "percent"), map(json_number, r.figures), strict=True)), "band": r.band,
            "previous_rank": r.previous_rank, "rank_change": r.rank_change, "notes": r.notes()}


def ranking_json(ranking: Ranking) -> Iterator[str]:
    """The end of `scoring.result.RunResult`, after its units: the ranking row by row (as `json.dumps` writes a
    list), its notes, units gone, warnings."""
    yield '], "ranking": ['
    for n, row in enumerate(_rows(ranking)):
        yield (", " if n else "") + json.dumps(ranking_dict(row), ensure_ascii=False)
    gone = [{"block": b.name, "unit": g.unit, "rank": g.rank, "score": json_number(g.score)}
            for b in ranking.blocks for g in b.gone]
    extra = {"ranking_notes": ranking.notes, "ranking_gone": gone,
             "ranking_warnings": [{"code": n.code, "cell": n.where or "", "message": n.text()}
                                  for n in ranking.warnings]}
    yield "], " + json.dumps(extra, ensure_ascii=False)[1:] + "\n"


def _rows(ranking: Ranking) -> Iterator[RankRow]:
    """Every row, block after block, without a list of them all (`Ranking.rows`)."""
    for block in ranking.blocks:
        yield from block.rows


class Column(NamedTuple):
    key: str  # no, unit, block, score, max, percent, band, rank, previous_rank, previous_score, change, area, notes
    header: str
    numeric: bool  # right-aligned; written as a number in xlsx


def ranking_columns(ranking: Ranking, block: bool = True) -> list[Column]:
    """STT · Đơn vị · Khối · Điểm · Tối đa · Tỷ lệ % · Xếp loại · Xếp hạng · (with --previous: Hạng năm trước ·
    Điểm năm trước) · Thay đổi · each area's % · Ghi chú — the columns of every format (without Khối when
    `block` is false: a printed table per block, whose heading says it)."""
    before = [Column("previous_rank", t("ui.rank.previous_rank"), True),
              Column("previous_score", t("ui.rank.previous_score"), True)] if ranking.compared else []
    khoi = [Column("block", t("ui.rank.block"), False)] if block else []
    return [Column("no", t("ui.rank.no"), True), Column("unit", t("ui.rank.unit"), False),
            *khoi, Column("score", t("ui.score.points"), True),
            Column("max", t("ui.score.max"), True), Column("percent", t("ui.rank.percent"), True),
            Column("band", t("ui.rank.band"), False), Column("rank", t("ui.rank.rank"), True), *before,
            Column("change", t("ui.rank.change"), False),
            *[Column("area", area_header(code), True) for code, _ in ranking.areas],
            Column("notes", t("ui.rank.notes"), False)]


def ranking_cells(ranking: Ranking, row: RankRow, n: int, number: Callable[[Decimal | None, int], object],
                  block: bool = True) -> list[object]:
    """Row `n` of its block, in the order of `ranking_columns(ranking, block)` (`number` writes a number with so
    many decimals)."""
    by_code = {a.code: a for a in row.unit.areas}
    unit, before = row.unit, row.previous
    previous = [row.previous_rank or "", number(before.score, 2) if before and before.score is not None
                else ""] if ranking.compared else []
    score, maximum, share = row.figures
    khoi = [row.block] if block else []
    return [n, unit.unit, *khoi, number(score, 2), number(maximum, 2), number(share, 1), row.band or "",
            "" if row.rank is None else row.rank, *previous, change_words(row, ranking.compared),
            *[number(by_code[code].percent, 1) if code in by_code else "" for code, _ in ranking.areas],
            "; ".join(row.notes())]


def blocks_phrase(ranking: Ranking) -> str:
    """The blocks as an office writes them in a title: "khối Sở, khối Phường và khối Xã, đặc khu"."""
    names = [t("ui.rank.block_named", block=block.name) for block in ranking.blocks]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('ui.rank.and')} {names[-1]}"


def area_legend(ranking: Ranking) -> str:
    """What the LV columns are: "LV1 %: Công tác chỉ đạo…; LV2 %: …" under the table."""
    areas = "; ".join(f"{area_header(code)}: {name}" for code, name in ranking.areas)
    return t("ui.rank.legend", areas=areas) if areas else ""


def area_header(code: str) -> str:
    return f"LV{code} %"


def ranking_footnotes(ranking: Ranking, banners: bool = True) -> list[str]:
    """Below the table: the criteria sets' provenance warnings (unless shown above it), notes on the survey, units
    gone and new since last year, warnings on last year's file."""
    lines = [banner.text() for banner in ranking.banners] if banners else []
    lines += ranking.notes
    if ranking.compared:
        new = [r.unit.unit for r in ranking.rows if r.previous is None]
        gone = [g.unit for b in ranking.blocks for g in b.gone]
        lines += [t("ui.rank.new_units", units=", ".join(new))] if new else []
        lines += [t("ui.rank.gone", units=", ".join(gone))] if gone else []
    lines += [n.line() for n in ranking.warnings]
    return lines


CSV_HEADER = ("unit", "year", "criteria", "criteria_status", "area", "code", "name", "status", "value", "score",
              "max", "own_score", "self_score", "appraised", "lead")


def csv_style() -> tuple[str, Callable[[Decimal | None, int | None], str]]:
    """The delimiter and the number format Excel expects with the reader's regional settings: Vietnamese
    settings read `;` between fields and `1,5` as one and a half (a `,`-separated file would open as one column
    with every decimal garbled); English settings `,` and `1.5`. README: "CSV in Excel"."""
    if current_lang() == "vi":
        return ";", _csv_number_vi
    return ",", _csv_number


def _csv_number_vi(value: Decimal | None, places: int | None = None) -> str:
    return _csv_number(value, places).replace(".", ",")


def _csv_number(value: Decimal | None, places: int | None = None) -> str:
    """No thousands separator (Excel would read `1.234` as 1,234 or as 1.234 depending on the settings)."""
    if value is None:
        return ""
    return str(json_number(value) if places is None else value.quantize(Decimal(1).scaleb(-places)))


def _csv_value(value: object, number: Callable[[Decimal | None, int | None], str]) -> str:
    if isinstance(value, bool):  # before numbers: True is an int too
        return t("ui.yes" if value else "ui.no")
    if isinstance(value, Decimal):
        return number(value, None)
    return "" if value is None else csv_text(str(value))


def unit_csv(unit: UnitScore) -> str:
    """One row per item: the table an officer pivots in Excel (the header is the report's). Text is written as
    `csv_text` keeps it text; numbers as numbers, a penalty's with its minus."""
    delimiter, number = csv_style()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    status = t(f"ui.gap.criteria_{unit.criteria.status}")  # 'dựng lại' / 'reconstructed'
    unit_name, unit_year = csv_text(unit.unit), csv_text(str(unit.year))
    for s in unit.items:
        writer.writerow([unit_name, unit_year, csv_text(unit.criteria.id), status, csv_text(s.area.code),
                         csv_text(s.item.code), csv_text(s.item.name), t(f"status.{s.status}"),
                         _csv_value(s.value, number), number(s.points, None), number(s.item.max, None),
                         number(s.own, None), number(s.self_score, None), number(s.appraised, None),
                         csv_text(s.lead or "")])
    return out.getvalue()


def csv_head() -> str:
    """The item rows' header in the reader's language (Đơn vị;Năm;… under --lang vi; unit,year,… in English)."""
    return csv_style()[0].join(t(f"csv.{key}") for key in CSV_HEADER) + "\r\n"


def ranking_csv(ranking: Ranking) -> Iterator[str]:
    """After the item rows and an empty line: the ranking, with the same columns as every other format, row by
    row."""
    delimiter, number = csv_style()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")

    def line(cells: Iterable[object]) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(cells)
        return out.getvalue()

    yield line([])
    columns = ranking_columns(ranking)
    yield line([column.header for column in columns])
    for block in ranking.blocks:
        for n, row in enumerate(block.rows, start=1):
            cells = ranking_cells(ranking, row, n, number)
            yield line([cell if column.numeric else csv_text(str(cell))
                        for column, cell in zip(columns, cells, strict=True)])
    for note in ranking_footnotes(ranking):
        yield line([csv_text(note)])


def unit_markdown(unit: UnitScore) -> str:
    lines: list[str] = []
    banner = provenance_banner(unit.criteria)
    if banner:
        lines += [f"> {banner.text()}", ""]
    lines += [f"## {unit.unit} — {unit.year}", "", f"**{headline(unit)}**", ""]
    lines += [f"- {label}: {fmt_num(points)}" + (f" ({note})" if note else "")
              for label, points, note in total_parts(unit)]
    lines += ["",
              f"| {t('ui.score.code')} | {t('ui.score.area')} | {t('ui.score.points')} | {t('ui.score.max')} "
              f"| % | {t('ui.score.rank')} |", "|---|---|---:|---:|---:|---:|"]
    lines += [f"| {a.code} | {a.name} | {fmt_num(a.score)} | {fmt_num(a.max)} | {fmt_num(a.percent, 1)} "
              f"| {a.rank} |" for a in unit.areas]
    lines += ["", f"**{t('ui.score.losses')}**", "",
              f"| {t('ui.score.code')} | {t('ui.score.item')} | {t('ui.score.lost')} | {t('ui.score.status')} "
              f"| {t('ui.score.lead')} |", "|---|---|---:|---|---|"]
    lines += [f"| {s.item.code} | {s.item.name} | {fmt_num(s.lost)} | {t('status.' + s.status)} | {s.lead or ''} |"
              for s in biggest_losses(unit)]
    for title_key, entries in (("ui.score.errors", unit.errors), ("ui.score.warnings", unit.warnings)):
        if entries:
            lines += ["", f"**{t(title_key)} ({len(entries)})**", ""]
            lines += [f"- {_md(notice.line())}" for notice in entries]
    if unit.differences():
        lines += ["", f"**{t('ui.score.differences')}**", "",
                  f"| {t('ui.score.code')} | {t('ui.score.item')} | {t('ui.score.own')} | {t('ui.score.appraised')} "
                  f"| {t('ui.score.delta')} |", "|---|---|---:|---:|---:|"]
        lines += [f"| {s.item.code} | {s.item.name} | {fmt_num(s.own)} | {fmt_num(s.appraised)} | {fmt_num(delta(s))} |"
                  for s in unit.differences()]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text that Markdown shows as written (a cell reference `*`, `_` or `|` would otherwise be formatting)."""
    return "".join("\\" + ch if ch in "\\`*_[]|<>" else ch for ch in text)


def ranking_markdown(ranking: Ranking) -> Iterator[str]:
    """Each block's table, line by line, then the footnotes."""
    columns = ranking_columns(ranking)
    for block in ranking.blocks:
        yield "\n".join(["", f"## {t('ui.score.ranking')} — {t('ui.rank.block')} {block.name}", "",
                         "| " + " | ".join(column.header for column in columns) + " |",
                         "|" + "|".join("---:" if column.numeric else "---" for column in columns) + "|", ""])
        for n, row in enumerate(block.rows, start=1):
            cells = ranking_cells(ranking, row, n, shown_number)
            yield "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |\n"
    footnotes = ranking_footnotes(ranking)
    if footnotes:
        yield "\n".join(["", *(f"> {note}" for note in footnotes), ""])
    elif not ranking.blocks:
        yield "\n"


def shown_number(value: Decimal | None, places: int) -> str:
    """A ranking cell's number as text formats show it (85,58; nothing when there is none)."""
    return "" if value is None else fmt_num(value, places)


# --- the run's summary, which opens every many-unit output ----------------------------------------------------

def run_dict(summary: RunSummary) -> dict[str, Any]:
    """The JSON's `run`, as `scoring.result.RunInfo` says, key for key."""
    return {"sets": [{"id": id_, "fingerprint": fingerprint} for id_, fingerprint in summary.sets],
            "years": summary.years,
            "blocks": [{"block": block, "units": n} for block, n in summary.blocks],
            "surveys": [{"file": m.path, "matched": m.matched, "rows": m.total} for m in summary.surveys],
            "previous": [{"file": m.path, "matched": m.matched, "units": m.total} for m in summary.previous]}


def run_json(summary: RunSummary | None) -> str:
    """The start of `scoring.result.RunResult`: the run, then its units."""
    shown = "null" if summary is None else json.dumps(run_dict(summary), ensure_ascii=False)
    return f'{{"run": {shown}, '


def run_csv(summary: RunSummary | None) -> str:
    """The summary's lines, one a row, and an empty row before the items' header."""
    if summary is None:
        return ""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=csv_style()[0], lineterminator="\r\n")
    writer.writerow([t("ui.run.title")])
    for line in summary.lines():
        writer.writerow([line])
    writer.writerow([])
    return out.getvalue()


def run_markdown(summary: RunSummary | None) -> str:
    if summary is None:
        return ""
    return "\n".join([f"## {t('ui.run.title')}", "", *(f"- {_md(line)}" for line in summary.lines()), "", ""])


# --- a report as a stream: a head, each unit's part (made where the unit was scored), a tail ------------

def no_ranking(ranking: Ranking) -> Iterable[str]:
    return ()


class TextReport(NamedTuple):
    """How one text format lays out a run: written as the units arrive, so a run over many workbooks keeps
    only their totals (for the ranking), whatever its size."""

    unit: Callable[[UnitScore], str]  # one unit's part; runs in the worker process that scored the unit
    head: str = ""
    joiner: str = ""
    tail: Callable[[Ranking], Iterable[str]] = no_ranking  # the ranking's text, piece by piece
    file_encoding: str = "utf-8"  # of a file written with -o
    parts_last: bool = False  # the units' parts after the ranking (short lines on a screen), not before
    opening: Callable[[RunSummary | None], str] | None = None  # many units: the run's summary, before all else


def json_report(many: bool) -> TextReport:
    """The JSON contract (`scoring.result`): one unit as itself, indented for people; several in `units`, then
    their ranking."""
    if not many:
        return TextReport(partial(unit_json, indent=2), tail=lambda ranking: ["\n"])
    return TextReport(unit_json, '"units": [', ", ", ranking_json, opening=run_json)


def csv_report(many: bool) -> TextReport:
    """One row per item; several units' rows, then their ranking. utf-8-sig: with the BOM, Excel opens the file as
    UTF-8 instead of garbling the Vietnamese."""
    return TextReport(unit_csv, head=csv_head(), file_encoding="utf-8-sig", tail=ranking_csv if many else no_ranking,
                      opening=run_csv if many else None)


def markdown_report(many: bool) -> TextReport:
    return TextReport(unit_markdown, joiner="\n", tail=ranking_markdown if many else no_ranking,
                      opening=run_markdown if many else None)


def write_report(out: TextIO, report: TextReport, parts: Iterable[tuple[str, UnitTotals]],
                 run: RunPlan | None = None) -> list[UnitTotals]:
    """Write the run's summary (many units), the head, each unit's part as it comes, then the tail with the ranking
    (made by `run`, else every unit in the block its workbook names); the units' totals."""
    if report.opening is not None:
        out.write(report.opening(run.summary if run is not None else None))
    out.write(report.head)
    totals: list[UnitTotals] = []
    held: list[str] = []
    for text, unit in parts:
        if totals and not report.parts_last:
            out.write(report.joiner)
        if report.parts_last:
            held.append(text)
        else:
            out.write(text)
        totals.append(unit)
    out.writelines(report.tail(run.rank(totals) if run is not None else build_ranking(totals)))
    out.write(report.joiner.join(part for part in held if part))
    return totals


def report_text(report: TextReport, units: list[UnitScore]) -> str:
    """A whole report of units already scored, as one string (for callers that hold the units)."""
    out = io.StringIO()
    write_report(out, report, ((report.unit(unit), unit.totals()) for unit in units))
    return out.getvalue()
