"""Issue 5, done when: the whole adversarial corpus through every command that takes such a file.

For each corpus file (tests/fixtures/bad/make_corpus.py, `CASES`) and each command, the test asserts:
the documented exit code; the specific error code in the output (or, for a file that is accepted, no error
code at all); no `Traceback`; every input byte-identical afterwards (hashes before and after); no stray file
left anywhere (the corpus folder, the working folder, the output folder) — only the output asked for, and
only when the command succeeded or found problems in the content, never after it could not run.

Workbooks go through `score` (table, and json with -o), `explain` and `gap`; criteria files through
`validate`, `criteria show`, `template -o` and `score --criteria`. Most runs are in-process (`run(argv)`);
the files built to exhaust memory or time run in a child process under a 4 GiB address-space limit and a
timeout, so a regression fails one test instead of taking the test run (or the machine) down.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parindex.common.catalogue import MESSAGES

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "bad"))
import make_corpus
from make_corpus import SECRET_TEXT, Case

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "criteria" / "minimal.yaml"
OFFICIAL = REPO / "tests" / "fixtures" / "bad" / "baseline-mini-2020.yaml"  # made-up results for mini-2020
CODE = re.compile(r"\b(P[A-Z][0-9]{3})\b")
WARNINGS = {"PS501", "PS502", "PS503", "PS521", "PS540", "PS541"}  # may accompany an accepted file
# Built to exhaust memory or time: run in a child process with limits.
ISOLATED = {"zip-bomb.xlsx", "zip-bomb-many-parts.xlsx", "zip-bomb-lying.xlsx", "too-many-entries.xlsx",
            "absurd-rows.xlsx", "far-row.xlsx", "far-cell.xlsx", "wide.xlsx", "billion-laughs-sheet.xlsx",
            "billion-laughs-strings.xlsx", "huge.yaml", "alias-bomb.yaml", "flow-deep.yaml", "deep.yaml"}
CHILD_MEMORY = 4 << 30
CHILD_SECONDS = 120

# --- the corpus, made once per test session ------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    folder: Path
    workbooks: dict[str, Case]
    yaml: dict[str, Case]

    def path(self, case: Case) -> Path:
        return self.folder / ("workbooks" if case.name in self.workbooks else "yaml") / case.name


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("bad-corpus")
    workbooks = make_corpus.workbook_cases(folder / "workbooks")
    yaml_cases = make_corpus.yaml_cases(folder / "yaml")
    make_corpus.make(folder / "workbooks", workbooks)
    make_corpus.make(folder / "yaml", yaml_cases)
    for path in folder.rglob("*"):  # inputs are read-only to the tool; make the files so too, to be sure
        if path.is_file():
            path.chmod(0o444)
    return Corpus(folder, {c.name: c for c in workbooks}, {c.name: c for c in yaml_cases})


WORKBOOK_CASES = make_corpus.workbook_cases(Path("/nonexistent"))
YAML_CASES = make_corpus.yaml_cases(Path("/nonexistent"))

# Cases where the tool is wrong today (reported in issue 5). The assertion stays the correct behaviour; strict,
# so that the fix turns this into a failure until the entry is removed.
KNOWN_BUGS: dict[str, str] = {}


def cases(items: list[Case]) -> list[object]:
    return [pytest.param(case, id=case.name, marks=pytest.mark.xfail(reason=KNOWN_BUGS[case.name], strict=True))
            if case.name in KNOWN_BUGS else pytest.param(case, id=case.name) for case in items]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (hidden ones too) → sha256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- running a command ---------------------------------------------------------------------------------------


@dataclass
class Outcome:
    code: int
    output: str

    @property
    def codes(self) -> set[str]:
        return set(CODE.findall(self.output))


def run_in_process(argv: list[str], env: dict[str, str], cwd: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> Outcome:
    from parindex.cli.app import run
    from parindex.common.i18n import set_lang

    with monkeypatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        patch.chdir(cwd)
        capsys.readouterr()
        try:
            code = run(argv)
        finally:
            set_lang(None)
        captured = capsys.readouterr()
    return Outcome(code, captured.out + captured.err)


def _limits() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


CHILD = """
import contextlib, io, json, sys
from parindex.cli.app import run
for argv in json.loads(sys.argv[1]):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        code = run(argv)
    sys.__stdout__.write(json.dumps({"code": code, "output": buffer.getvalue()}) + "\\n")
    sys.__stdout__.flush()
"""


def run_in_child(commands: list[list[str]], env: dict[str, str], cwd: Path) -> list[Outcome]:
    """All `commands` in one child process (one start-up), under the memory limit and a timeout. A child that
    dies (a native crash, the memory limit) gives its exit status and output to the commands it did not finish."""
    full_env = {**os.environ, **env}
    full_env.pop("PARINDEX_LANG", None)
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(commands)], cwd=cwd, env=full_env,
                              capture_output=True, text=True, timeout=CHILD_SECONDS, preexec_fn=_limits,
                              check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{commands} ran longer than {CHILD_SECONDS} s")
    outcomes = [Outcome(**json.loads(line)) for line in done.stdout.splitlines() if line.startswith("{")]
    died = Outcome(done.returncode, done.stderr)
    return outcomes + [died] * (len(commands) - len(outcomes))


@pytest.fixture
def parindex(capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[Outcome]]:
    """Run command lines for a case: in-process, or all in one limited child process for ISOLATED cases."""
    def invoke(commands: list[list[str]], case: Case, cwd: Path) -> list[Outcome]:
        if case.name in ISOLATED:
            return run_in_child(commands, case.env, cwd)
        return [run_in_process(argv, case.env, cwd, capsys, monkeypatch) for argv in commands]

    return invoke


def command_exists(name: str) -> bool:
    return importlib.util.find_spec(f"parindex.cli.commands.{name}") is not None and _registered(name)


def _registered(name: str) -> bool:
    from parindex.cli.app import create_app

    app = create_app()
    return any(command.name == name for command in app.registered_commands)


# --- what every run must satisfy ----------------------------------------------------------------------------


def check(outcome: Outcome, case: Case, expected_exit: int, expected_code: str | None, argv: list[str],
          also: tuple[str, ...] = ()) -> None:
    shown = f"parindex {' '.join(argv)}\n--- output ---\n{outcome.output[-4000:]}"
    assert "Traceback" not in outcome.output, shown
    assert SECRET_TEXT not in outcome.output, f"an external entity was read!\n{shown}"
    assert outcome.code >= 0, f"killed by signal {-outcome.code}\n{shown}"
    if expected_code is None:
        errors = outcome.codes - WARNINGS
        assert not errors, f"accepted file, yet error codes {sorted(errors)}\n{shown}"
    else:
        assert expected_code in outcome.codes, f"expected {expected_code}, saw {sorted(outcome.codes)}\n{shown}"
        for code in also:
            assert code in outcome.codes, f"expected {code} too, saw {sorted(outcome.codes)}\n{shown}"
        assert "PC700" not in outcome.codes or expected_code == "PC700", shown
    assert outcome.code == expected_exit, f"exit {outcome.code}, expected {expected_exit}\n{shown}"


def test_every_expected_code_is_in_the_catalogue_with_that_exit_code() -> None:
    """The table of record agrees with the catalogue: a case's exit code is its code's documented one."""
    for case in WORKBOOK_CASES + YAML_CASES:
        if case.code is None:
            continue
        assert case.code in MESSAGES, case.name
        assert MESSAGES[case.code].exit == case.exit, f"{case.name}: {case.code} is documented with exit " \
                                                      f"{MESSAGES[case.code].exit}, the case says {case.exit}"


# --- workbooks -------------------------------------------------------------------------------------------------


def _criteria(case: Case) -> list[str]:
    return ["--criteria", str(MINIMAL)] if case.criteria else []


@pytest.mark.parametrize("case", cases(WORKBOOK_CASES))
def test_workbook_through_score_explain_and_gap(case: Case, corpus: Corpus,
                                                parindex: Callable[..., list[Outcome]], tmp_path: Path) -> None:
    path = corpus.path(case)
    before = snapshot(corpus.folder)
    official = OFFICIAL.read_bytes()
    work = tmp_path / "work"
    out = tmp_path / "out"
    work.mkdir()
    out.mkdir()
    report = out / "report.json"
    explain_exit, explain_code = case.explain or (case.exit, case.code)
    runs: list[tuple[list[str], int, str | None, tuple[str, ...]]] = [
        (["score", str(path), *_criteria(case)], case.exit, case.code, case.also),
        (["score", str(path), *_criteria(case), "--format", "json", "-o", str(report), "--lang", "en"],
         case.exit, case.code, case.also),
        (["explain", str(path), case.item, *_criteria(case), "--lang", "en"], explain_exit, explain_code, ()),
    ]
    if command_exists("gap"):
        runs.append((["gap", str(path), "--year", "2020", *_criteria(case), "--official", str(OFFICIAL)],
                     case.exit, case.code, case.also))
    outcomes = parindex([argv for argv, *_ in runs], case, work)

    written = sorted(p.name for p in out.iterdir())
    if outcomes[1].code == 2 or case.code in _book_level():
        assert written == [], f"nothing may be written when the file cannot be scored: {written}"
    else:
        assert written == ["report.json"], written
        text = report.read_text(encoding="utf-8")
        outcomes[1].output += text  # the errors are in the report; the terminal only says where it went
        reported = {entry["code"] for entry in json.loads(text)["errors"]}
        assert reported == ({case.code, *case.also} if case.code else set()), reported
        report.unlink()
    failures = []
    for (argv, exit_code, code, also), outcome in zip(runs, outcomes, strict=True):
        try:
            check(outcome, case, exit_code, code, argv, also)
        except AssertionError as failure:  # report every command's failure, not only the first
            failures.append(str(failure))
    assert not failures, "\n\n".join(failures)

    assert snapshot(corpus.folder) == before, "an input file changed, or a file appeared beside the inputs"
    assert OFFICIAL.read_bytes() == official
    assert sorted(os.listdir(work)) == [], f"stray files in the working folder: {os.listdir(work)}"
    assert sorted(os.listdir(out)) == [], f"stray files in the output folder: {os.listdir(out)}"


def _book_level() -> set[str]:
    """Codes that stop the whole workbook (raised, not reported per item): no report is written."""
    return {code for code in MESSAGES if code.startswith(("PW4", "PE3", "PS52"))
            and not ("PW440" <= code <= "PW452")} | {"PW424"}


def test_nothing_is_read_through_an_external_entity(corpus: Corpus) -> None:
    """Read directly (not only through the CLI): the entity is refused, and the secret never comes back."""
    from parindex.common.errors import ParindexError
    from parindex.evidence.reader import read_evidence

    for name in ("xxe-sheet.xlsx", "xxe-strings.xlsx", "xxe-formula.xlsx"):
        with pytest.raises(ParindexError) as caught:
            read_evidence(corpus.path(corpus.workbooks[name]))
        assert caught.value.code == "PW410", name
        assert SECRET_TEXT not in caught.value.msg.line("en")


def test_a_folder_of_bad_workbooks_stops_at_the_first_with_its_name(corpus: Corpus,
                                                                    parindex: Callable[..., list[Outcome]],
                                                                    tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("valid.xlsx", "truncated.xlsx"):
        (folder / name).write_bytes(corpus.path(corpus.workbooks[name]).read_bytes())
    before = snapshot(folder)
    case = corpus.workbooks["valid.xlsx"]
    argv = ["score", str(folder), "--criteria", str(MINIMAL)]
    [outcome] = parindex([argv], case, tmp_path)
    check(outcome, case, 2, "PW404", argv)
    assert "truncated.xlsx" in outcome.output
    assert snapshot(folder) == before


@pytest.mark.parametrize(("argv", "code", "exit_code"), [
    (["score", "{missing}"], "PE300", 2),
    (["score", "{empty_dir}"], "PS523", 2),
    (["explain", "{empty_dir}", "1.1.1"], "PE305", 2),
    (["explain", "{missing}", "1.1.1"], "PE300", 2),
    (["validate", "{missing}"], "PE300", 2),
    (["validate", "{empty_dir}"], "PE305", 2),
    (["template", "{missing}", "-o", "{out}"], "PE300", 2),
    (["score", "{valid}", "--criteria", "{missing}.yaml"], "PE300", 2),
])
def test_paths_that_are_not_there(argv: list[str], code: str, exit_code: int, corpus: Corpus,
                                  parindex: Callable[..., list[Outcome]], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    names = {"missing": str(tmp_path / "khong-co.xlsx"), "empty_dir": str(tmp_path / "empty"),
             "out": str(tmp_path / "out.xlsx"), "valid": str(corpus.path(corpus.workbooks["valid.xlsx"]))}
    argv = [arg.format(**names) for arg in argv]
    case = corpus.workbooks["valid.xlsx"]
    [outcome] = parindex([argv], case, tmp_path)
    check(outcome, case, exit_code, code, argv)
    assert not (tmp_path / "out.xlsx").exists()


# --- criteria files ------------------------------------------------------------------------------------------


def _as_criteria(case: Case) -> tuple[int, str | None]:
    """What a command that needs a valid set says about this file: findings become PE310 (exit 1)."""
    if case.code is None:
        return 0, None
    if case.code.startswith("PX"):
        return 1, "PE310"
    return case.exit, case.code


@pytest.mark.parametrize("case", cases(YAML_CASES))
def test_criteria_file_through_validate_show_template_and_score(case: Case, corpus: Corpus,
                                                                parindex: Callable[..., list[Outcome]],
                                                                tmp_path: Path) -> None:
    path = corpus.path(case)
    before = snapshot(corpus.folder)
    work = tmp_path / "work"
    out = tmp_path / "out"
    work.mkdir()
    out.mkdir()
    template = out / "mau.xlsx"
    valid = corpus.path(corpus.workbooks["valid.xlsx"])
    as_set = _as_criteria(case)
    runs: list[tuple[list[str], tuple[int, str | None]]] = [
        (["validate", str(path)], (case.exit, case.code)),
        (["validate", str(path), "--format", "json", "--lang", "en"], (case.exit, case.code)),
        (["criteria", "show", str(path)], as_set),
        (["score", str(valid), "--criteria", str(path), "--lang", "en"], as_set),
    ]
    if command_exists("template"):
        runs.append((["template", str(path), "-o", str(template), "--unit", "Sở Thử nghiệm"], as_set))
    outcomes = parindex([argv for argv, _ in runs], case, work)
    failures = []
    for (argv, (exit_code, code)), outcome in zip(runs, outcomes, strict=True):
        try:
            check(outcome, case, exit_code, code, argv)
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, "\n\n".join(failures)

    if command_exists("template"):
        assert sorted(p.name for p in out.iterdir()) == (["mau.xlsx"] if as_set[0] == 0 else [])
        template.unlink(missing_ok=True)
    assert snapshot(corpus.folder) == before, "an input file changed, or a file appeared beside the inputs"
    assert sorted(os.listdir(work)) == [], f"stray files in the working folder: {os.listdir(work)}"
    assert sorted(os.listdir(out)) == [], f"stray files in the output folder: {os.listdir(out)}"


def test_the_corpus_is_deterministic(tmp_path: Path) -> None:
    """Two generations give the same bytes (the big YAML aside: it is only long)."""
    small = [c for c in WORKBOOK_CASES + YAML_CASES if c.name not in ISOLATED][:25]
    make_corpus.make(tmp_path / "a", small)
    make_corpus.make(tmp_path / "b", small)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
