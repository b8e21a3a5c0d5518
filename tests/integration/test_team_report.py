"""``vplint report --format json|csv``: the team's canvases as data, valid against its schema."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.integration.test_cli_stdin import _defective
from vplint.cli.main import main

SCHEMA = json.loads((ROOT / "schema" / "team-report.schema.json").read_text(encoding="utf-8"))


def report(*args: str) -> int:
    return main(["report", *args, "--isolated", "--today", "2026-12-06"])


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The varied set with defects in both languages, and the two samples."""
    _defective(tmp_path / "canvases")
    for sample in ("acme-cfo.en.md", "huaxin-cio.zh.md"):
        (tmp_path / "canvases" / sample).write_bytes((ROOT / "canvases" / sample).read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_json_report_validates_and_agrees_with_check(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("canvases", "-o", "out", "--format", "json") == 0
    assert capsys.readouterr().out == "Wrote report.json to out (22 canvases).\n"
    data = json.loads((team / "out" / "report.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    assert main(["check", "canvases", "--isolated", "--no-cache", "--today", "2026-12-06", "--output-format", "json"])
    checked = json.loads(capsys.readouterr().out)
    assert len(data["findings"]) == len(checked["findings"])
    by_path = {c["path"]: c for c in data["canvases"]}
    acme = by_path["canvases/acme-cfo.en.md"]
    assert (acme["id"], acme["account"], acme["buying_role"], acme["updated"], acme["age_days"]) == (
        "acme-cfo",
        "ACME Manufacturing",
        "finance",
        "2026-11-20",
        16,
    )
    assert acme["clean"] is True
    assert acme["newest_evidence"] == "2026-10-12"
    assert acme["evidence_age_days"] == 55
    assert by_path["canvases/huaxin-cio.zh.md"]["account"] == "华信物流"
    dirty = [c for c in data["canvases"] if not c["clean"]]
    assert {f["path"] for f in data["findings"] if f["severity"] in ("error", "warning")} == {c["path"] for c in dirty}
    kinds = {(i["canvas"], i["id"]): i for i in data["items"]}
    assert kinds[("acme-cfo", "N1")]["kind"] == "operations"
    assert kinds[("acme-cfo", "N1")]["refs"] == "P1"
    assert kinds[("huaxin-cio", "P1")]["kind"] == "problem-solving"  # slugs, whatever the canvas's language
    assert kinds[("acme-cfo", "M1")]["detail"] == "external/political"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_report_is_the_same_bytes_each_time(team: Path) -> None:
    assert report("canvases", "-o", "a") == 0
    assert report("canvases", "-o", "b") == 0
    site = _tree(team / "a")
    assert site == _tree(team / "b")
    assert {"index.html", "report.json", "accounts/acme-manufacturing.html", "briefs/acme-cfo.html"} <= set(site)


def test_the_csv_tables_are_the_json_rows(team: Path) -> None:
    assert report("canvases", "-o", "out") == 0
    data = json.loads((team / "out" / "report.json").read_text(encoding="utf-8"))
    assert report("canvases", "-o", "out", "--format", "csv") == 0
    for table, row in (("canvases", "canvas"), ("findings", "finding"), ("items", "item")):
        raw = (team / "out" / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read the Chinese text right
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert rows[0] == list(SCHEMA["$defs"][row]["properties"])
        assert len(rows) - 1 == len(data[table])
        for written, expected in zip(rows[1:], data[table], strict=True):
            cells = {k: v for k, v in zip(rows[0], written, strict=True)}
            assert cells["path"] == expected["path"]
    canvases = (team / "out" / "canvases.csv").read_text(encoding="utf-8-sig")
    assert ",华信物流,李雷,zh,首席信息官,business-unit," in canvases
    acme = next(r for r in csv.DictReader(canvases.splitlines()) if r["id"] == "acme-cfo")
    assert acme["evaluators"] == 'Head of Credit Control; "IT Architect, ERP"'


def test_a_missing_path_is_told_and_the_rest_reported(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("canvases", "nowhere", "-o", "out") == 2
    assert "vplint: nowhere: no such file or directory" in capsys.readouterr().err
    data = json.loads((team / "out" / "report.json").read_text(encoding="utf-8"))
    assert data["missing"] == ["nowhere"]
    assert len(data["canvases"]) == 22


def test_an_output_that_cannot_be_written_is_a_message(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (team / "out").write_text("a file where the folder should be\n", encoding="utf-8")
    assert report("canvases", "-o", "out") == 2
    err = capsys.readouterr().err
    assert err.startswith("vplint: out: cannot write: ")
    assert "Traceback" not in err
    assert (team / "out").read_text(encoding="utf-8") == "a file where the folder should be\n"


def test_pages_an_earlier_run_made_are_removed_and_check_names_them(
    team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report("canvases", "-o", "site") == 0
    mine = team / "site" / "accounts" / "notes.html"
    mine.write_text("<p>our own notes</p>\n", encoding="utf-8")  # not vplint's: never touched
    (team / "canvases" / "acme-cfo.en.md").unlink()
    capsys.readouterr()
    assert report("canvases", "-o", "site", "--check") == 1
    out = capsys.readouterr().out
    assert "left over from an earlier run: site/briefs/acme-cfo.html" in out
    assert "left over from an earlier run: site/accounts/acme-manufacturing.html" in out
    assert (team / "site" / "briefs" / "acme-cfo.html").exists()  # --check writes and removes nothing
    assert report("canvases", "-o", "site") == 0
    assert not (team / "site" / "briefs" / "acme-cfo.html").exists()
    assert not (team / "site" / "accounts" / "acme-manufacturing.html").exists()
    assert mine.read_text(encoding="utf-8") == "<p>our own notes</p>\n"
    capsys.readouterr()
    assert report("canvases", "-o", "site", "--check") == 0
    assert "is up to date" in capsys.readouterr().out
