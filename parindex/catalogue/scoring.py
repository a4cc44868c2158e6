"""Texts of the scoring concept."""

from parindex.catalogue import Msg

MESSAGES: dict[str, Msg] = {}
