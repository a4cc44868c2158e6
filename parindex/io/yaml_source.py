"""Load YAML safely and remember where every value came from (line and column).

Guards, in order: size, UTF-8, tab indentation, nesting depth and aliases (found while streaming events,
before anything is built), duplicate keys (PyYAML would silently keep the last). Floats become Decimal
straight from their text, so `0.1` is exactly 0.1. Text is normalised to NFC; text that was not is reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path as FsPath
from typing import Any

import yaml

from parindex.common.errors import ParindexError
from parindex.common.findings import Finding, Path
from parindex.common.messages import Message
from parindex.io.input_files import OLE2_MAGIC, ZIP_MAGICS, decode_utf8, env_limit, read_bytes

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_EVENTS = 2_000_000
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: the same events, 10× faster


def max_bytes() -> int:
    """Largest criteria or baseline file accepted; PARINDEX_MAX_BYTES raises it."""
    return env_limit("PARINDEX_MAX_BYTES", DEFAULT_MAX_BYTES)


@dataclass
class YamlDocument:
    """Plain data (dict/list/str/int/Decimal/bool/None) plus the position of every value."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def locate(self, loc: tuple[Any, ...]) -> tuple[int, int]:
        """Line and column (1-based) of the value at `loc`, or of its nearest ancestor that exists.

        Elements of `loc` that are not in the data (pydantic adds union tags) are skipped.
        """
        path: list[str | int] = []
        node = self.data
        for part in loc:
            in_dict = isinstance(node, dict) and part in node
            in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            if in_dict or in_list:
                node = node[part]
                path.append(part)
        while tuple(path) not in self.positions and path:
            path.pop()
        return self.positions.get(tuple(path), (1, 1))


def read_text(path: FsPath) -> str:
    """The file as text, or a ParindexError (exit 2) naming why it cannot be read."""
    raw = read_bytes(path, max_bytes())
    if raw.startswith((ZIP_MAGICS[0], OLE2_MAGIC)):  # an .xlsx or .xls where a criteria or baseline file belongs
        raise ParindexError("PE306", where=str(path))
    return decode_utf8(FsPath(path), raw)


def load_yaml_file(path: FsPath) -> YamlDocument:
    return parse_yaml(read_text(path))


def parse_yaml(text: str) -> YamlDocument:
    """Parse `text`; syntax and structure problems come back as findings, never as exceptions."""
    doc = YamlDocument(data=None)
    doc.findings.extend(_tab_findings(text) or _control_findings(text))
    if doc.findings:
        return doc
    try:
        guard = _stream_guard(text)
        if guard:
            doc.findings.append(guard)
            return doc
        root = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "?"
        doc.findings.append(_parser_limit(exc) or Finding.of("PX100", params={"problem": problem}, line=line, col=col))
        return doc
    except yaml.YAMLError as exc:
        doc.findings.append(Finding.of("PX100", params={"problem": str(exc)}, line=1, col=1))
        return doc
    if root is not None:
        doc.data = _build(root, (), doc)
        doc.findings = _one_nfc_finding(doc.findings)
    return doc


def _one_nfc_finding(findings: list[Finding]) -> list[Finding]:
    """A file typed in decomposed Unicode (Unikey's 'Unicode tổ hợp') has it in every Vietnamese word: said
    once, at the first place, with how many more there are, rather than hundreds of times."""
    nfc = [f for f in findings if f.code == "PX112"]
    if len(nfc) < 2:
        return findings
    also = Message("ui.yaml.nfc_also", {"n": len(nfc) - 1})
    first = Finding.of("PX112", nfc[0].path, {**nfc[0].params, "also": also}, nfc[0].line, nfc[0].col)
    return [first if f is nfc[0] else f for f in findings if f.code != "PX112" or f is nfc[0]]


def _tab_findings(text: str) -> list[Finding]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(Finding.of("PX111", line=number, col=indent.index("\t") + 1))
    return found


# Characters YAML does not allow in a file (besides tab and line breaks): pasted from Word or a PDF they are
# invisible, and the parser names them by a byte offset; said here at their line and column instead.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _control_findings(text: str) -> list[Finding]:
    match = _NOT_PRINTABLE.search(text)
    if match is None:
        return []
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    problem = Message("ui.yaml.control_char", {"char": f"U+{ord(match[0]):04X}"})
    return [Finding.of("PX100", params={"problem": problem}, line=line, col=col)]


def _stream_guard(text: str) -> Finding | None:
    """Refuse aliases and runaway depth or size while streaming, before any object is built."""
    try:
        return _guard_events(text, LOADER)
    except yaml.MarkedYAMLError as exc:
        if _parser_limit(exc) is None:
            raise
        # libyaml stopped at a limit of its own, which can come before ours is seen: for `[[[…` on one line it
        # scans ~1000 levels ahead before handing over the first event. The pure-Python parser has no such limit
        # (PyYAML 6.0-6.0.4), so streaming again with it finds ours where every PyYAML version finds it.
        try:
            return _guard_events(text, yaml.SafeLoader)
        except yaml.YAMLError:
            raise exc from None


def _guard_events(text: str, loader: type) -> Finding | None:
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=loader)):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            return Finding.of("PX110", params={"alias": event.anchor}, line=mark.line + 1, col=mark.column + 1)
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return Finding.of("PX118", params={"limit": MAX_DEPTH}, line=mark.line + 1, col=mark.column + 1)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
        if count > MAX_EVENTS:
            mark = event.start_mark
            return Finding.of("PX121", params={"limit": MAX_EVENTS}, line=mark.line + 1, col=mark.column + 1)
    return None


# The parser's own limits, known by their problem text (lower-cased). PyYAML 6.0.4 bundles libyaml 0.2.6, which
# refuses more than 1000 nested flow or block levels: "exceeded maximum nesting depth" (context "while
# increasing flow level"); the libyaml in older wheels had none. A limit is one of ours, said with our code and
# parameters at the parser's place, not a syntax error. No ordinary syntax error uses these limit words; the
# first topic found in the text names the limit, and size or event count is the rest. (An alias limit does not
# say the alias's name, hence "…".)
_LIMIT_WORDS = ("exceeded", "maximum", "limit", "too many", "too long", "too large", "too deep")
_LIMIT_TOPICS = (("nesting", "PX118"), ("depth", "PX118"), ("deep", "PX118"), ("alias", "PX110"), ("", "PX121"))
_LIMIT_PARAMS: dict[str, dict[str, Any]] = {"PX118": {"limit": MAX_DEPTH}, "PX110": {"alias": "…"},
                                            "PX121": {"limit": MAX_EVENTS}}


def _parser_limit(exc: yaml.MarkedYAMLError) -> Finding | None:
    """The project's finding for a limit the parser hit itself, or None when `exc` is an ordinary syntax error."""
    problem = (exc.problem or "").lower()
    if not any(word in problem for word in _LIMIT_WORDS):
        return None
    code = next(code for topic, code in _LIMIT_TOPICS if topic in problem)
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Finding.of(code, params=dict(_LIMIT_PARAMS[code]), line=line, col=col)


_scalars = yaml.SafeLoader("")


_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _build(node: yaml.Node, path: Path, doc: YamlDocument) -> Any:
    doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_COLLECTIONS:
        # `!!python/object/apply:os.system [...]`, `!!set`, `!custom {...}`: reported, never built
        mark = node.start_mark
        problem = f"could not determine a constructor for the tag '{node.tag}'"
        doc.findings.append(Finding.of("PX100", path, {"problem": problem}, line=mark.line + 1, col=mark.column + 1))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, path, doc) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in result:
                mark = key_node.start_mark
                doc.findings.append(Finding.of("PX109", path + (key,), {"key": key, "first_line": first_line[key]},
                                               line=mark.line + 1, col=mark.column + 1))
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (index,), doc) for index, child in enumerate(node.value)]
    return _scalar(node, path, doc)


def _scalar(node: yaml.ScalarNode, path: Path, doc: YamlDocument) -> Any:
    if node.tag == "tag:yaml.org,2002:float":
        try:
            return Decimal(node.value.replace("_", ""))
        except InvalidOperation:
            return node.value  # .inf / .nan: left as text, the schema rejects it with a position
    constructor = _scalars.yaml_constructors.get(node.tag) or _scalars.yaml_constructors[None]
    try:
        value = constructor(_scalars, node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # an unknown tag, a 5000-digit integer…
        mark = node.start_mark
        problem = getattr(exc, "problem", None) or str(exc)
        doc.findings.append(Finding.of("PX100", path, {"problem": problem}, line=mark.line + 1, col=mark.column + 1))
        return None
    if isinstance(value, str):
        normal = unicodedata.normalize("NFC", value)
        if normal != value:
            mark = node.start_mark
            doc.findings.append(Finding.of("PX112", path, {"text": normal[:40], "also": ""}, line=mark.line + 1,
                                           col=mark.column + 1))
        return normal
    return value
