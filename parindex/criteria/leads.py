"""Who leads what (pure): the lead agency (*cơ quan chủ trì*) of every item of a set.

An item's lead is its own `lead`, else that of the nearest criterion above it, else its area's (the way a
provincial plan assigns work: "Giao Sở Tư pháp chủ trì" for an area, an exception named on an item). Agency
names are compared as people write them: without case, diacritics (đ = d) or punctuation, and a short form
matches when it is the end or the start of one full name ("Tư pháp" for "Sở Tư pháp").
"""

from __future__ import annotations

import hashlib

from parindex.common.errors import ParindexError
from parindex.common.values import fold
from parindex.criteria.model import CriteriaSet


def item_leads(cset: CriteriaSet) -> dict[str, str | None]:
    """Item code → its lead agency (None where nothing above it names one), in document order. Names typed two
    ways ('Phòng Pháp chế', 'Phòng pháp chế') are one agency, under the spelling its first item gives."""
    spelling: dict[str, str] = {}

    def one(lead: str | None) -> str | None:
        return None if lead is None else spelling.setdefault(lead_key(lead), lead)

    return {code: one(lead) for area in cset.areas for code, lead in area.item_leads.items()}


def lead_names(cset: CriteriaSet) -> list[str]:
    """The set's lead agencies, each once, in the order their first item comes."""
    return list(dict.fromkeys(lead for lead in item_leads(cset).values() if lead))


def lead_key(name: str) -> str:
    """The form agency names are compared in: 'Sở Tư pháp' → 'so tu phap'."""
    return fold(name, spaced=True, punctuation=False)


def find_lead(cset: CriteriaSet, query: str) -> str:
    """The set's lead agency that `query` names: PM800 when none does, PM801 when several do."""
    leads = lead_names(cset)
    if not leads:
        raise ParindexError("PM802", set_id=cset.id)
    key = lead_key(query)
    exact = [lead for lead in leads if lead_key(lead) == key]
    if exact:
        return exact[0]
    partial = [lead for lead in leads if key and (lead_key(lead).endswith(" " + key)
                                                  or lead_key(lead).startswith(key + " "))]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise ParindexError("PM801", query=query, matches=partial)
    raise ParindexError("PM800", query=query, set_id=cset.id, known=leads)


STEM_BYTES = 120  # a file name holds 255 bytes; room is left for `-2`, `.xlsx` and a writer's `.part` name


def file_stem(name: str) -> str:
    """A file name from an agency's name, Vietnamese letters folded: 'Sở Tư pháp' → 'so-tu-phap'. A name longer
    than `STEM_BYTES` (UTF-8) is cut and ends with 8 characters of its digest: the same name gives the same file,
    and two long names that begin alike keep apart."""
    stem = lead_key(name).replace(" ", "-") or "chua-phan-cong"
    if len(stem.encode()) <= STEM_BYTES:
        return stem
    digest = hashlib.sha256(stem.encode()).hexdigest()[:8]
    cut = stem.encode()[:STEM_BYTES - len(digest) - 1].decode("utf-8", "ignore").rstrip("-")
    return f"{cut}-{digest}"
