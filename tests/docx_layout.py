"""A Word document described canonically, line by line, so two writers of the same document can be compared and a
difference says where it is: which part, which body paragraph or table, which row.

Every part of the package is described: `word/document.xml` one line per body paragraph and per table row (its text,
and a `~shape` naming the element's XML with the text left out, each shape spelled out once at the end), the styles
that the documents use in full and the rest of `word/styles.xml` by its hash, a picture by its size in pixels
(matplotlib's bytes differ from version to version), the other parts by their canonical XML (or its hash when
long). XML is canonical: namespaces by their usual prefixes, attributes sorted, so the same document always reads the
same, however it was serialised.

`python tests/docx_layout.py --write` writes the snapshots of tests/golden/docx/ anew (after a change to what the
documents show that is meant).
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import sys
import zipfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "docx"
SAMPLES = ROOT / "evidence_samples"
PROVINCE = SAMPLES / "synthetic-province-2026"

PREFIXES = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
    "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
    "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
    "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INLINE_PART = 3000  # a part whose canonical XML is longer is described by its hash
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
LONG_TEXT = 60  # a text longer than this is shown by its start and its hash
STYLES_SHOWN = ("Normal", "TableGrid", "TableNormal")  # the styles the documents rely on, described in full


def _name(tag: str) -> str:
    if tag.startswith("{"):
        uri, local = tag[1:].split("}")
        return f"{PREFIXES.get(uri, '{' + uri + '}')}:{local}"
    return tag


def canonical(element: etree._Element, blank: bool = False) -> str:
    """`element` as canonical XML text; `blank`: the text of every w:t left out (the element's shape)."""
    if not isinstance(element.tag, str):  # a comment or processing instruction (none is expected)
        return etree.tostring(element, with_tail=False).decode()
    attributes = "".join(f' {name}="{escape(value, {chr(34): "&quot;"})}"'
                         for name, value in sorted((_name(k), v) for k, v in element.attrib.items()))
    text = "…" if blank and element.tag == f"{W}t" else escape(element.text or "")
    inner = "".join(canonical(child, blank) + escape(child.tail or "") for child in element)
    return f"<{_name(element.tag)}{attributes}>{text}{inner}</{_name(element.tag)}>"


def _sha(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()[:12]


def _text(element: etree._Element) -> str:
    """What a reader sees of `element`: its runs' text, a tab and a line break as such."""
    parts = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        parts.append(node.text or "" if node.tag == f"{W}t" else "\t" if node.tag == f"{W}tab" else "\n")
    return "".join(parts)


def _shown(text: str) -> str:
    if len(text) > LONG_TEXT:
        text = f"{text[:40]}…#{_sha(text)}"
    return json.dumps(text, ensure_ascii=False)


class _Shapes:
    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def __call__(self, element: etree._Element) -> str:
        xml = canonical(element, blank=True)
        key = _sha(xml)
        self.seen.setdefault(key, xml)
        return key


def _body(root: etree._Element, texts: Callable[[str], str]) -> list[str]:
    shapes, lines = _Shapes(), []
    body = root.find(f"{W}body")
    lines.append(f"document ~{shapes(etree.Element(root.tag, nsmap=root.nsmap, attrib=root.attrib))}")
    for n, block in enumerate(body):
        if block.tag == f"{W}tbl":
            head = etree.Element(block.tag)
            head.extend(etree.fromstring(etree.tostring(child)) for child in block if child.tag != f"{W}tr")
            lines.append(f"{n} table ~{shapes(head)}")
            for r, row in enumerate(block.iterfind(f"{W}tr")):
                cells = " | ".join(_shown(texts(_text(cell))) for cell in row.iterfind(f"{W}tc"))
                lines.append(f"{n}.{r} row ~{shapes(row)} {cells}")
        else:
            name = _name(block.tag) if isinstance(block.tag, str) else "comment"
            lines.append(f"{n} {name} ~{shapes(block)} {_shown(texts(_text(block)))}")
    return lines + [f"shape {key} {xml}" for key, xml in shapes.seen.items()]


def _styles(root: etree._Element) -> list[str]:
    lines = [f"styles all #{_sha(canonical(root))}"]
    defaults = root.find(f"{W}docDefaults")
    if defaults is not None:
        lines.append(f"styles docDefaults {canonical(defaults)}")
    for style in root.iterfind(f"{W}style"):
        if style.get(f"{W}styleId") in STYLES_SHOWN:
            lines.append(f"styles {style.get(f'{W}styleId')} {canonical(style)}")
    return lines


def _png_size(data: bytes) -> str:
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        width, height = struct.unpack(">II", data[16:24])
        return f"png {width}x{height} px"
    return f"#{_sha(data)}"


def _dated(xml: str) -> str:
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<date>", xml)


def describe(path: Path, texts: Callable[[str], str] = lambda line: line) -> list[str]:
    """The document at `path`, one line per thing that can differ; `texts` normalises what depends on the run
    (today's date, a temporary folder) in every line."""
    lines: list[str] = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(package.namelist()):
            data = package.read(name)
            if not name.endswith((".xml", ".rels")):
                lines.append(f"part {name} {_png_size(data) if name.endswith('.png') else '#' + _sha(data)}")
                continue
            root = etree.fromstring(data)
            if name == "word/document.xml":
                lines += [f"part {name}"] + [f"  {line}" for line in _body(root, texts)]
            elif name == "word/styles.xml":
                lines += [f"part {name}"] + [f"  {line}" for line in _styles(root)]
            else:
                xml = _dated(canonical(root))
                lines.append(f"part {name} {xml if len(xml) <= INLINE_PART else '#' + _sha(xml)}")
    return [_one_line(texts(line)) for line in lines]


def _one_line(line: str) -> str:
    """`line` kept on one line of the snapshot (str.splitlines also breaks at these)."""
    return LINE_BREAKS.sub(lambda match: f"\\u{ord(match.group()):04x}", line)


# --- the documents snapshot (tests/golden/docx/): made by the command line as a user makes them ----------------

def _today(line: str) -> str:
    for day in {date.today()}:
        line = line.replace(day.strftime("%d/%m/%Y"), "<today>")
    return line


def _score(*args: str) -> Callable[[Path], int]:
    def make(out: Path) -> int:
        from parindex.cli.app import run

        return run(["score", *args, "-o", str(out)])
    return make


def _gap(out: Path) -> int:
    from parindex.cli.app import run

    return run(["gap", "--year", "2020", str(SAMPLES / "bac-giang-2020.xlsx"), "-f", "docx", "-o", str(out)])


def _hostile(out: Path) -> int:
    """A table of what officers' text may hold: spaces at either end, tabs, line breaks, XML's own characters,
    characters XML cannot hold, a bad byte, an empty cell; bold rows; the dense size and padding."""
    from parindex.io import docx_document as docx

    texts = [" lead", "trail ", "a\tb\tc", "one\ntwo\r\nthree\rfour", "<&>\"' ]]>", "\x0b\x00ctl\x1f",
             "bad \udcff byte", "", "\xa0nbsp\xa0", "Việt  Nam", "\t", "\n", " ", "x" * 300, "\u2028sep\x85"]
    doc = docx.new_document(wide=True)
    docx.centred(doc, "bảng")
    columns = [docx.Column("A<&>", 30), docx.Column("B", 20, True), docx.Column(" C ", 40)]
    rows = [[texts[n % len(texts)], texts[(n + 1) % len(texts)], texts[(n + 2) % len(texts)]]
            for n in range(len(texts))]
    docx.table(doc, columns, rows, [n % 3 == 0 for n in range(len(rows))], size=11, padding_mm=0.6)
    docx.table(doc, columns[:2], [])
    docx.save(doc, out, False)
    return 0


PROVINCE_ARGS = (*[str(PROVINCE / block) for block in ("so", "phuong", "xa")],
                 *[a for b in ("so", "phuong", "xa") for a in ("--survey", str(PROVINCE / f"dieu-tra-{b}-2026.xlsx"))],
                 *[a for b in ("so", "phuong", "xa") for a in ("--previous", str(PROVINCE / f"ket-qua-2025-{b}.json"))])
CASES: dict[str, tuple[Callable[[Path], int], int]] = {  # snapshot name: how it is made, the exit code expected
    "ranking-province": (_score(*PROVINCE_ARGS), 1),  # three units' workbooks have slips (the README)
    "ranking-districts": (_score(str(SAMPLES / "synthetic-districts")), 0),
    "report-bac-giang-2020": (_score(str(SAMPLES / "bac-giang-2020.xlsx")), 0),
    "report-department": (_score(str(PROVINCE / "so" / "so-001.xlsx")), 1),  # a slip: the notices table
    "gap-plan-bac-giang-2020": (_gap, 0),
    "table-hostile-text": (_hostile, 0),
}


def made(name: str, folder: Path) -> list[str]:
    """The snapshot `name` made now, in `folder`, described."""
    from parindex.common.i18n import set_lang

    make, code = CASES[name]
    out = folder / f"{name}.docx"
    set_lang(None)
    assert make(out) == code, name
    set_lang(None)
    # the run summary names the files as typed: here, under the clone, wherever it is
    return describe(out, lambda line: _today(line.replace(str(folder), "<tmp>").replace(str(ROOT), "<repo>")))


def write(names: Iterable[str] = CASES) -> None:
    import tempfile

    GOLDEN.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            (GOLDEN / f"{name}.txt").write_text("\n".join(made(name, Path(folder))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/docx_layout.py --write")
    write()
