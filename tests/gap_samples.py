"""Score results built by hand in the `parindex score --format json` contract, for the gap tests.

Synthetic: item codes follow the bundled set's numbering but the points are made up; the appraised
component is set near Bắc Giang's 2020 level so that projections land inside the known 2020 table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

VP = "Văn phòng UBND tỉnh"
STC = "Sở Tài chính"


def item(code: str, score: float, maximum: float, status: str = "scored", lead: str | None = None) -> dict[str, Any]:
    return {"code": code, "area": code.split(".")[0], "score": score, "max": maximum, "status": status,
            "value": None, "self_score": None, "appraised": None, "lead": lead}


def score_result(unit: str = "UBND tỉnh Bắc Giang", criteria: str = "par-province-2020", year: str = "2021",
                 appraised: float = 57.5, items: list[dict[str, Any]] | None = None,
                 errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """One unit, as `parindex score --format json` writes it."""
    if items is None:
        items = [
            item("1.1.1", 1, 1, lead="Sở Nội vụ"),
            item("1.5.1", 0, 2, "missing", VP),
            item("3.3.1", 0.5, 1.5, lead=VP),
            item("4.1.1", 0, 1, "not_applicable", "Sở Nội vụ"),
            item("6.2.1", 0, 1, lead=STC),
            item("6.3.1", 0.25, 1, lead=STC),
            item("8.1.1", 0, 10, "not_self_scored", "Sở Nội vụ"),
            item("8.2.1", 1, 2, "estimated", "Sở Nội vụ"),
        ]
    return {
        "criteria": {"id": criteria, "status": "reconstructed", "fingerprint": None, "provisional_values": 3},
        "unit": unit,
        "level": "province",
        "year": year,
        "score": appraised + 1,
        "max": 68.5,
        "percent": 85.5,
        "components": [
            {"id": "appraised", "score": appraised, "max": 65.5, "full_max": 66.5},
            {"id": "sipas", "score": 0, "max": 0, "full_max": 10},
            {"id": "survey", "score": 1, "max": 2, "full_max": 23.5},
        ],
        "areas": [
            {"code": "1", "name": "Công tác chỉ đạo, điều hành CCHC", "score": 9, "max": 10.5, "percent": 85.7,
             "rank": 1},
            {"code": "3", "name": "Cải cách thủ tục hành chính", "score": 12, "max": 15.5, "percent": 77.4,
             "rank": 2},
            {"code": "6", "name": "Cải cách tài chính công", "score": 6, "max": 11, "percent": 54.5, "rank": 3},
        ],
        "items": items,
        "warnings": [],
        "errors": errors or [],
    }


def write_result(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
