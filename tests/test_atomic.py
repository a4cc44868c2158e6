"""Nothing lost (issue 5 item 4): outputs are written atomically, never over a file without --force, and an
interrupted writer — an exception, Ctrl-C, or a SIGKILL in the middle of the write — leaves the old file or
the complete new one, never a fragment.

What remains after a SIGKILL: the writer cannot clean up, so its temporary `.NAME.XXXXXXXX.part` stays
beside the target (the target itself is untouched). It is named after the target, hidden on POSIX, and the
next write to the same target removes it once it is older than `STALE_PART_SECONDS`; a younger one is left
alone because it may belong to a write still running in another process.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parindex.atomic import STALE_PART_SECONDS, part_pattern, remove_stale_parts, write_atomic, write_text_atomic
from parindex.errors import ParindexError

REPO = Path(__file__).resolve().parent.parent
OLD = "nội dung cũ — old content\n"


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# --- in-process ------------------------------------------------------------------------------------------


def test_writes_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "báo cáo.json"
    write_text_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert sorted(os.listdir(tmp_path)) == ["báo cáo.json"]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(ParindexError) as caught:
        write_text_atomic(target, "new")
    assert caught.value.code == "PC701"
    assert caught.value.exit_code == 2
    assert target.read_text(encoding="utf-8") == OLD
    write_text_atomic(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(os.listdir(tmp_path)) == ["out.json"]


@pytest.mark.parametrize("error", [RuntimeError("renderer failed"), KeyboardInterrupt()])
def test_a_writer_that_fails_half_way_leaves_the_old_file(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "out.xlsx"
    target.write_text(OLD, encoding="utf-8")

    def half(tmp: Path) -> None:
        tmp.write_bytes(b"PK\x03\x04 half a workbook")
        raise error

    with pytest.raises(type(error)):
        write_atomic(target, half, force=True)
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(os.listdir(tmp_path)) == ["out.xlsx"]


def test_an_os_error_becomes_pe304_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"

    def full_disk(tmp: Path) -> None:
        tmp.write_text("a,b\n")
        raise OSError(28, "No space left on device")

    with pytest.raises(ParindexError) as caught:
        write_atomic(target, full_disk)
    assert caught.value.code == "PE304"
    assert "No space left" in caught.value.message("en")
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_is_pe304(tmp_path: Path) -> None:
    with pytest.raises(ParindexError) as caught:
        write_text_atomic(tmp_path / "khong-co" / "out.json", "{}")
    assert caught.value.code == "PE304"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_pe304(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ParindexError) as caught:
            write_text_atomic(folder / "out.json", "{}")
        assert caught.value.code == "PE304"
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_output_gets_the_usual_mode_not_the_private_temp_mode(tmp_path: Path) -> None:
    """mkstemp makes 0600 files; a report on a shared folder must stay readable by colleagues."""
    mask = os.umask(0o022)
    try:
        target = tmp_path / "new.json"
        write_text_atomic(target, "{}")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text(OLD)
        kept.chmod(0o664)
        write_text_atomic(kept, "{}", force=True)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o664
    finally:
        os.umask(mask)


def test_stale_parts_are_removed_by_the_next_write_and_young_ones_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    stale = tmp_path / ".out.xlsx.ab12cd34.part"
    young = tmp_path / ".out.xlsx.zz99yy88.part"
    other = tmp_path / ".khac.xlsx.ab12cd34.part"  # another target's: not ours to touch
    lookalike = tmp_path / ".out.xlsx.notmine.part"  # not a name mkstemp makes
    for path in (stale, young, other, lookalike):
        path.write_bytes(b"fragment")
    old = time.time() - STALE_PART_SECONDS - 60
    for path in (stale, other, lookalike):
        os.utime(path, (old, old))
    write_text_atomic(target, "{}")
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in (target, young, other, lookalike))
    assert part_pattern(target).fullmatch(young.name)
    assert remove_stale_parts(target, older_than=-1) == [young]


# --- through the CLI -------------------------------------------------------------------------------------


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """`cli("schema", "-o", "x")` runs `parindex schema -o x` in-process (its own, so this file stands alone)."""
    from parindex.cli.app import run

    def invoke(*argv: str) -> Result:
        capsys.readouterr()
        code = run(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def test_cli_refuses_to_overwrite_before_doing_the_work(cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    target.write_text(OLD, encoding="utf-8")
    result = cli("schema", "-o", str(target))
    assert result.code == 2
    assert "PC701" in result.err
    assert target.read_text(encoding="utf-8") == OLD
    result = cli("schema", "-o", str(target), "--force")
    assert result.code == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert sorted(os.listdir(tmp_path)) == ["schema.json"]


def test_cli_ctrl_c_during_a_write_is_pc705_and_keeps_the_old_file(cli: Callable[..., Result], tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import parindex.schema

    target = tmp_path / "schema.json"
    target.write_text(OLD, encoding="utf-8")

    def interrupted() -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(parindex.schema, "schema_text", interrupted)
    result = cli("schema", "-o", str(target), "--force")
    assert result.code == 2
    assert "PC705" in result.err
    assert "Traceback" not in result.out + result.err
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(os.listdir(tmp_path)) == ["schema.json"]


# --- killing a real writer ---------------------------------------------------------------------------------

CHUNK = 1 << 20
CHUNKS = 48  # a 48 MiB output, written a chunk at a time

WRITER = textwrap.dedent(f"""
    import os, sys
    from pathlib import Path
    from parindex.atomic import write_atomic

    target = Path(sys.argv[1])
    pace = float(sys.argv[2])

    def write(tmp):
        with open(tmp, "wb") as out:
            for k in range({CHUNKS}):
                out.write(bytes([65 + k % 26]) * {CHUNK})
                out.flush()
                if k == 0:
                    print("writing", flush=True)
                if pace:
                    import time
                    time.sleep(pace)

    write_atomic(target, write, force=True)
    print("done", flush=True)
""")


def new_content_digest() -> str:
    digest = hashlib.sha256()
    for k in range(CHUNKS):
        digest.update(bytes([65 + k % 26]) * CHUNK)
    return digest.hexdigest()


def run_writer(target: Path, pace: float, signum: int, delay: float) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(pace)], stdout=subprocess.PIPE,
                             text=True, cwd=REPO)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    time.sleep(delay)
    child.send_signal(signum)
    child.wait(timeout=60)
    return child


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize(("pace", "delay"), [(0.01, 0.0), (0.01, 0.05), (0.01, 0.2), (0.0, 0.0), (0.0, 0.02),
                                             (0.0, 0.08), (0.0, 0.3)])
def test_sigkill_mid_write_leaves_the_old_file_or_the_whole_new_one(tmp_path: Path, pace: float,
                                                                    delay: float) -> None:
    """Killed at different moments (during the write, the fsync, around the rename, or after it): the target
    is always the old file or the complete new one."""
    target = tmp_path / "báo cáo.xlsx"
    target.write_text(OLD, encoding="utf-8")
    child = run_writer(target, pace, signal.SIGKILL, delay)
    content = target.read_bytes()
    if content != OLD.encode():
        assert len(content) == CHUNK * CHUNKS, f"a fragment of {len(content)} bytes (exit {child.returncode})"
        assert hashlib.sha256(content).hexdigest() == new_content_digest()
    leftovers = parts(tmp_path)
    assert len(leftovers) <= 1
    assert all(part_pattern(target).fullmatch(name) for name in leftovers), leftovers
    assert sorted(os.listdir(tmp_path)) == sorted([target.name, *leftovers])

    # the next write to the same target cleans up once the leftover is stale
    for name in leftovers:
        old = time.time() - STALE_PART_SECONDS - 1
        os.utime(tmp_path / name, (old, old))
    write_text_atomic(target, "mới\n", force=True)
    assert sorted(os.listdir(tmp_path)) == [target.name]
    assert target.read_text(encoding="utf-8") == "mới\n"


@pytest.mark.skipif(os.name != "posix", reason="SIGINT")
def test_ctrl_c_mid_write_cleans_up_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_text(OLD, encoding="utf-8")
    child = run_writer(target, 0.01, signal.SIGINT, 0.05)
    assert child.returncode != 0
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(os.listdir(tmp_path)) == ["out.xlsx"], "the .part file must be removed on Ctrl-C"


def test_a_killed_writer_at_least_once_left_the_old_file_mid_write(tmp_path: Path) -> None:
    """Guard against a test that only ever kills after the rename: a slow writer killed early must leave the
    old content (so the test above really exercises the middle of a write)."""
    if os.name != "posix":
        pytest.skip("SIGKILL")
    target = tmp_path / "out.xlsx"
    target.write_text(OLD, encoding="utf-8")
    run_writer(target, 0.02, signal.SIGKILL, 0.0)
    assert target.read_text(encoding="utf-8") == OLD
    assert len(parts(tmp_path)) == 1


def test_an_output_that_is_a_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    from parindex.atomic import refuse_overwrite

    for force in (False, True):
        with pytest.raises(ParindexError) as caught:
            refuse_overwrite(tmp_path, force)
        assert caught.value.code == "PE305"


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_writing_through_a_symlink_replaces_the_file_it_names_and_keeps_the_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    target = elsewhere / "report.json"
    target.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    write_text_atomic(link, "new", force=True)
    assert link.is_symlink() and target.read_text() == "new"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["report.json"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="a device file")
def test_a_device_is_never_replaced_by_an_output(tmp_path: Path) -> None:
    with pytest.raises(ParindexError) as caught:
        write_text_atomic(Path("/dev/null"), "{}", force=True)
    assert caught.value.code == "PE307"
    assert not Path("/dev/null").is_file()


def test_a_missing_folder_is_refused_before_any_work_in_the_user_language(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    result = cli("gap", "--year", "2020", "-f", "md", "-o", str(plan), "--chart", str(tmp_path / "khong" / "c.png"))
    assert result.code == 2 and "PE304" in result.err and "không tồn tại" in result.err
    assert not plan.exists()  # the plan was not written before the chart failed
