"""lint/runner.py, lint/pipeline.py and lint/payload.py on their own: one pipeline, lean results, the pool."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.config.loader import Config, ConfigLoader
from vplint.lint import runner
from vplint.lint.options import Options
from vplint.lint.payload import from_payload, lean, to_payload
from vplint.lint.pipeline import lint_file, lint_text
from vplint.lint.result import FileResult, Result
from vplint.lint.runner import lint_paths

TODAY = Options(today=__import__("datetime").date(2026, 11, 27))


def _canvases(folder: Path, en_text: str, zh_text: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    broken = en_text.replace("Type: problem-solving", "Type: problem-solvin", 1).replace("id: acme-cfo", "id: acme-2")
    broken = broken.replace("title: Chief Financial Officer", "title: Treasurer")  # not the same decision-maker
    files = [folder / "a.md", folder / "b.md", folder / "c.md"]
    files[0].write_text(en_text, encoding="utf-8")
    files[1].write_text(broken, encoding="utf-8")  # one error
    files[2].write_text(zh_text, encoding="utf-8")
    return files


def _signature(result: Result) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    return [(f.path, [(d.line, d.column, d.code, d.message) for d in f.diagnostics]) for f in result.files]


def test_lint_paths_finds_files_in_order_and_reports_missing(tmp_path: Path, en_text: str, zh_text: str) -> None:
    _canvases(tmp_path / "c", en_text, zh_text)
    result = lint_paths([str(tmp_path / "c"), str(tmp_path / "nope.md")], TODAY)
    assert [Path(f.path).name for f in result.files] == ["a.md", "b.md", "c.md"]
    assert result.missing == [str(tmp_path / "nope.md")]
    assert result.exit_code == 2
    assert [d.code for d in result.files[1].diagnostics] == ["S002"]


def test_kept_and_lean_results_report_the_same(tmp_path: Path, en_text: str, zh_text: str) -> None:
    _canvases(tmp_path, en_text, zh_text)
    kept = lint_paths([str(tmp_path)], TODAY)
    lean_run = lint_paths([str(tmp_path)], Options(today=TODAY.today, keep=False, jobs=1))
    assert _signature(kept) == _signature(lean_run)
    assert all(f.document is not None for f in kept.files)
    assert all(f.document is None for f in lean_run.files)


def test_a_lean_result_carries_the_source_lines_its_findings_point_to(
    tmp_path: Path, en_text: str, zh_text: str
) -> None:
    files = _canvases(tmp_path, en_text, zh_text)
    result = lint_paths([str(tmp_path)], Options(today=TODAY.today, keep=False, jobs=1))
    broken = result.files[1]
    lines = files[1].read_text(encoding="utf-8").split("\n")
    (d,) = broken.diagnostics
    assert broken.source_line(d.line) == lines[d.line - 1]
    assert "problem-solvin" in (broken.source_line(d.line) or "")
    assert broken.source_line(len(lines) + 5) is None


def test_lean_keeps_only_what_the_rest_of_the_run_reads(en_text: str) -> None:
    text = en_text.replace("Type: problem-solving", "Type: problem-solvin", 1)
    full = lint_file_text(text)
    small = lean(full)
    assert small.document is None
    assert small.canvas is not None
    assert set(small.canvas.data) <= {"id", "account", "decision_maker"}
    assert set(small.lines) == {d.line for d in full.diagnostics}
    for number, line in small.lines.items():
        assert line == full.source_line(number)


def lint_file_text(text: str) -> FileResult:
    from vplint.lint.pipeline import lint_document
    from vplint.parser.document import parse_document

    return lint_document(parse_document(text, "x.md"), Config(), TODAY)


def test_payload_round_trip_is_the_lean_result(en_text: str) -> None:
    text = en_text.replace("Type: problem-solving", "Type: problem-solvin", 1)
    text += "\n<!-- vplint-disable-next-line C001 -->\nplain line\n"
    small = lean(lint_file_text(text))
    back = from_payload("x.md", to_payload(small), Config())
    assert [(d.line, d.column, d.code, d.message_id, dict(d.args), d.fix) for d in back.diagnostics] == [
        (d.line, d.column, d.code, d.message_id, dict(d.args), d.fix) for d in small.diagnostics
    ]
    assert back.lines == small.lines
    assert [(d.line, d.codes) for d in back.directives] == [(d.line, d.codes) for d in small.directives]
    assert back.canvas is not None
    assert small.canvas is not None
    assert back.canvas.data == small.canvas.data
    assert back.canvas.positions == small.canvas.positions


def test_worker_processes_give_the_same_result(
    tmp_path: Path, en_text: str, zh_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _canvases(tmp_path, en_text, zh_text)
    (tmp_path / "dup.md").write_text(en_text, encoding="utf-8")  # X001: the same id twice, across files
    one = lint_paths([str(tmp_path)], Options(today=TODAY.today, keep=False, jobs=1))
    monkeypatch.setattr(runner, "PARALLEL_MIN_FILES", 2)
    pooled = lint_paths([str(tmp_path)], Options(today=TODAY.today, keep=False, jobs=2))
    assert _signature(one) == _signature(pooled)
    assert "X001" in {d.code for f in pooled.files for d in f.diagnostics}
    assert all(f.source_line(d.line) for f in pooled.files for d in f.diagnostics)


def test_an_unreadable_file_is_a_result_with_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "canvas.md"
    folder.mkdir()  # a folder named like a canvas, named directly: it cannot be read as a file
    res = lint_file(str(folder), Config(), Options())
    assert res.error
    assert res.diagnostics == []


def test_lint_text_is_finished_and_reads_no_configuration(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "vplint.toml").write_text('[rules]\nignore = ["S"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = lint_text(en_text.replace("Type: problem-solving", "Type: problem-solvin", 1), "x.md", options=TODAY)
    assert [d.code for d in res.diagnostics] == ["S002"]
    assert res.diagnostics[0].lang == "en"


def test_lint_text_takes_a_configuration(en_text: str) -> None:
    text = en_text.replace("Type: problem-solving", "Type: problem-solvin", 1)
    config = replace(ConfigLoader(isolated=True).for_path(ROOT), ignore=("S002",))
    res = lint_text(text, "x.md", config, TODAY)
    assert "S002" not in {d.code for d in res.diagnostics}


def test_a_cached_payload_of_another_shape_is_a_miss(tmp_path: Path, en_text: str) -> None:
    """A cache entry of the right outer shape and a wrong inner one is a miss: the run checks the file again."""
    import json

    (tmp_path / "a.md").write_text(en_text.replace("Type: problem-solving", "Type: x", 1), encoding="utf-8")
    options = Options(today=TODAY.today, keep=False, jobs=1, cache=True, cache_dir=tmp_path / "cache", isolated=True)
    first = _signature(lint_paths([str(tmp_path / "a.md")], options))
    (cache,) = (tmp_path / "cache").glob("results-*.json")
    data = json.loads(cache.read_text(encoding="utf-8"))
    (good,) = (json.loads(entry[1]) for entry in data["files"].values())
    row = good["diagnostics"][0]
    deep = "[" * 100_000 + "]" * 100_000
    for bad in (
        '{"lang": "en"}',
        "{}",
        json.dumps({**good, "diagnostics": [[1]]}),
        json.dumps({**good, "diagnostics": [["x", *row[1:]]]}),  # a line that is not a number
        json.dumps({**good, "diagnostics": [[*row[:3], "S002.no_such_message", *row[4:]]]}),
        json.dumps({**good, "lines": []})[:-1].replace('"lines": []', '"lines": ' + deep) + "}",
    ):
        for entry in data["files"].values():
            entry[1] = bad
        cache.write_text(json.dumps(data), encoding="utf-8")
        assert _signature(lint_paths([str(tmp_path / "a.md")], options)) == first, bad[:80]


def test_the_cache_knows_the_users_language_from_every_locale_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty file's findings are in the user's language; LC_ALL must change the cached result too."""
    (tmp_path / "e.md").write_text("", encoding="utf-8")
    options = Options(keep=False, jobs=1, cache=True, cache_dir=tmp_path / "cache", isolated=True)
    for var in ("VPLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    (zh,) = lint_paths([str(tmp_path / "e.md")], options).files
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    (en,) = lint_paths([str(tmp_path / "e.md")], options).files
    assert zh.diagnostics[0].lang == "zh"
    assert en.diagnostics[0].lang == "en"
