"""The warning every output carries when a criteria set is not (wholly) checked against official text."""

from __future__ import annotations

from parindex.common.messages import Message
from parindex.criteria.model import CriteriaSet

BANNER_KEYS = ("ui.reconstructed", "ui.provisional_only")  # the catalogue texts of that warning


def banner_key(status: str, provisional: int) -> str | None:
    """Which warning a set with this status and this many provisional values carries, if any."""
    if status == "reconstructed":
        return "ui.reconstructed"
    return "ui.provisional_only" if provisional else None


def provenance_banner(cset: CriteriaSet) -> Message | None:
    key = banner_key(cset.status, cset.provisional_count())
    return Message(key, {"id": cset.id, "n": cset.provisional_count()}) if key else None
