"""The warning every output carries when a criteria set is not (wholly) checked against official text."""

from __future__ import annotations

from parindex.criteria import CriteriaSet
from parindex.i18n import t


def provenance_banner(cset: CriteriaSet) -> str | None:
    count = cset.provisional_count()
    if cset.status == "reconstructed":
        return t("ui.reconstructed", id=cset.id, n=count)
    if count:
        return t("ui.provisional_only", id=cset.id, n=count)
    return None
