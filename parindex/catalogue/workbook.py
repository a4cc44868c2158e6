"""Texts of the workbook concept."""

from parindex.catalogue import Msg

MESSAGES: dict[str, Msg] = {}
