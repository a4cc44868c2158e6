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
