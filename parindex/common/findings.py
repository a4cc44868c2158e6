"""A finding: one problem a check found in a file, with a stable code and a place to point at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Stable check codes and their names; a code is never reused for another meaning.
CHECK_NAMES: dict[str, str] = {
    "PX100": "yaml-syntax",
    "PX101": "sum-mismatch",
    "PX102": "component-sum",
    "PX103": "component-items-sum",
    "PX104": "duplicate-code",
    "PX105": "code-position",
    "PX106": "tier-order",
    "PX107": "points-out-of-range",
    "PX108": "duplicate-choice-label",
    "PX109": "duplicate-key",
    "PX110": "yaml-alias",
    "PX111": "tab-indent",
    "PX112": "not-nfc",
    "PX113": "schema",
    "PX114": "unknown-component",
    "PX115": "max-unreachable",
    "PX116": "missing-source",
    "PX117": "status-provisional",
    "PX118": "too-deep",
    "PX119": "years-order",
    "PX120": "duplicate-component",
    "PX121": "too-large",
    # baselines (baseline_files)
    "PX201": "baseline-component-sum",
    "PX202": "baseline-column-sum",
    "PX203": "baseline-status",
    "PX204": "baseline-source",
    "PX205": "baseline-duplicate-rank",
    "PX206": "baseline-rank-order",
    "PX207": "baseline-duplicate-unit",
    "PX208": "baseline-over-max",
    "PX209": "baseline-unknown-reference",
    "PX210": "baseline-component-max-sum",
    "PX211": "baseline-derived-note",
    "PX212": "baseline-group-count",
    "PX213": "baseline-home-twice",
    "PX214": "baseline-rounding-unneeded",
}

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    code: str
    path: Path = ()
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None  # set by the loader when it knows better than the path
    col: int | None = None

    @property
    def name(self) -> str:
        return CHECK_NAMES.get(self.code, self.code)


def describe(finding: Finding, lang: str | None = None) -> str:
    """The finding's message in the user's language, numbers written the way that language writes them."""
    import contextlib

    from parindex.common.catalogue import MESSAGES
    from parindex.common.i18n import message, t

    params = dict(finding.params)
    if finding.code == "PX113":
        key = f"schema.{params.get('type')}"
        if key == "schema.string_pattern_mismatch" and str(params.get("field", "")).endswith("code"):
            key = "schema.code_pattern"  # say what a code looks like, not its regular expression
        if key in MESSAGES:
            ctx = params.get("ctx") or {}
            with contextlib.suppress(KeyError):  # a context our text does not name: keep pydantic's words
                params["problem"] = t(key, lang=lang, **ctx)
    return message(finding.code, params, lang)
