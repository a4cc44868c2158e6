"""`criteria.yaml_writer`: tidy YAML that reads back as exactly the data written, whatever the text holds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from parindex.criteria.yaml_writer import criteria_yaml
from parindex.io.yaml_source import parse_yaml
from tests.criteria.test_checks_property import PROPERTY

# text as officers paste it: Vietnamese, punctuation YAML cares about, numbers and words YAML would retype
TEXT = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=30) | \
    st.sampled_from(["1.1", "yes", "No", "null", "~", "- x", "a: b", "#1", "x #y", "@x", "*a", "&a", "!x", "'q'",
                     '"q"', "[a]", "{a}", "a, b", "100%", "2025-01-01", "0x10", "1e3", ".5", "Công văn 384/BNV"])


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@PROPERTY
@given(name=TEXT, label=TEXT, points=st.integers(0, 400).map(lambda n: Decimal(n) / 8))
def test_what_is_written_reads_back_the_same(name: str, label: str, points: Decimal) -> None:
    item = {"code": "1.1.1", "name": name, "max": points, "component": "appraised",
            "rule": {"kind": "choice", "options": [{"label": label, "points": points}]}, "provisional": True}
    data = {"id": "x", "title": name, "years": [2025], "components": [{"id": "appraised", "name": label}],
            "areas": [{"code": "1", "name": name, "criteria": [{"code": "1.1", "name": label, "items": [item]}]}]}
    text = criteria_yaml(data, {("areas", 0): "Bộ tiêu chí!2"}, ["nhập thử"])
    doc = parse_yaml(text)
    if any(f.code == "PX112" for f in doc.findings):  # text not in NFC is the loader's to refuse, as written
        return
    assert doc.findings == []
    back = doc.data
    assert back["title"] == name and back["areas"][0]["criteria"][0]["name"] == label
    read_item = back["areas"][0]["criteria"][0]["items"][0]
    assert read_item["rule"]["options"][0]["label"] == label
    assert Decimal(str(read_item["max"])) == points and read_item["code"] == "1.1.1"
    assert '- code: "1"  # Bộ tiêu chí!2' in text


def test_a_list_of_texts_outside_a_mapping_is_quoted_as_a_flow_sequence_needs() -> None:
    data = {"id": "x", "notes": ["a, b", "[c]", "d"]}
    assert yaml.safe_load(criteria_yaml(data, {}, [])) == data


@given(TEXT, st.booleans())
def test_a_value_is_written_plain_exactly_when_the_pure_python_loader_too_reads_it_back_as_itself(
        text: str, flow: bool) -> None:
    """`_plain` asks libyaml (as criteria files are read) where PyYAML has it: the same answer as PyYAML's own."""
    from parindex.criteria.yaml_writer import _plain

    try:
        python = yaml.safe_load(f"{{k: {text}}}" if flow else f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        python = False
    assert not _plain(text, flow) or python
