"""parindex — self-score the Vietnamese Public Administration Reform Index (Chỉ số CCHC).

In Python (README, "parindex in Python"): `parindex.score(paths, …)`, `parindex.load_result(path)`,
`parindex.load_criteria(ref)`, `parindex.load_baselines()`; their errors are `parindex.ParindexError`, with a `code`.
They are loaded on first use: the command line imports this package too, and must not pay for them (nor for pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # what type checkers and editors see; at run time, __getattr__ below
    from parindex.api import Baselines, Result, load_baselines, load_criteria, load_result, score
    from parindex.common.errors import ParindexError

_LAZY = {"score": "parindex.api", "load_result": "parindex.api", "load_criteria": "parindex.api",
         "load_baselines": "parindex.api", "Result": "parindex.api", "Baselines": "parindex.api",
         "ParindexError": "parindex.common.errors"}
__all__ = ["Baselines", "ParindexError", "Result", "__version__", "load_baselines", "load_criteria", "load_result",
           "score"]


def __getattr__(name: str) -> object:
    """The API's names, imported when first asked for (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module 'parindex' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
