"""`--chart FILE.png`: a picture an officer can paste into a report (matplotlib, imported only when asked).

With a current self-assessment: attainment (% of the maximum of the items entered) by area now, against the
baseline year's where the baseline publishes area figures, each area labelled with its official rank. Without
one: the area ranks of the baseline year and the year before (1 = best). The reconstructed-set warning is
printed under the chart.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

from parindex.common.i18n import fmt_num, t
from parindex.gap.analysis import GapReport, criteria_note, entered


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # no display: works on servers and in CI
    import matplotlib.pyplot as plt

    return plt


def write_chart(report: GapReport, path: Path, force: bool = False) -> None:
    plt = _pyplot()
    _save(plt, _figure(plt, report), path, force)


def chart_png(report: GapReport) -> bytes:
    """The chart as PNG bytes, for a document that embeds it."""
    from io import BytesIO

    plt = _pyplot()
    fig, out = _figure(plt, report), BytesIO()
    try:
        fig.savefig(out, format="png")
    finally:
        plt.close(fig)
    return out.getvalue()


def _figure(plt: Any, report: GapReport) -> Any:
    o = report.official
    if not o.areas or (report.current is None and not any(a.rank for a in o.areas)):
        return _words_only(plt, report)  # a year without area figures: said, not an empty axis
    areas = sorted(o.areas, key=lambda a: int(a.code), reverse=True)  # area 1 at the top
    labels = ["\n".join(textwrap.wrap(f"{a.code}. {a.name}", 34)) for a in areas]
    fig, ax = plt.subplots(figsize=(9, 1.0 + 0.62 * len(areas)), dpi=150)
    positions = list(range(len(areas)))
    if report.current is not None:
        done = [entered(report, a) for a in areas]
        # the bar is what is banked of the area's whole maximum; the items not entered are a hatched end of it, so
        # an area whose entered items are all full but some are blank never reads 100 %
        now = [_share(a.now.score, a.now.max) if a.now else 0.0 for a in areas]
        blank = [100 - _share(d.max, a.now.max) if d and a.now else 0.0 for d, a in zip(done, areas, strict=True)]
        then = [float(a.baseline_percent) if a.baseline_percent is not None else None for a in areas]
        height = 0.38 if any(v is not None for v in then) else 0.6
        mine = [p + (height / 2 if height < 0.6 else 0) for p in positions]
        bars = ax.barh(mine, now, height=height, color="#2b6cb0", label=t("ui.gap.chart_now"))
        hatched = [(p, b) for p, b in zip(mine, blank, strict=True) if b]
        if hatched:
            ax.barh([p for p, _ in hatched], [b for _, b in hatched], left=[100 - b for _, b in hatched],
                    height=height, color="none", edgecolor="#2b6cb0", hatch="///", linewidth=0.6,
                    label=t("ui.gap.chart_blank_legend"))
        if any(v is not None for v in then):
            ax.barh([p - height / 2 for p in positions], [v or 0.0 for v in then], height=height, color="#a0aec0",
                    label=str(o.year))
        for bar, area, share, part in zip(bars, areas, now, done, strict=True):
            if part is not None and part.percent is None:
                label = t("ui.gap.chart_none_entered", n=part.blank)
            elif part and part.blank:  # the share of the entered items, said as such, and how much is blank
                label = t("ui.gap.chart_entered", share=fmt_num(Decimal(str(share)), 1),
                          entered=fmt_num(part.percent, 1), n=part.blank)
            else:
                label = f"{fmt_num(Decimal(str(share)), 1)}%"
            if area.rank:  # on the first line: a second one says what was entered
                first, _, rest = label.partition("\n")
                label = f"{first}  ·  {o.year}: {t('ui.gap.chart_rank_label', rank=area.rank)}" + (
                    f"\n{rest}" if rest else "")
            ax.text(max(bar.get_width(), 100 if part and part.blank else 0) + 1, bar.get_y() + bar.get_height() / 2,
                    label, va="center", fontsize=8)
        ax.set_xlim(0, 175)  # room for the labels right of a full bar
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.set_xlabel(t("ui.gap.chart_axis"))
        ax.set_title(t("ui.gap.chart_title", unit=o.unit.name), loc="left", fontsize=11)
    else:
        units = o.total_units
        score = [units + 1 - a.rank if a.rank else 0 for a in areas]  # longer bar = better rank
        bars = ax.barh(positions, score, height=0.6, color="#2b6cb0", label=str(o.year))
        for bar, area in zip(bars, areas, strict=True):
            text = t("ui.gap.chart_rank_label", rank=area.rank) if area.rank else t("ui.gap.no_rank")
            if area.previous_rank:
                text += f" ({o.year - 1}: {area.previous_rank})"
            ax.text(bar.get_width() + 0.5, bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=8)
        ax.set_xlim(0, units * 1.35)
        ax.set_xticks([units + 1 - r for r in (units, units // 2, 10, 1) if r >= 1])
        ax.set_xticklabels([str(r) for r in (units, units // 2, 10, 1) if r >= 1])
        ax.set_xlabel(t("ui.gap.chart_rank_axis", units=units))
        ax.set_title(t("ui.gap.chart_ranks", unit=o.unit.name) + f" — {o.year}", loc="left", fontsize=11)
    ax.set_yticks(positions)
    ax.set_yticklabels(labels, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper right", bbox_to_anchor=(1, -0.08), ncol=3, fontsize=8, frameon=False)  # under the bars
    banner = criteria_note(report.criteria)
    if banner:
        fig.text(0.01, 0.005, "\n".join(textwrap.wrap(banner.text(), 150)), fontsize=6.5, color="#b7791f",
                 va="bottom")
    fig.tight_layout(rect=(0, 0.06 if banner else 0, 1, 1))
    return fig


def _share(part: Decimal, whole: Decimal) -> float:
    return float(part * 100 / whole) if whole else 0.0


def _words_only(plt: Any, report: GapReport) -> Any:
    """The picture of a year that publishes no area figures: the title, why there are no bars, the areas known."""
    o = report.official
    key = "ui.gap.no_area_figures" if not o.areas else "ui.gap.chart_no_ranks"
    lines = textwrap.wrap(t(key, year=o.year, unit=o.unit.name), 110)
    lines += [""] + ["\n".join(textwrap.wrap(f"{a.code}. {a.name}", 110)) for a in
                     sorted(o.areas, key=lambda a: int(a.code))]
    fig = plt.figure(figsize=(9, 1.4 + 0.3 * len(lines)), dpi=150)
    fig.text(0.02, 0.96, t("ui.gap.chart_ranks", unit=o.unit.name) + f" — {o.year}", fontsize=11, va="top")
    fig.text(0.02, 0.84, "\n".join(lines), fontsize=9, va="top")
    banner = criteria_note(report.criteria)
    if banner:
        fig.text(0.02, 0.02, "\n".join(textwrap.wrap(banner.text(), 150)), fontsize=6.5, color="#b7791f",
                 va="bottom")
    return fig


def _save(plt: Any, fig: Any, path: Path, force: bool) -> None:
    from parindex.io.atomic import write_atomic

    def save(tmp: Path) -> None:
        fig.savefig(tmp, format="png")

    try:
        write_atomic(path, save, force)
    finally:
        plt.close(fig)
