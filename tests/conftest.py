"""Shared test helpers: a clean language setting per test, and the CLI run in-process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from parindex.common.i18n import set_lang


@pytest.fixture(autouse=True)
def _clean_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in the default language (vi), whatever the shell or an earlier test chose."""
    monkeypatch.delenv("PARINDEX_LANG", raising=False)
    set_lang(None)
    yield
    set_lang(None)


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """`cli("validate", "x.yaml")` runs `parindex validate x.yaml` in-process: exit code, stdout, stderr."""
    from parindex.cli.app import run

    def invoke(*argv: str) -> CliResult:
        capsys.readouterr()  # drop whatever an earlier call left
        code = run(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke


# --- fuzzing profiles (tests/test_fuzz.py): 200 examples per target in CI; a long run for developers with
#     HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py   (20,000 examples per target)
def _fuzz_profiles() -> None:
    import os

    from hypothesis import HealthCheck, settings

    quiet = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
    settings.register_profile("fuzz", max_examples=200, deadline=None, suppress_health_check=quiet)
    settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=quiet)
    if os.environ.get("HYPOTHESIS_PROFILE"):
        settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


_fuzz_profiles()
