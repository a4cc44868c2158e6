"""The README and docs/ name the code as it is: no module that is gone, none left out of the layer list.

A module is named as `parindex.scoring.engine` or `parindex/scoring/engine.py` anywhere, or, in backticks,
relative to the package: `scoring.engine`, `scoring/engine.py` (a dotted name may go on to an attribute:
`gap.plan.plan_blocks`). A subpackage below a layer named as a folder (`cli/commands/`) stands for its modules.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "parindex"
LAYERS = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
ARCHITECTURE = ROOT / "docs" / "architecture.md"

_LAYER = "(?:" + "|".join(LAYERS) + ")"
_DOTTED = re.compile(r"(?<![\w./-])parindex(?:\.[a-z_][a-z0-9_]*)+")
_PATH = re.compile(r"(?<![\w./-])parindex(?:/[a-z_][a-z0-9_]*)+(?:\.py|/)")
_RELATIVE_DOTTED = re.compile(rf"`({_LAYER}(?:\.[a-z_][a-z0-9_]*)+)`")
_RELATIVE_PATH = re.compile(rf"`({_LAYER}(?:/[a-z_][a-z0-9_]*)*(?:\.py|/))`")
_FILE_SUFFIXES = {"py", "json", "yaml", "yml", "md", "txt", "csv", "xlsx", "docx", "png", "lock", "toml"}


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def named(text: str) -> set[str]:
    """Every module, attribute or folder of the package the text names, as a dotted name from `parindex`;
    a folder ends in a dot. A dotted name ending like a file (`criteria.schema.json`) is a file's name, unless
    it is a module's (`scoring.xlsx`)."""
    dotted = _DOTTED.findall(text) + [f"parindex.{name}" for name in _RELATIVE_DOTTED.findall(text)]
    names = {name for name in dotted if name.rsplit(".", 1)[-1] not in _FILE_SUFFIXES
             or ROOT.joinpath(*name.split(".")).with_suffix(".py").is_file()}
    paths = _PATH.findall(text) + [f"parindex/{path}" for path in _RELATIVE_PATH.findall(text)]
    for path in paths:
        names.add(path.removesuffix(".py").replace("/", ".") if path.endswith(".py") else path.replace("/", "."))
    return names


def exists(name: str) -> bool:
    """A module or package; a folder of the package (`parindex.cli.commands.`); or a module's attribute."""
    if name.endswith("."):
        return (ROOT / name.rstrip(".").replace(".", "/")).is_dir()
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        path = ROOT.joinpath(*parts[:cut])
        if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
            target: object = importlib.import_module(".".join(parts[:cut]))
            for attribute in parts[cut:]:
                if not hasattr(target, attribute):
                    return False
                target = getattr(target, attribute)
            return True
    return False


def development_section(readme: str) -> str:
    start = readme.index("\n## Development")
    end = readme.find("\n## ", start + 1)
    return readme[start:end if end != -1 else len(readme)]


def test_every_module_the_readme_and_docs_name_exists() -> None:
    missing = {f"{doc.relative_to(ROOT)}: {name}" for doc in documents()
               for name in named(doc.read_text(encoding="utf-8")) if not exists(name)}
    assert not missing, "named but not in the code:\n" + "\n".join(sorted(missing))


def test_every_module_is_named_in_the_readmes_development_section_or_docs_architecture() -> None:
    text = development_section((ROOT / "README.md").read_text(encoding="utf-8"))
    if ARCHITECTURE.exists():
        text += ARCHITECTURE.read_text(encoding="utf-8")
    names = named(text)
    modules = {".".join(path.relative_to(ROOT).with_suffix("").parts) for path in PACKAGE.rglob("*.py")
               if path.stem not in ("__init__", "__main__")}
    left_out = {module for module in modules if module not in names
                and not any(module.startswith(name) for name in names if name.endswith(".") and name.count(".") > 2)}
    assert not left_out, "not named in the README's Development section:\n" + "\n".join(sorted(left_out))


def test_names_are_read_as_modules_paths_folders_and_attributes() -> None:
    text = ("see `scoring.engine`, `gap.plan.plan_blocks`, `cli/commands/`, `io/atomic.py`, `scoring.xlsx`, "
            "parindex.common.values, parindex/criteria/model.py, `criteria/par-province-2020.yaml`, "
            "`criteria.schema.json`, `criteria.rule_words`")
    assert named(text) == {"parindex.scoring.engine", "parindex.gap.plan.plan_blocks", "parindex.cli.commands.",
                           "parindex.io.atomic", "parindex.scoring.xlsx", "parindex.common.values",
                           "parindex.criteria.model", "parindex.criteria.rule_words"}
    assert {name for name in named(text) if not exists(name)} == {"parindex.criteria.rule_words"}
    assert not exists("parindex.gap.plan.no_such_function") and not exists("parindex.nothing.")


# --- what the code cites: sections that exist, never the design file that is not in the repository ----------

# the code, its tests and fixtures (this file, whose examples cite what is not there, aside)
CODE = sorted(path for folder in ("parindex", "tests", "bench", "evidence_samples")
              for pattern in ("*.py", "*.yaml") for path in (ROOT / folder).rglob(pattern) if path != Path(__file__))
_DESIGN = re.compile(r"DESIGN(?:\.md)?\s*§")
# `(README: "Evidence workbooks")`, `(docs/architecture.md: "Sheets")`: a section by the start of its heading; a
# citation may break across lines of a comment or a docstring
_CITED = re.compile(r"\b(README|docs/architecture\.md):\s+(?:#\s*)?\"([^\"]{1,200})\"")
_BREAK = re.compile(r"\s*\n\s*(?:#\s*)?")


def headings(text: str) -> list[str]:
    """The Markdown headings of a text, without their #s (lines in fenced code are not headings)."""
    found: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            found.append(line.lstrip("#").strip())
    return found


def broken_citations(text: str, documents: dict[str, str]) -> list[str]:
    """The citations of `text` that name no section of their document: a heading that starts with the name, or,
    in the README, a paragraph led by it in bold (`**CSV in Excel.**`)."""
    broken = []
    for document, written in _CITED.findall(text):
        cited, section = documents[document], _BREAK.sub(" ", written)
        if not any(heading.startswith(section) for heading in headings(cited)) and f"**{section}" not in cited:
            broken.append(f'{document}: "{section}"')
    return broken


def test_the_code_cites_no_design_file_outside_the_repository() -> None:
    """The design lives in docs/architecture.md and the README; a "DESIGN §" reference points at nothing here."""
    citing = [f"{path.relative_to(ROOT)}:{number}" for path in CODE
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
              if _DESIGN.search(line)]
    assert not citing, "cite docs/architecture.md or a README section instead:\n" + "\n".join(citing)


def test_every_section_the_code_cites_exists() -> None:
    documents = {"README": (ROOT / "README.md").read_text(encoding="utf-8"),
                 "docs/architecture.md": ARCHITECTURE.read_text(encoding="utf-8")}
    broken = [f"{path.relative_to(ROOT)}: {citation}" for path in CODE
              for citation in broken_citations(path.read_text(encoding="utf-8"), documents)]
    assert not broken, "cited, but no such section:\n" + "\n".join(broken)


def test_a_citation_is_checked_against_the_headings_of_its_document() -> None:
    documents = {"README": "# Tool\n## Evidence workbooks\n```\n# Sheets\n```\n* **CSV in Excel.** …\n",
                 "docs/architecture.md": "# How\n## Sheets\n"}
    text = ('(README: "Evidence workbooks") (README: "CSV in Excel") (docs/architecture.md: "Sheets") '
            '(README: "Sheets") (docs/architecture.md: "Evidence workbooks")\n'
            '# (README:\n# "Evidence\n  # workbooks") (README: "Evidence\n    sheets")')
    assert broken_citations(text, documents) == ['README: "Sheets"', 'docs/architecture.md: "Evidence workbooks"',
                                                 'README: "Evidence sheets"']
    assert _DESIGN.search("(DESIGN " + "§3.2)") and _DESIGN.search("DESIGN.md " + "§3.1's sketch")
    assert not _DESIGN.search('"DESIGN.md"')  # a source prefix baseline files may name: data, not a citation


# --- what the README lists that the registries decide ----------------------------------------------------

def test_the_readme_lists_every_rule_kind() -> None:
    """The README's table of rule kinds has a row for each kind of the registry, and none other."""
    from parindex.criteria.rules import RULE_KINDS, kind_name

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| kind | value in the workbook | points |"):]
    table = table[:table.index("\n\n")]
    assert re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE) == [kind_name(kind) for kind in RULE_KINDS]


def test_the_readmes_commands_table_names_each_commands_formats() -> None:
    """`--format a|b|…` in a command's row of the README's Commands table is that command's registry."""
    from tests.cli.test_outputs import REGISTRIES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `parindex (\w+) [^`\n]*?--format ([a-z\\|]+)\]", readme, re.MULTILINE))
    assert {"score", "gap", "progress"} <= set(rows)
    for command, formats in rows.items():
        if command in REGISTRIES:
            assert tuple(formats.split("\\|")) == REGISTRIES[command].names, command


def test_the_pure_core_docs_architecture_lists_is_the_contracts_list() -> None:
    """docs/architecture.md's pure core is the `pure-core` contract's list in `.importlinter`."""
    import configparser

    contracts = configparser.ConfigParser()
    contracts.read(ROOT / ".importlinter", encoding="utf-8")
    pure = set(contracts["importlinter:contract:pure-core"]["source_modules"].split())
    text = ARCHITECTURE.read_text(encoding="utf-8")
    listed = text[text.index("## The pure core"):text.index("(the **pure-core** contract's list)")]
    assert {f"parindex.{name}" for name in re.findall(r"`([a-z_.]+)`", listed)} == pure
