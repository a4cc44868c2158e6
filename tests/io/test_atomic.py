"""Nothing lost (issue 5 item 4): outputs are written atomically, never over a file without --force, and an
interrupted writer — an exception, Ctrl-C, or a SIGKILL in the middle of the write — leaves the old file or
the complete new one, never a fragment.

What remains after a SIGKILL: the writer cannot clean up, so its temporary `.NAME.XXXXXXXX.part` stays
beside the target (the target itself is untouched). It is named after the target, hidden on POSIX, and the
next write to the same target removes it once it is older than `STALE_PART_SECONDS`; a younger one is left
alone because it may belong to a write still running in another process.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parindex.common.errors import ParindexError
from parindex.io.atomic import STALE_PART_SECONDS, part_pattern, remove_stale_parts, write_atomic, write_text_atomic

REPO = Path(__file__).resolve().parents[2]
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
    assert "No space left" in caught.value.msg.line("en")
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
    import parindex.criteria.schema

    target = tmp_path / "schema.json"
    target.write_text(OLD, encoding="utf-8")

    def interrupted() -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(parindex.criteria.schema, "schema_text", interrupted)
    result = cli("schema", "-o", str(target), "--force")
    assert result.code == 2
    assert "PC705" in result.err
    assert "Traceback" not in result.out + result.err
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(os.listdir(tmp_path)) == ["schema.json"]


# --- killing a real writer ---------------------------------------------------------------------------------
# The test waits for what the writer has visibly done (a line it printed, the bytes in its `.part` file, the
# target replaced), never for a fixed time: on a busy machine a delay says nothing about where the writer is.

CHUNK = 1 << 20
CHUNKS = 48  # a 48 MiB output, written a chunk at a time
DEADLINE = 120  # seconds: only a guard against a hang, never a guess at how fast the machine is

WRITER = textwrap.dedent(f"""
    import os, sys
    from pathlib import Path
    from parindex.io.atomic import write_atomic

    target = Path(sys.argv[1])
    hold = int(sys.argv[2])  # after this many chunks, wait (for the signal); 0: write straight through

    def write(tmp):
        with open(tmp, "wb") as out:
            for k in range({CHUNKS}):
                out.write(bytes([65 + k % 26]) * {CHUNK})
                out.flush()
                print("wrote", k + 1, flush=True)
                if k + 1 == hold:
                    sys.stdin.readline()  # the test never answers: only its signal ends this

    write_atomic(target, write, force=True)
    print("done", flush=True)
""")


def new_content_digest() -> str:
    digest = hashlib.sha256()
    for k in range(CHUNKS):
        digest.update(bytes([65 + k % 26]) * CHUNK)
    return digest.hexdigest()


class Writer:
    """The writer above in a child process; what it has printed is collected as it comes."""

    def __init__(self, target: Path, hold: int) -> None:
        self.target = target
        self.child = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(hold)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, cwd=REPO)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.child.stdout is not None
        for line in self.child.stdout:
            self.lines.append(line.strip())

    def part_size(self) -> int:
        for path in self.target.parent.iterdir():
            if part_pattern(self.target).fullmatch(path.name):
                with contextlib.suppress(OSError):  # renamed or removed meanwhile
                    return path.stat().st_size
        return 0

    def target_is_new(self) -> bool:
        with contextlib.suppress(OSError):
            return self.target.stat().st_size == CHUNK * CHUNKS
        return False

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        """Poll until `condition()` holds; fail clearly if the writer dies first or the deadline passes."""
        end = time.monotonic() + DEADLINE
        while not condition():
            if self.child.poll() is not None:
                self.reader.join(DEADLINE)
                if condition():
                    return
                pytest.fail(f"the writer exited ({self.child.returncode}) before {what}; it printed {self.lines}")
            if time.monotonic() > end:
                pytest.fail(f"waited {DEADLINE} s for {what}; the writer printed {self.lines[-3:]}")
            time.sleep(0.001)

    def signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):  # it may have just exited, after "done"
            self.child.send_signal(signum)
        try:
            self.child.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.child.kill()
            pytest.fail(f"the writer still ran {DEADLINE} s after signal {signum}")

    def stop(self) -> None:
        """Whatever happened, leave no process, thread or pipe behind."""
        if self.child.poll() is None:
            self.child.kill()
            self.child.wait()
        self.reader.join(DEADLINE)
        for pipe in (self.child.stdin, self.child.stdout):
            if pipe is not None:
                pipe.close()


def run_writer(target: Path, signum: int, moment: str) -> Writer:
    """Start a writer, wait for `moment`, send `signum`, wait for the writer to end. Moments:
    `held at N`: it has written N chunks and waits, mid-write (its .part file holds exactly N MiB);
    `all written`: the .part file holds every byte, or is already renamed (fsync, chmod, rename: any of them);
    `renamed`: the target holds the new content (the folder's fsync and the clean-up may still be running);
    `done`: it printed "done" (write_atomic has returned)."""
    hold = int(moment.removeprefix("held at ")) if moment.startswith("held at ") else 0
    writer = Writer(target, hold)
    try:
        if hold:
            writer.wait_for(lambda: f"wrote {hold}" in writer.lines, f"the writer to have written {hold} chunks")
            assert writer.part_size() == hold * CHUNK
        elif moment == "all written":
            writer.wait_for(lambda: writer.part_size() == CHUNK * CHUNKS or writer.target_is_new(),
                            "every byte in the .part file")
        elif moment == "renamed":
            writer.wait_for(writer.target_is_new, "the new content in the target")
        else:
            assert moment == "done", moment
            writer.wait_for(lambda: "done" in writer.lines, "the writer to print done")
        writer.signal(signum)
    finally:
        writer.stop()
    return writer


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("moment", ["held at 1", f"held at {CHUNKS // 2}", f"held at {CHUNKS}", "all written",
                                    "renamed", "done"])
def test_sigkill_mid_write_leaves_the_old_file_or_the_whole_new_one(tmp_path: Path, moment: str) -> None:
    """Killed at different moments (during the write, the fsync, around the rename, or after it): the target
    is always the old file or the complete new one."""
    target = tmp_path / "báo cáo.xlsx"
    target.write_text(OLD, encoding="utf-8")
    writer = run_writer(target, signal.SIGKILL, moment)
    content = target.read_bytes()
    if content != OLD.encode():
        assert len(content) == CHUNK * CHUNKS, f"a fragment of {len(content)} bytes (exit {writer.child.returncode})"
        assert hashlib.sha256(content).hexdigest() == new_content_digest()
    leftovers = parts(tmp_path)
    assert len(leftovers) <= 1
    assert all(part_pattern(target).fullmatch(name) for name in leftovers), leftovers
    assert sorted(os.listdir(tmp_path)) == sorted([target.name, *leftovers])
    if moment.startswith("held at "):  # killed mid-write, before the rename: the old file, the fragment beside
        assert content == OLD.encode()
        assert len(leftovers) == 1
    if moment in ("renamed", "done"):  # killed after the rename: the new file, nothing beside it
        assert content != OLD.encode()
        assert leftovers == []

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
    writer = run_writer(target, signal.SIGINT, "held at 5")
    assert writer.child.returncode != 0
    assert "done" not in writer.lines
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(os.listdir(tmp_path)) == ["out.xlsx"], "the .part file must be removed on Ctrl-C"


def test_a_killed_writer_at_least_once_left_the_old_file_mid_write(tmp_path: Path) -> None:
    """Guard against a test that only ever kills after the rename: a writer killed mid-write must leave the
    old content (so the test above really exercises the middle of a write)."""
    if os.name != "posix":
        pytest.skip("SIGKILL")
    target = tmp_path / "out.xlsx"
    target.write_text(OLD, encoding="utf-8")
    run_writer(target, signal.SIGKILL, "held at 2")
    assert target.read_text(encoding="utf-8") == OLD
    assert len(parts(tmp_path)) == 1
    assert (tmp_path / parts(tmp_path)[0]).stat().st_size == 2 * CHUNK  # the fragment, beside the target


def test_an_output_that_is_a_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    from parindex.io.atomic import refuse_overwrite

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
