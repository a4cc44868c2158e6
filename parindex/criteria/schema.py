"""The JSON Schema of the criteria format, exported from the pydantic models."""

from __future__ import annotations

import json

from parindex.criteria.model import CriteriaSet


def schema_text() -> str:
    schema = CriteriaSet.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "parindex criteria set"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
