"""Who a unit's document comes from and whom it goes to, as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays them out for
that sender. Pure: words from the catalogue, no I/O.

- A province (UBND tỉnh) reports to Bộ Nội vụ; it has no body above it in the header; it signs on behalf of the
  committee (TM. ỦY BAN NHÂN DÂN · CHỦ TỊCH); the place is the province's own name.
- A department (sở, ban, ngành) reports to Sở Nội vụ and UBND tỉnh; its header names the body above it (UBND TỈNH,
  not bold) over its own name (bold); its head signs (GIÁM ĐỐC, CHÁNH VĂN PHÒNG, TRƯỞNG BAN); the place is the
  province's name, left to fill.
- A commune, ward or special zone (and a district before 2025) reports to UBND tỉnh and Sở Nội vụ; its committee
  issues and signs as a province's does; the place is its own name (whole when the name is a number: Phường 1).
`--to` replaces the recipients, and every sentence that names them follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parindex.common.i18n import t
from parindex.common.unit_names import issuer, plain_name
from parindex.common.values import fold

LOCAL_KINDS = ("xa", "phuong", "dac khu", "thi tran", "huyen", "quan", "thi xa", "thanh pho")  # folded
COMMITTEE = ("ubnd", "uy ban nhan dan")
HEADS = {"so": "doc.signer_director", "van phong": "doc.signer_chief_office", "ban": "doc.signer_head",
         "thanh tra": "doc.signer_chief_inspector"}  # a department's head, by the first word(s) of its name
RECIPIENTS = {"province": ("doc.to_ministry",), "department": ("doc.to_home_affairs", "doc.to_province"),
              "commune": ("doc.to_province", "doc.to_home_affairs"),
              "district": ("doc.to_province", "doc.to_home_affairs")}


@dataclass(frozen=True)
class Address:
    parent: str  # the body above the issuer, not bold ('' when it has none)
    issuer: str  # bold capitals, lines split by '\n'
    place: str
    recipients: tuple[str, ...]  # as the sentences name them ('Sở Nội vụ')
    signer: tuple[str, ...]  # the signature block's title lines

    @property
    def to_words(self) -> str:
        """The recipients as a sentence names them: 'Sở Nội vụ và UBND tỉnh'."""
        if len(self.recipients) < 2:
            return "".join(self.recipients)
        return ", ".join(self.recipients[:-1]) + t("doc.and") + self.recipients[-1]

    def recipient_lines(self, *more: str) -> tuple[str, ...]:
        """'Nơi nhận' as NĐ 30 writes it: 'Nơi nhận:', '- Sở Nội vụ;', …, '- Lưu: VT.'."""
        return (t("doc.recipients"), *(f"- {name};" for name in (*self.recipients, *more)), t("doc.recipients_file"))


def address(unit: str, level: str, to: Sequence[str] = ()) -> Address:
    """The sender `unit` of `level` and its recipients (`to`, when given, instead of the level's)."""
    recipients = tuple(name.strip() for name in to if name.strip()) or _recipients(unit, level)
    if level == "province":
        return Address("", issuer(unit, level), plain_name(unit), recipients, _committee())
    if level == "department":
        head = next((key for prefix, key in HEADS.items() if _starts(unit, prefix)), "doc.signer")
        return Address(t("doc.parent_province"), unit.upper(), t("doc.place_blank"), recipients, (t(head),))
    name = _without_committee(unit)
    kind = next((k for k in LOCAL_KINDS if _starts(name, k)), None)
    if kind is None:  # a name that does not say what it is: as written, signed by whoever signs
        return Address("", unit.upper(), t("doc.place_blank"), recipients, (t("doc.signer"),))
    own = name.split(maxsplit=len(kind.split()))[-1]
    place = name if own[:1].isdigit() else own  # NĐ 30: a unit named by a number keeps its whole name
    return Address("", t("doc.people_committee") + "\n" + name.upper(), place, recipients, _committee())


def _recipients(unit: str, level: str) -> tuple[str, ...]:
    names = tuple(t(key) for key in RECIPIENTS.get(level, RECIPIENTS["commune"]))
    return tuple(name for name in names if fold(name) != fold(unit)) or names  # Sở Nội vụ does not write to itself


def _committee() -> tuple[str, ...]:
    return t("doc.signer_committee"), t("doc.signer_chair")


def _starts(name: str, prefix: str) -> bool:
    return f"{fold(name, spaced=True, punctuation=False)} ".startswith(prefix + " ")


def _without_committee(name: str) -> str:
    words = name.split()
    for prefix in COMMITTEE:
        n = len(prefix.split())
        if _starts(" ".join(words[:n]), prefix) and len(words) > n:
            return " ".join(words[n:])
    return name.strip()
