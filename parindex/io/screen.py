"""How what parindex prints fits where it goes.

On a terminal a message wraps between words only, never inside a value it names (a path, a name, a code, a
number), and a table too wide for the window sheds its least useful columns, saying which, in one line. In a pipe
or a file nothing is wrapped: a message is one line and a table is laid out at its natural width, so that a log,
`grep` and a script see whole lines whatever the width of the window they ran in.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleDimensions, ConsoleOptions, ConsoleRenderable, RenderHook
from rich.segment import Segment
from rich.text import Text

from parindex.common.i18n import t
from parindex.common.safe_text import SHOWN_LIMIT, shown, steer_free

if TYPE_CHECKING:  # rich.table costs a command that prints only a line 14 ms to import: it waits for a table
    from rich.table import Table

    from parindex.common.messages import Message

NATURAL_WIDTH = 10_000  # the width a pipe or a file is laid out for: no table or line of ours is that wide


def on_terminal(console: Console) -> bool:
    """Whether `console` writes to a terminal — the device itself, whatever FORCE_COLOR says about colours."""
    isatty = getattr(console.file, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream (the end of a test run): no terminal any more
        return False


class Screen(Console):
    """A console laid out for the terminal it writes to, and at natural width anywhere else (a pipe, a file).
    Nothing it prints steers the terminal: every text goes through `steer_free` as it is drawn (an escape sequence
    in a unit's name, wherever a table or a line shows it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.push_render_hook(_SteerFree())

    @property  # type: ignore[misc]  # read-only here: nothing sets the size of these consoles
    def size(self) -> ConsoleDimensions:
        size = super().size
        return size if on_terminal(self) else ConsoleDimensions(NATURAL_WIDTH, size.height)


def literal(text: str, limit: int = SHOWN_LIMIT) -> str:
    """Text read from a file, put into rich markup: shown as written (its brackets are never markup), on one line
    without a character that steers the terminal, cut at `limit` characters (`common.safe_text.shown`)."""
    from rich.markup import escape

    return escape(shown(text, limit))


class _SteerFree(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Drawn(renderable) for renderable in renderables]


class _Drawn:
    """A renderable drawn as it would be, less what would steer the terminal (rich's own controls kept)."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.renderable, options):
            yield segment if segment.control else Segment(steer_free(segment.text), segment.style)


def recorder() -> Screen:
    """A console that records plain text for a file (`export_text()`), at natural width."""
    return Screen(record=True, file=io.StringIO(), highlight=False, color_system=None, force_terminal=False)


# --- messages: lines --------------------------------------------------------------------------------------

def fitted(text: str | Text, width: int | None, whole: Iterable[object] = (), style: str = "") -> Text:
    """`text` as a Text that no console wraps again: broken into lines of `width` cells (None or NATURAL_WIDTH:
    never) at spaces only — a word longer than the line keeps its own line whole — and never at a space inside one
    of the values in `whole` (a path or a name the text quotes)."""
    shown = Text(text, style=style) if isinstance(text, str) else text
    shown.no_wrap, shown.overflow = True, "ignore"
    plain = shown.plain
    if width is None or width >= NATURAL_WIDTH or ("\n" not in plain and cell_len(plain) <= width):
        return shown
    breaks = _breaks(plain, width, [str(value) for value in whole])
    pieces = shown.divide(breaks)
    lines = [pieces[0], *(piece[1:] for piece in pieces[1:])]  # each later piece starts with the space it broke at
    return Text("\n", no_wrap=True, overflow="ignore").join(lines)


def quoted(*messages: Message) -> list[object]:
    """The values the messages quote (their places and parameters): what `fitted` keeps whole."""
    return [value for message in messages for value in (message.where or "", *message.params.values())]


def _breaks(plain: str, width: int, whole: list[str]) -> list[int]:
    """The spaces of `plain` to turn into line breaks: greedy, from the left; an existing line break starts afresh."""
    kept = [(start, start + len(value)) for value in whole if " " in value
            for start in _occurrences(plain, value)]
    spaces = [i for i, char in enumerate(plain)
              if char == " " and not any(start <= i < end for start, end in kept)]
    breaks: list[int] = []
    start, last = 0, None  # where the current line starts; the last space it could break at
    for i in [*spaces, len(plain)]:
        newline = plain.rfind("\n", start, i)
        if newline >= 0:
            start, last = newline + 1, None
        if last is not None and cell_len(plain[start:i]) > width:
            breaks.append(last)
            start = last + 1
        last = i
    return breaks


def _occurrences(text: str, value: str) -> list[int]:
    found, at = [], text.find(value)
    while at >= 0:
        found.append(at)
        at = text.find(value, at + 1)
    return found


# --- tables: fit or shed ----------------------------------------------------------------------------------

def two_lines(names: Iterable[str]) -> int:
    """The width in which every name takes at most two lines, broken between words."""
    def narrowest(name: str) -> int:
        words = name.split(" ")
        splits = [max(cell_len(" ".join(words[:n])), cell_len(" ".join(words[n:]))) for n in range(1, len(words))]
        return min(splits, default=cell_len(name))
    return max(map(narrowest, names), default=1)


def shed(build: Callable[[Sequence[str]], Table], sheddable: Sequence[str], width: int) -> tuple[Table, list[str]]:
    """The table `build` makes without the columns named in its argument, laid out for `width` cells: the keys of
    `sheddable` (least useful first) are left out, one by one, until every column can have its minimum — its
    longest word, or its `min_width` (a unit's name in two lines). Returns the table and what was left out. At
    natural width (a pipe, a file) nothing is; on a terminal narrower than the columns that cannot go, what is left
    is squeezed."""
    hidden: list[str] = []
    table = build(hidden)
    if _width(table, _widest(table)) <= width:  # it fits whatever rich measures (always, in a pipe or a file)
        return table, hidden
    # highlighting styles a cell and leaves its width alone: measured without it
    measurer = Console(width=NATURAL_WIDTH, file=io.StringIO(), color_system=None, highlight=False)
    spans = _spans(table, measurer)
    for key in sheddable:
        if _width(table, [low for low, _ in spans]) <= width:
            break
        hidden.append(key)
        table = build(hidden)
        spans = _spans(table, measurer)
    if _width(table, [high for _, high in spans]) > width:
        _narrow(table, spans, width)
    return table, hidden


def _spans(table: Table, console: Console) -> list[tuple[int, int]]:
    """Each column's narrowest (its longest word, or its min_width; a column that does not wrap, its natural width)
    and natural width, without padding."""
    from rich.measure import Measurement

    options = console.options
    spans = []
    for column in table.columns:
        cells = [column.header, *column.cells]
        sizes = [Measurement.get(console, options, console.render_str(cell) if isinstance(cell, str) else cell)
                 for cell in cells]
        high = max(size.maximum for size in sizes)
        low = high if column.no_wrap else max(max(size.minimum for size in sizes), column.min_width or 0)
        high = max(high, low)
        if column.max_width is not None:
            low, high = min(low, column.max_width), min(high, column.max_width)
        spans.append((low, high))
    return spans


def _widest(table: Table) -> list[int]:
    """Each column's natural width at most, without measuring a cell: a character takes at most two cells, and
    markup and emoji codes only shorten text. A cell of another kind counts as too wide."""
    def widest(cell: object) -> int:
        if isinstance(cell, str):
            return 2 * len(cell)
        return cell_len(cell.plain) if isinstance(cell, Text) else NATURAL_WIDTH
    bounds = []
    for column in table.columns:
        bound = max(max(map(widest, [column.header, *column.cells])), column.min_width or 0)
        bounds.append(bound if column.max_width is None else min(bound, column.max_width))
    return bounds


def _width(table: Table, widths: Sequence[int]) -> int:
    """The table's width when its columns' contents are `widths` wide: with padding and borders."""
    padding = table.padding[1] + table.padding[3]
    borders = (len(widths) - 1 + 2 * table.show_edge) if table.box else 0
    return sum(widths) + padding * len(widths) + borders


def _narrow(table: Table, spans: Sequence[tuple[int, int]], width: int) -> None:
    """Fix each column's width so that the table is `width` wide: each at least its narrowest; of the room left, a
    column that wants little (a name, a grade) gets all it wants, and those that want more (notes) share the rest.
    (rich, left to itself, narrows the widest columns first, and would break a word, or a name into more than two
    lines, while other columns still had room to give.)"""
    lows = [low for low, _ in spans]
    wants = [high - low for low, high in spans]
    room = width - _width(table, lows)
    if room < 0:  # narrower than what cannot be left out: rich squeezes the columns that wrap, names too
        for column in table.columns:
            column.min_width = None
        return
    shares = [0] * len(wants)
    for placed, index in enumerate(sorted(range(len(wants)), key=lambda i: wants[i])):
        shares[index] = min(wants[index], room // (len(wants) - placed))
        room -= shares[index]
    for column, low, share in zip(table.columns, lows, shares, strict=True):
        column.width = low + share


def narrow_note(shed_columns: Sequence[str], width: int) -> list[Text]:
    """The line under tables that left columns out, saying which and how to see them all; none when none were."""
    if not shed_columns:
        return []
    return [fitted(t("ui.table.narrow", columns=", ".join(shed_columns)), width, shed_columns, style="dim")]
