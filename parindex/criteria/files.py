"""Reading criteria files: YAML → findings with positions → a checked `CriteriaSet`."""

from __future__ import annotations

import functools
import string
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from parindex.common.catalogue import MESSAGES
from parindex.common.errors import ParindexError
from parindex.common.findings import Finding
from parindex.common.messages import Message
from parindex.criteria.checks import check_set
from parindex.criteria.model import CriteriaSet
from parindex.io.bundled import bundled_files
from parindex.io.yaml_source import YamlDocument, load_yaml_file

M = TypeVar("M", bound=BaseModel)


@dataclass
class CheckedFile:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    criteria: CriteriaSet | None = None


def check_criteria_document(path: Path, doc: YamlDocument) -> CheckedFile:
    criteria, findings = check_document(doc, CriteriaSet, check_set)
    return CheckedFile(path, findings, criteria)


def check_document(doc: YamlDocument, model: type[M], invariants: Callable[[M], list[Finding]]
                   ) -> tuple[M | None, list[Finding]]:
    """The loader's findings, else the schema's, else the named invariants'; each with a line and column."""
    parsed: M | None = None
    findings = list(doc.findings)
    if not findings:
        try:
            parsed = model.model_validate(doc.data if doc.data is not None else {})
        except ValidationError as exc:
            findings.extend(schema_findings(exc))
        else:
            findings.extend(invariants(parsed))
    return parsed, [place(found, doc) for found in findings]


def schema_findings(exc: ValidationError) -> list[Finding]:
    found = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        field_name = ".".join(str(part) for part in loc) or "(root)"
        ctx = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
        problem = _schema_problem(error["type"], field_name, ctx, error["msg"])
        found.append(Finding.of("PX113", loc, {"field": field_name, "type": error["type"], "ctx": ctx,
                                               "problem": problem}))
    return found


def _schema_problem(kind: str, field_name: str, ctx: dict[str, str], words: str) -> Message | str:
    """The catalogue's own sentence for a kind of schema error, when it has one that needs nothing but the
    error's context; pydantic's words otherwise."""
    key = f"schema.{kind}"
    if key == "schema.string_pattern_mismatch" and field_name.endswith("code"):
        key = "schema.code_pattern"  # say what a code looks like, not its regular expression
    if key not in MESSAGES:
        return words
    needed = {name for text in (MESSAGES[key].vi, MESSAGES[key].en)
              for _, name, _, _ in string.Formatter().parse(text) if name}
    return Message(key, ctx) if needed <= ctx.keys() else words


def place(found: Finding, doc: YamlDocument) -> Finding:
    params = found.params
    first = params.pop("first", None)  # the path of an earlier node the message names by its line
    if isinstance(first, tuple):
        params["first_line"] = doc.locate(first)[0]
    msg = replace(found.msg, params=params)
    if found.line is not None:
        return replace(found, msg=msg)
    line, col = doc.locate(found.path)
    return replace(found, msg=msg, line=line, col=col)


def check_criteria_file(path: Path) -> CheckedFile:
    return check_criteria_document(path, load_yaml_file(path))


def _bundled_path(set_id: str) -> Path | None:
    return next((path for path in bundled_files("criteria") if path.stem == set_id), None)


def resolve_criteria(ref: str) -> Path:
    """A set id of a bundled file, or a path to a criteria file."""
    bundled = _bundled_path(ref)
    if bundled is not None:
        return bundled
    candidate = Path(ref)
    if candidate.suffix.lower() in (".yaml", ".yml") or candidate.exists():
        return candidate
    raise ParindexError("PE300", path=ref)


def load_criteria(ref: str) -> CriteriaSet:
    """A valid set or a ParindexError telling the user to run `parindex validate` on it."""
    checked = check_criteria_file(resolve_criteria(ref))
    if checked.findings or checked.criteria is None:
        raise ParindexError("PE310", where=first_finding_at(checked), path=str(checked.path),
                            count=len(checked.findings))
    return checked.criteria


def first_finding_at(checked: CheckedFile) -> str:
    """Where a file's first finding is: the place of the error that refuses to use the file."""
    first = checked.findings[0]
    return f"{checked.path}:{first.line}:{first.col}"


@functools.cache  # bundled files do not change while the tool runs; gap and score may ask twice
def load_bundled(set_id: str) -> CriteriaSet:
    """A bundled set by its id. An id read from a workbook or a result file goes here, never to a path:
    what a file says must not make the tool open another file."""
    path = _bundled_path(set_id)
    if path is None:
        raise ParindexError("PE300", path=set_id)
    return load_criteria(str(path))


def bundled_sets() -> list[CriteriaSet]:
    return [load_criteria(str(path)) for path in bundled_files("criteria")]
