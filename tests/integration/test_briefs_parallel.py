"""``vplint brief`` on every core (:mod:`vplint.briefs.shards`) says and writes exactly what it does in one process.

A run of at least :data:`~vplint.lint.runner.PARALLEL_MIN_FILES` files checks and renders in forked
workers.  Every difference from the one-process path is a bug: the same briefs byte for byte, the same
messages in the same order, the same exit code, for a corpus with what makes a run interesting: a
canvas briefed twice under one name (a clash, and X001 from the cross-file rules), canvases with
errors (blocked, or briefed with ``--allow-errors``), an empty file, and both languages.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.integration.brief_set import write_set
from vplint.briefs import shards
from vplint.cli.main import main
from vplint.lint.runner import PARALLEL_MIN_FILES

pytestmark = pytest.mark.skipif(not shards.available(), reason="no fork on this platform: briefs use one process")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for prefix in ("a", "b", "c", "d"):
        folder = root / prefix
        for path in write_set(folder):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^id: ", f"id: {prefix}-", text, count=1), encoding="utf-8")
    extra = root / "e"
    extra.mkdir()
    shutil.copy(root / "a" / "c01.en.md", extra / "same-id.en.md")  # one id twice: a clash and X001
    broken = (root / "b" / "c03.en.md").read_text(encoding="utf-8")
    (extra / "errors.en.md").write_text(broken.replace("id: b-", "id: e-", 1).replace("- Type: ", "- Type: x", 1))
    (extra / "empty.md").write_text("")
    assert len(list(root.rglob("*.md"))) >= PARALLEL_MIN_FILES
    return root


def _run(corpus: Path, out: Path, jobs: int, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str, str]:
    code = main(["brief", str(corpus), "-o", str(out), "--isolated", "--jobs", str(jobs), *more])
    said = capsys.readouterr()
    return code, said.out.replace(str(out), "OUT"), said.err.replace(str(out), "OUT")


@pytest.mark.parametrize("more", [(), ("--allow-errors",), ("--allow-errors", "--lang", "zh", "--no-map")])
def test_every_core_writes_and_says_what_one_process_does(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], more: tuple[str, ...]
) -> None:
    one = _run(corpus, tmp_path / "one", 1, capsys, *more)
    every = _run(corpus, tmp_path / "every", 2, capsys, *more)
    assert every == one
    assert one[0] == 1  # the clash, the empty file and (without --allow-errors) the canvas with errors
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "every").iterdir())
    assert len(names) >= 2 * 80
    for name in names:
        assert (tmp_path / "every" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    # the cross-file rules ran over the whole run: X001 blocks the second canvas of one id (it is the
    # clash, never briefed, with --allow-errors)
    assert "X001" in one[1] or "--allow-errors" in more
    assert "same-id.en.md" in one[1] + one[2]


def test_every_core_checks_freshness_as_one_process_does(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _run(corpus, out, 2, capsys, "--allow-errors")[0] == 1
    first = sorted(out.iterdir())[0]
    first.write_text("edited by hand\n", encoding="utf-8")
    one = _run(corpus, out, 1, capsys, "--allow-errors", "--check")
    every = _run(corpus, out, 2, capsys, "--allow-errors", "--check")
    assert every == one
    assert one[0] == 1
    assert first.name in one[1]


def test_a_template_error_in_a_worker_is_the_same_message(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "broken.md.j2"
    template.write_text("# {{ canvas.id }}\n{{ decision_maker.title.nope.deeper }}\n", encoding="utf-8")
    one = _run(corpus, tmp_path / "one", 1, capsys, "--template", str(template), "--allow-errors")
    every = _run(corpus, tmp_path / "every", 2, capsys, "--template", str(template), "--allow-errors")
    assert every == one
    assert one[0] == 2
    assert "broken.md.j2:2" in one[2]
    assert "Traceback" not in one[2]
    assert not (tmp_path / "every").exists()


def test_a_worker_that_dies_stops_the_run_before_anything_is_written(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.md").write_text("an older brief\n", encoding="utf-8")

    def dies(*args: object) -> None:
        os._exit(9)

    monkeypatch.setattr(shards, "_serve", dies)
    code, _, err = _run(corpus, out, 2, capsys, "--allow-errors")
    assert code == 2
    assert "a worker process stopped (exit code 9) before it answered; no brief was written" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["keep.md"]


def test_a_small_run_or_one_job_stays_in_this_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def no_workers(*args: object, **kwargs: object) -> None:
        raise AssertionError("no worker process for this run")

    monkeypatch.setattr(shards, "Shards", no_workers)
    write_set(tmp_path / "few")
    assert main(["brief", str(tmp_path / "few"), "-o", str(tmp_path / "out"), "--isolated", "--jobs", "2"]) == 0
