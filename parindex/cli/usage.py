"""Command-line mistakes (unknown option, missing argument…) told in the user's language.

typer (through click) reports them in English; here each kind becomes a catalogue error. The exceptions are
recognised by class name and common attributes, which click and the click that typer carries share.
"""

from __future__ import annotations

import difflib
import re

from parindex.common.errors import ParindexError
from parindex.common.i18n import t

_NO_SUCH_COMMAND = re.compile(r"No such command '([^']*)'")
_EXTRA_ARGUMENTS = re.compile(r"unexpected extra argument(?:s|\(s\))? \((.*)\)")


def is_usage_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "UsageError" for cls in type(exc).__mro__)


def is_help_request(exc: BaseException) -> bool:
    """`parindex` alone (or a group alone) shows its help instead of an error."""
    return type(exc).__name__ == "NoArgsIsHelpError"


def usage_error(exc: Exception, root: object) -> ParindexError:
    """The catalogue error for one of click's usage errors; `root` is the top-level click command."""
    kind = type(exc).__name__
    detail = str(getattr(exc, "message", "") or exc)
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "?")  # the two closest, as for a command (click offers up to three)
        close = difflib.get_close_matches(option, getattr(exc, "possibilities", None) or [], n=2)
        return ParindexError("PC706", option=option, hint=_did_you_mean(sorted(close)))
    if kind == "MissingParameter":
        param = getattr(exc, "param", None)
        what = t("ui.usage.option") if getattr(param, "param_type_name", "") == "option" else t("ui.usage.argument")
        return ParindexError("PC707", what=what, name=_param_name(param))
    if kind == "BadParameter":
        return ParindexError("PC708", name=_param_name(getattr(exc, "param", None)), detail=detail)
    if kind == "BadOptionUsage" and "requires" in detail:
        return ParindexError("PC709", option=getattr(exc, "option_name", "?"))
    if match := _NO_SUCH_COMMAND.search(detail):
        commands = sorted(getattr(_command_of(exc, root), "commands", None) or {})
        return ParindexError("PC711", name=match[1], commands=", ".join(commands),
                             hint=_did_you_mean(difflib.get_close_matches(match[1], commands, n=2)))
    if match := _EXTRA_ARGUMENTS.search(detail):
        return ParindexError("PC712", args=match[1])
    return ParindexError("PC710", detail=detail)


def command_path(exc: Exception, args: list[str], root: object) -> str:
    """`parindex score`: the command the mistake was made in, for the hint to its --help. click does not
    always say (a missing option value comes without it), so the command line is walked as well."""
    path = getattr(getattr(exc, "ctx", None), "command_path", "")
    if path:
        return str(path)
    words, command = ["parindex"], root
    for arg in args:
        command = (getattr(command, "commands", None) or {}).get(arg)
        if command is None:
            break
        words.append(arg)
    return " ".join(words)


def _command_of(exc: Exception, root: object) -> object:
    return getattr(getattr(exc, "ctx", None), "command", None) or root


def _did_you_mean(options: list[str]) -> str:
    return t("ui.usage.did_you_mean", options=", ".join(options)) if options else ""


def _param_name(param: object) -> str:
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and opts:
        return " / ".join(opts)
    for name in ("metavar", "human_readable_name"):
        if getattr(param, name, None):
            return str(getattr(param, name))
    return str(getattr(param, "name", "") or "?").upper()
