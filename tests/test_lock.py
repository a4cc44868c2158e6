"""The lock (`requirements.lock`) against `pyproject.toml`: every range honoured, every dependency locked.

CI and the README install through the lock (`PIP_CONSTRAINT=requirements.lock pip install …`), so a package
that is missing from it would be installed at whatever version is newest that day.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def locked(text: str, environment: dict[str, str]) -> dict[str, Version]:
    """`name==version` lines of a requirements file whose marker holds in `environment`, by canonical name."""
    pins: dict[str, Version] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        (spec,) = requirement.specifier  # exactly one pin: `==X.Y.Z`
        assert spec.operator == "==", f"{line}: a lock pins with =="
        pins[canonicalize_name(requirement.name)] = Version(spec.version)
    return pins


def declared() -> list[Requirement]:
    """Everything pyproject.toml asks for: dependencies, every extra, the build backend."""
    project = PYPROJECT["project"]
    texts = [*project["dependencies"], *PYPROJECT["build-system"]["requires"]]
    for extra in project["optional-dependencies"].values():
        texts.extend(extra)
    return [Requirement(text) for text in texts]


ENVIRONMENTS = {
    "this machine": dict(default_environment()),
    "windows": {**default_environment(), "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
}


@pytest.mark.parametrize("where", ENVIRONMENTS)
def test_every_declared_dependency_is_locked_within_its_range(where: str) -> None:
    pins = locked(LOCK.read_text(encoding="utf-8"), ENVIRONMENTS[where])
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is in pyproject.toml but not in requirements.lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), \
            f"requirements.lock has {name}=={pins[name]}, outside pyproject.toml's {requirement}"


def test_every_installed_dependency_of_the_project_is_locked_at_its_installed_version() -> None:
    """Walk the installed project's requirements (with its test extra) down to the leaves."""
    pins = locked(LOCK.read_text(encoding="utf-8"), ENVIRONMENTS["this machine"])
    seen: set[str] = set()
    todo = [("parindex", frozenset(PYPROJECT["project"]["optional-dependencies"]))]
    while todo:
        name, extras = todo.pop()
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is not None and not any(marker.evaluate({"extra": extra}) for extra in extras or {""}):
                continue
            dependency = canonicalize_name(requirement.name)
            if dependency in seen:
                continue
            seen.add(dependency)
            assert dependency in pins, f"{dependency} (needed by {name}) is not in requirements.lock"
            installed = Version(metadata.version(dependency))
            assert installed == pins[dependency], \
                f"{dependency} {installed} is installed but requirements.lock says {pins[dependency]}"
            todo.append((dependency, frozenset(requirement.extras)))
    assert len(seen) >= 10  # the walk reached the dependencies' own dependencies


def test_a_version_outside_its_range_or_a_missing_package_is_caught() -> None:
    text = "pydantic==2.5.0\ntyper==0.29.2 ; sys_platform == 'win32'\n"
    pins = locked(text, ENVIRONMENTS["this machine"])
    assert "typer" not in pins  # its marker does not hold here
    pydantic = next(r for r in declared() if r.name == "pydantic")
    assert not pydantic.specifier.contains(pins["pydantic"])
