"""The hostile-input corpus of issue 27: files built to cost gigabytes or minutes, made at test time (no binaries).

Each `Hostile` case changes the XML of a valid workbook of every kind of sheet the tool reads (an evidence workbook,
a survey table, a list of units, last year's ranking, a criteria sheet) in one way, or is a JSON file or a file
system oddity, and names the code every reader must answer with. `tests/test_hostile.py` runs each through every
command that reads such a file, in a child process whose CPU time and peak memory it measures.

`python tests/hostile.py DIR` writes the corpus to DIR.
"""

from __future__ import annotations

import random
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "bad"))
import make_corpus
from make_corpus import Part, Sheet, book, xlsx_parts, zip_bytes

KINDS = ("evidence", "survey", "units", "previous", "criteria")
UNIT = "Sở Thử nghiệm"


def base(kind: str, unit: str = UNIT) -> list[Part]:
    """A valid workbook of one kind, for tests/fixtures/criteria/minimal.yaml's unit."""
    if kind == "evidence":
        return book(info={"unit": unit})
    sheets = {
        "survey": [Sheet("Điều tra", [["Đơn vị", "2.2.1"], [unit, "80%"]])],
        "units": [Sheet("Đơn vị", [["Đơn vị"], [unit]])],
        "previous": [Sheet("Kết quả", [["Đơn vị", "Điểm", "Xếp hạng"], [unit, 90, 1]])],
        "criteria": [Sheet("Bộ tiêu chí", [["Mã", "Nội dung", "Điểm tối đa", "Cách chấm"],
                                           ["1", "Nội dung", 1, "Có: 1 điểm"]]),
                     Sheet("Thông tin", [["Mã bộ chỉ số", "thu-nghiem"]])],
    }[kind]
    return xlsx_parts(sheets)


# --- what a case does to the workbook's parts ---------------------------------------------------------------

Change = Callable[[list[Part]], list[Part]]


def in_sheets(rows: bytes) -> Change:
    """`rows` (XML) appended to every sheet's data."""
    def change(parts: list[Part]) -> list[Part]:
        for part in parts:
            if part.name.startswith("xl/worksheets/"):
                part.data = part.data.replace(b"</sheetData>", rows + b"</sheetData>")
        return parts
    return change


def in_strings(strings: bytes, cells: Callable[[int], bytes] | None = None) -> Change:
    """`strings` (XML `<si>` elements) added to the shared strings; `cells(first)` (XML rows naming them from
    index `first`) added to every sheet."""
    def change(parts: list[Part]) -> list[Part]:
        shared = next(part for part in parts if part.name == "xl/sharedStrings.xml")
        first = shared.data.count(b"<si>")
        shared.data = shared.data.replace(b"</sst>", strings + b"</sst>")
        return in_sheets(cells(first))(parts) if cells else parts
    return change


def long_text(size: int, seed: int = 27) -> bytes:
    """Runs of one letter (20 to 80 long): compresses about 50:1, well under the zip-bomb ratio."""
    rnd = random.Random(seed)
    chunk = b"".join(bytes([rnd.choice(b"abcdefgh")]) * rnd.randint(20, 80) for _ in range(20_000))
    return (chunk * (size // len(chunk) + 1))[:size]


def huge_string(size: int) -> Change:
    """One shared string of `size` bytes, named by one cell; deflated a megabyte at a time (a full flush
    restarts the compressor, so one megabyte's bytes can be repeated), so a 150 MB part takes no time to make."""
    def change(parts: list[Part]) -> list[Part]:
        in_sheets(b'<row r="30"><c r="A30" t="s"><v>%d</v></c></row>' % _strings(parts))(parts)
        shared = next(part for part in parts if part.name == "xl/sharedStrings.xml")
        head, tail = shared.data.split(b"</sst>")[0] + b"<si><t>", b"</t></si></sst>"
        chunk, times = long_text(1 << 20), size >> 20
        squeeze = zlib.compressobj(6, zlib.DEFLATED, -15)
        raw = squeeze.compress(head) + squeeze.flush(zlib.Z_FULL_FLUSH)
        block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
        raw += block * times + squeeze.compress(tail) + squeeze.flush()
        crc = zlib.crc32(head)
        for _ in range(times):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(tail, crc)
        parts.remove(shared)
        parts.append(Part(shared.name, raw=raw, crc=crc, size=len(head) + len(chunk) * times + len(tail)))
        return parts
    return change


def _strings(parts: list[Part]) -> int:
    return next(part for part in parts if part.name == "xl/sharedStrings.xml").data.count(b"<si>")


def grid(rows: range, columns: range, cell: bytes) -> bytes:
    """Rows `rows` of cells in `columns` (0-based), each `cell` with `{ref}` its reference."""
    row = b"".join(cell.replace(b"{ref}", make_corpus.col_letter(c).encode() + b"%(row)d") for c in columns)
    return b"".join(b'<row r="%d">' % number + row % {b"row": number} + b"</row>" for number in rows)


def fan_out(rows: int, columns: int, length: int = 2000) -> Change:
    """rows × columns cells, every one naming one shared string of `length` characters."""
    return in_strings(b"<si><t>" + b"x" * length + b"</t></si>", lambda first: grid(
        range(40, 40 + rows), range(columns), b'<c r="{ref}" t="s"><v>%d</v></c>' % first))


def many_cells(count: int) -> Change:
    """`count` cells all at A1 (calamine keeps every one before it lays the sheet out)."""
    return in_sheets(b'<row r="1">' + b"".join(b'<c r="A1"><v>%d</v></c>' % (k % 99_991) for k in range(count))
                     + b"</row>")


def many_strings(count: int) -> Change:
    return in_strings(b"".join(b"<si><t>%d</t></si>" % k for k in range(count)))


# --- the cases ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """A hostile workbook: what it is, how it is made from each kind's valid workbook, the code every reader says
    (with its exit code), and whether it is made for the evidence reader only (the ones as large as the issue's)."""

    name: str
    what: str
    change: Change
    code: str
    exit: int
    kinds: tuple[str, ...] = KINDS

    def build(self, kind: str, path: Path, unit: str = UNIT) -> None:
        path.write_bytes(zip_bytes([_quickly(part) for part in self.change(base(kind, unit))]))


def _quickly(part: Part) -> Part:
    """A large part deflated at level 1: level 9 takes twenty seconds over the repetitive megabytes of a case."""
    if part.raw is not None or len(part.data) < 1 << 20:
        return part
    squeeze = zlib.compressobj(1, zlib.DEFLATED, -15)
    return Part(part.name, raw=squeeze.compress(part.data) + squeeze.flush(), crc=zlib.crc32(part.data),
                size=len(part.data))


FAR = b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>"
CASES = [
    Hostile("far-single-quotes", "one cell written <c r='XFD1048576'> (17 billion cells laid out)", in_sheets(FAR),
            "PW425", 1),
    Hostile("far-spaced", 'one cell written <c r = "XFD1048576">',
            in_sheets(b'<row r = "1048576"><c r = "XFD1048576"><v>1</v></c></row>'), "PW425", 1),
    Hostile("far-row-only", "one cell at SF1048576: the last column allowed, the last row (16 GB before)",
            in_sheets(b"<row r='1048576'><c r='SF1048576'><v>1</v></c></row>"), "PW425", 1),
    Hostile("far-lower-case", 'one cell written r="xfd1048576" (calamine reads lower case)',
            in_sheets(b'<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>'), "PW425", 1),
    Hostile("far-second-r", 'a cell written <c r="A1" r="XFD1048576"> (calamine reads the last)',
            in_sheets(b'<row r="1"><c r="A1" r="XFD1048576"><v>1</v></c></row>'), "PW425", 1),
    Hostile("far-prefixed", "a cell written <x:c r=\"XFD1048576\">, the namespace given a prefix",
            in_sheets(b'<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="1048576">'
                      b'<x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'), "PW425", 1),
    Hostile("implicit-wide", "600 cells in a row, none with r", in_sheets(
        b"<row r='2'>" + b"<c><v>1</v></c>" * 600 + b"</row>"), "PW427", 1),
    Hostile("implicit-rows", "25,000 rows, none with r", in_sheets(b"<row><c><v>1</v></c></row>" * 25_000),
            "PW425", 1),
    Hostile("area", "one cell at SF19999: within the row and column limits, 10 million cells laid out",
            in_sheets(b'<row r="19999"><c r="SF19999"><v>1</v></c></row>'), "PW428", 1),
    Hostile("many-cells", "1,001,000 cells all at A1", many_cells(1_001_000), "PW431", 1, kinds=("evidence",)),
    Hostile("fan-out", "750,000 cells naming one 2,000-character string (1.5 GB of text laid out)",
            fan_out(1500, 500), "PW433", 1, kinds=("evidence",)),
    Hostile("fan-out-small", "5,000 cells naming one 2,000-character string", fan_out(100, 50), "PW433", 1),
    Hostile("long-string", "one shared string of 30 MB", huge_string(30 << 20), "PW432", 1),
    Hostile("huge-string", "one shared string of 150 MB, compressed 50:1 (under the zip-bomb ratio)",
            huge_string(150 << 20), "PW413", 2, kinds=("evidence",)),
    Hostile("many-strings", "510,000 shared strings", many_strings(510_000), "PW414", 2, kinds=("evidence",)),
    Hostile("long-inline", "a cell of 40,000 characters, inline", in_sheets(
        b'<row r="31"><c r="M31" t="inlineStr"><is><t>' + long_text(40_000) + b"</t></is></c></row>"), "PW432", 1),
    Hostile("long-rich", "a cell of 2 runs of 20,000 characters", in_sheets(
        b'<row r="31"><c r="M31" t="inlineStr"><is><r><t>' + long_text(20_000) + b"</t></r><r><t>"
        + long_text(20_000, 7) + b"</t></r></is></c></row>"), "PW432", 1),
]

# JSON read as last year's ranking (`score --previous`) and as a result (`gap`): each text, and its code.
ROW = '{"ranking": [{"unit": "' + UNIT + '", "rank": RANK, "score": SCORE}]}'
JSON_CASES = {
    "rank-exponent": (ROW.replace("RANK", "1e999999").replace("SCORE", "90"), "PE312"),
    "deep": ('{"ranking": ' + "[" * 10_000 + "]" * 10_000 + "}", "PE313"),
    "digits": (ROW.replace("RANK", "1" * 5000).replace("SCORE", "90"), "PE312"),
    "score-1e30": (ROW.replace("RANK", "1").replace("SCORE", "1e30"), "PE312"),
    "nan": (ROW.replace("RANK", "1").replace("SCORE", "NaN"), "PE312"),
}


def make(folder: Path) -> dict[tuple[str, str], Path]:
    """Every case for every kind it is made for: (case, kind) → path."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for case in CASES:
        for kind in case.kinds:
            path = folder / f"{case.name}-{kind}.xlsx"
            case.build(kind, path)
            made[(case.name, kind)] = path
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for (name, kind), path in make(target).items():
        print(f"{path.stat().st_size:>12,}  {name} ({kind})")
