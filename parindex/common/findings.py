"""A finding: one problem a check found in a file — a Message with a stable code — and the place to point at."""

from __future__ import annotations

from dataclasses import dataclass

from parindex.common.messages import CarriesMessage, Message

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
    "PX122": "role-contradicts-id",
    "PX123": "component-without-role",
    "PX150": "most-not-percent",
    "PX151": "adjustment-over-cap",
    "PX152": "adjustment-mixed-area",
    "PX170": "band-order",
    "PX171": "band-range",
    "PX172": "band-duplicate-name",
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
class Finding(CarriesMessage):
    """What a check found (`msg`), and where in the file: the YAML `path` to it, and its line and column once
    the loader has placed it (`file:line:col` is how every output names the place, so it is kept as numbers)."""

    msg: Message
    path: Path = ()
    line: int | None = None  # set by the loader when it knows better than the path
    col: int | None = None

    @classmethod
    def of(cls, code: str, path: Path = (), params: dict[str, object] | None = None, line: int | None = None,
           col: int | None = None) -> Finding:
        """A finding that says catalogue text `code` with `params` about the node at `path`."""
        return cls(Message(code, params or {}), path, line, col)

    @property
    def name(self) -> str:
        return CHECK_NAMES.get(self.code, self.code)

