"""Writing criteria-file data as a tidy YAML file, in the bundled files' style (an adapter).

Keys in the order the data holds them (`criteria.sheet` builds them in the bundled files' order), components and
rules as one-line flow mappings, plain scalars wherever YAML reads them back as the same text, numbers without
trailing zeros, and after the first line of each node a comment naming where it came from (`# Bộ tiêu chí!12`).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import yaml

from parindex.common.findings import Path
from parindex.io.yaml_source import LOADER

NESTED = ("criteria", "items")


def criteria_yaml(data: dict[str, Any], comments: dict[Path, str], header: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in header]
    for key, value in data.items():
        if key in ("components", "bands"):
            lines.append(f"{key}:")
            lines += [f"  - {_flow(entry)}" for entry in value]
        elif key == "areas":
            lines.append("areas:")
            _nodes(lines, value, ("areas",), 2, comments)
        else:
            lines.append(f"{key}: {_value(value)}")
    return "\n".join(lines) + "\n"


def _nodes(lines: list[str], nodes: list[dict[str, Any]], path: Path, indent: int,
           comments: dict[Path, str]) -> None:
    pad = " " * indent
    for index, node in enumerate(nodes):
        node_path = path + (index,)
        for position, (key, value) in enumerate(node.items()):
            lead = f"{pad}- " if position == 0 else f"{pad}  "
            if key in NESTED:
                lines.append(f"{lead}{key}:")
                _nodes(lines, value, node_path + (key,), indent + 4, comments)
                continue
            line = f"{lead}{key}: {json.dumps(value) if key == 'code' else _value(value)}"  # "1.1", as bundled
            if position == 0 and node_path in comments:
                line += f"  # {comments[node_path]}"
            lines.append(line)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return _flow(value)
    if isinstance(value, list):
        return _sequence(value)
    return _scalar(value, flow=False)


def _flow(mapping: dict[str, Any]) -> str:
    parts = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            shown = _flow(value)
        elif isinstance(value, list):
            shown = _sequence(value)
        else:
            shown = _scalar(value, flow=True)
        parts.append(f"{key}: {shown}")
    return "{" + ", ".join(parts) + "}"


def _sequence(values: list[Any]) -> str:
    """A flow sequence, `[…]`: its texts quoted as a flow needs ('a, b' is one entry), wherever it stands."""
    return "[" + ", ".join(_flow(v) if isinstance(v, dict) else _scalar(v, flow=True) for v in values) + "]"


def _scalar(value: Any, flow: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return text if _plain(text, flow) else json.dumps(text, ensure_ascii=False)  # JSON strings are YAML too


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def _plain(text: str, flow: bool) -> bool:
    """Whether `text` can be written unquoted, where it goes (a flow mapping, or a block), and read back the same."""
    if not text or text != text.strip() or "\n" in text or "#" in text or (flow and any(c in text for c in ",[]{}?")):
        return False
    try:
        # read as criteria files are read (`io.yaml_source`: libyaml when PyYAML has it, 6× faster per value)
        return bool(yaml.load(f"{{k: {text}}}" if flow else f"k: {text}", Loader=LOADER) == {"k": text})
    except yaml.YAMLError:
        return False
