"""Check the documents parindex writes as a person would: open each in LibreOffice and print it to PDF.

    python bench/print_check.py                 # into a temporary folder, removed afterwards
    python bench/print_check.py --keep DIR      # keep the documents, their PDFs and page images (pdftoppm)
    python bench/print_check.py --json figures.json

Writes, from the bundled sample (evidence_samples/bac-giang-2020.xlsx) and the synthetic districts, the
self-assessment report (docx, Vietnamese and English), the improvement plan (docx), the ranking annex of the
synthetic province's 127 units (docx, with its survey tables and last year's results), the score report, the
ranking of eight districts and the synthetic province's whole workbook (its ranking's and units' pages
apart), the gap workbook, the template, the criteria export and the progress of the
template's parts by lead agency (xlsx); converts each with
`soffice --headless --convert-to pdf` (Debian: libreoffice-writer, libreoffice-calc) and prints, per
document: its pages, their size and orientation, the fonts the PDF embeds, the typical size of the body
text in points, and for a workbook whether any page lost the first column of its sheet (a sheet split
across pages by columns: a page that shows neither the header's first cell nor the sheet's first value).

Body size: the median height of the words on the pages (pdftotext -bbox), turned into points with the ratio
measured on the Word report, whose body is 13 pt by construction.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "evidence_samples" / "bac-giang-2020.xlsx"
DISTRICTS = ROOT / "evidence_samples" / "synthetic-districts"
PROVINCE = ROOT / "evidence_samples" / "synthetic-province-2026"
BLOCKS = ("so", "phuong", "xa")
ANNEX = [*(str(PROVINCE / block) for block in BLOCKS),
         *(arg for block in BLOCKS for arg in ("--survey", str(PROVINCE / f"dieu-tra-{block}-2026.xlsx"),
                                               "--previous", str(PROVINCE / f"ket-qua-2025-{block}.json")))]
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def documents(folder: Path) -> dict[str, Path]:
    """Write each document with the installed parindex; name → path."""
    runs = {
        "report.docx": ["score", str(SAMPLE)],
        "report-en.docx": ["--lang", "en", "score", str(SAMPLE)],
        "plan.docx": ["gap", str(SAMPLE), "--year", "2020"],
        "annex.docx": ["score", *ANNEX],
        "score.xlsx": ["score", str(SAMPLE)],
        "ranking.xlsx": ["score", str(DISTRICTS)],
        "province.xlsx": ["score", *(str(PROVINCE / block) for block in BLOCKS)],  # 127 units, as issue 24 ran it
        "gap.xlsx": ["gap", str(SAMPLE), "--year", "2020"],
        "template.xlsx": ["template", "par-province-2020", "--unit", "UBND tỉnh Bắc Giang", "--year", "2020"],
        "criteria.xlsx": ["criteria", "export", "par-province-2020"],
        "progress.xlsx": ["progress", str(folder / "parts")],  # the parts below, as sent back unfilled
    }
    parts = ["template", "par-province-2020", "--by-lead", "--unit", "UBND tỉnh Bắc Giang", "--year", "2020",
             "-o", str(folder / "parts")]
    subprocess.run([sys.executable, "-m", "parindex", *parts], capture_output=True, check=True)
    made = {}
    for name, argv in runs.items():
        path = folder / name
        done = subprocess.run([sys.executable, "-m", "parindex", *argv, "-o", str(path)], capture_output=True,
                              text=True)
        if done.returncode not in (0, 1) or not path.exists():
            raise SystemExit(f"{name}: parindex {' '.join(argv)} failed:\n{done.stderr}")
        made[name] = path
    return made


def to_pdf(paths: list[Path], folder: Path) -> None:
    profile = folder / "lo-profile"  # its own profile: no clash with a LibreOffice the user has open
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, paths)], capture_output=True, check=True, timeout=600)


def pages(pdf: Path) -> list[tuple[tuple[float, float], list[tuple[float, float, str]]]]:
    """Per page: its size in points, and its words as (x, height, text)."""
    text = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for chunk in text.split("<page ")[1:]:
        size = PAGE.match("<page " + chunk)
        assert size is not None
        words = [(float(x0), float(y1) - float(y0), word) for x0, y0, _, y1, word in WORD.findall(chunk)]
        found.append(((float(size[1]), float(size[2])), words))
    return found


def fonts(pdf: Path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return sorted({line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()})


def first_cells(xlsx: Path) -> set[str]:
    """The words a page of each sheet starts its rows with: the first cell of its repeated header row (or of
    the sheet), first word only, as pdftotext splits words."""
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=False)
    firsts = set()
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        titles = sheet.print_title_rows
        row = int(titles.split(":")[-1].strip("$")) if titles else 1
        value = sheet.cell(row, 1).value
        if value not in (None, ""):
            firsts.add(str(value).split()[0])
    return firsts


def sheet_pages(xlsx: Path, pdf: Path, folder: Path) -> dict[str, int]:
    """A ranking workbook's pages by sheet: the ranking's (each page opens with its repeated title) and the units'
    (the workbook's pages less those of a copy without the unit sheets), and the number of units."""
    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    units = [sheet for sheet in book.worksheets[1:] if sheet.cell(3, 1).value == "STT"]
    title = str(book.worksheets[0].cell(1, 1).value)[:20]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    ranking = sum(page.lstrip().startswith(title) for page in text.split("\f"))
    for sheet in units:
        book.remove(sheet)
    rest = folder / "rest" / xlsx.name
    rest.parent.mkdir(exist_ok=True)
    book.save(rest)
    to_pdf([rest], rest.parent)
    return {"ranking_pages": ranking, "unit_pages": len(pages(pdf)) - len(pages(rest.with_suffix(".pdf"))),
            "units": len(units)}


def check(folder: Path) -> dict[str, dict[str, object]]:
    made = documents(folder)
    to_pdf(list(made.values()), folder)
    figures: dict[str, dict[str, object]] = {}
    ratio = None
    for name, path in made.items():
        pdf = path.with_suffix(".pdf")
        laid = pages(pdf)
        heights = [h for _, words in laid for _, h, word in words if len(word) > 1]
        median = statistics.median(heights) if heights else 0.0
        if ratio is None and name == "report.docx":  # page 1 is body text, 13 pt: the ruler for the others
            ratio = statistics.median(h for _, h, word in laid[0][1] if len(word) > 1) / 13
        sizes = sorted({f"{round(w / 2.835)}×{round(h / 2.835)} mm" for (w, h), _ in laid})
        entry: dict[str, object] = {"pages": len(laid), "page_sizes": sizes, "fonts": fonts(pdf),
                                    "body_pt": round(median / ratio, 1) if ratio else None}
        if path.suffix == ".xlsx":
            firsts = first_cells(path)
            entry["pages_without_first_column"] = sum(
                1 for _, words in laid if not any(word in firsts for _, _, word in words))
            if name in ("ranking.xlsx", "province.xlsx"):
                entry.update(sheet_pages(path, pdf, folder))
        figures[name] = entry
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="write the documents, PDFs and PNG pages here and keep them")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    for tool in ("soffice", "pdftotext", "pdffonts"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed (Debian: libreoffice-writer libreoffice-calc poppler-utils)")
            return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        figures = check(folder)
        if args.keep and shutil.which("pdftoppm"):
            for pdf in folder.glob("*.pdf"):
                subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True)
    print(f"{'document':<16} {'pages':>5}  {'page':<22} {'body':>7}  {'split':>5}  fonts")
    for name, entry in figures.items():
        split = entry.get("pages_without_first_column", "")
        print(f"{name:<16} {entry['pages']:>5}  {', '.join(entry['page_sizes']):<22} "  # type: ignore[arg-type]
              f"{entry['body_pt']!s:>4} pt  {split!s:>5}  {', '.join(entry['fonts'])}")  # type: ignore[arg-type]
    for name, entry in figures.items():
        if "ranking_pages" in entry:
            print(f"{name}: ranking sheet {entry['ranking_pages']} pages, {entry['units']} units' sheets "
                  f"{entry['unit_pages']} pages")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
