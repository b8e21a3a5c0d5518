"""``vplint report --history``: the team week by week, from a real git repository built with dated commits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.team_support import canvas_text
from vplint.cli.main import main

SCHEMA = json.loads((ROOT / "schema" / "team-report.schema.json").read_text(encoding="utf-8"))
TODAY = "2026-12-06"


def _git_missing() -> bool:
    if shutil.which("git"):
        return False
    if os.environ.get("CI") == "true":
        pytest.fail("git is missing: .ci/run installs it before the tests")
    return True


pytestmark = pytest.mark.skipif(_git_missing(), reason="git is not installed")


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env |= {"GIT_AUTHOR_DATE": f"{date}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00+00:00"}
    args = ("-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", *args)
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def commit(repo: Path, date: str, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, date=date)


def sample(name: str) -> str:
    return (ROOT / "canvases" / name).read_text(encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Seven weeks of a team: a canvas added, a second, a broken version, a rename and a delete, an edit,
    a touch of ``updated`` alone, a file whose name is not UTF-8."""
    r = tmp_path / "team"
    (r / "canvases").mkdir(parents=True)
    git(r, "init", "-q", "-b", "main")
    (r / "canvases" / "acme-cfo.en.md").write_text(sample("acme-cfo.en.md"), encoding="utf-8")
    commit(r, "2026-10-20", "ACME's CFO")
    (r / "canvases" / "huaxin-cio.zh.md").write_text(sample("huaxin-cio.zh.md"), encoding="utf-8")
    commit(r, "2026-10-28", "华信's CIO")
    (r / "canvases" / "draft.md").write_text("---\nid: [draft\n", encoding="utf-8")  # does not parse
    commit(r, "2026-11-05", "a draft that does not parse")
    git(r, "mv", "canvases/acme-cfo.en.md", "canvases/acme.md")
    git(r, "rm", "-q", "canvases/draft.md")
    commit(r, "2026-11-12", "rename ACME's canvas, drop the draft")
    acme = r / "canvases" / "acme.md"
    acme.write_text(acme.read_text(encoding="utf-8").replace("at or above 12%", "at or above 13%"), encoding="utf-8")
    commit(r, "2026-11-20", "ACME's KPI changed")
    acme.write_text(acme.read_text(encoding="utf-8").replace("updated: 2026-11-20", "updated: 2026-12-01"), "utf-8")
    commit(r, "2026-12-01", "only the date")
    latin = os.path.join(os.fsencode(r / "canvases"), b"caf\xe9.md")
    with open(latin, "w", encoding="utf-8") as fh:
        fh.write(sample("acme-cfo.en.md").replace("id: acme-cfo", "id: cafe-cfo").replace("ACME Manufacturing", "Cafe"))
    commit(r, "2026-12-02", "a file name in Latin-1")
    monkeypatch.chdir(r)
    return r


def report(*args: str) -> int:
    return main(["report", "canvases", *args, "--isolated", "--today", TODAY])


def data(folder: str = "out") -> dict[str, Any]:
    found: dict[str, Any] = json.loads(Path(folder, "report.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(found)
    return found


def test_each_week_counts_its_last_commit(repo: Path) -> None:
    assert report("--history", "8w", "-o", "out", "--format", "json") == 0
    history = data()["history"]
    weeks = history["weeks"]
    assert [w["date"] for w in weeks] == [
        "2026-10-25",  # the week ending 2026-10-18 had no commit yet: left out
        "2026-11-01",
        "2026-11-08",
        "2026-11-15",
        "2026-11-22",
        "2026-11-29",
        "2026-12-06",
    ]
    assert history["since"] == "2026-10-19"
    assert history["note"] is None
    assert [w["canvases"] for w in weeks] == [1, 2, 3, 2, 2, 2, 3]
    assert [w["errors"] > 0 for w in weeks] == [False, False, True, False, False, False, False]  # the broken draft
    assert weeks[4]["commit"] == weeks[5]["commit"]  # no commit in the week ending 11-29: the same snapshot
    assert git(repo, "log", "-1", "--format=%s", weeks[4]["commit"]).strip() == "ACME's KPI changed"
    # the newest evidence of the ACME canvas is 2026-10-12; of 华信's, 2026-10-20: each week counts to its last day
    assert weeks[0]["evidence_age_days"] == 13.0  # 10-25: ACME alone
    assert weeks[1]["evidence_age_days"] == 16.0  # 11-01: (20 + 12) / 2


def test_a_canvas_last_changed_when_its_content_did_not_when_it_moved(repo: Path) -> None:
    assert report("--history", "8w", "-o", "out", "--format", "json") == 0
    changed = {c["path"]: c["last_changed"] for c in data()["canvases"]}
    assert changed["canvases/acme.md"] == "2026-11-22"  # the KPI edit; not the rename, not the date alone
    assert changed["canvases/huaxin-cio.zh.md"] == "2026-11-01"
    assert changed["canvases/caf\\xe9.md"] == "2026-12-06"  # shown as check shows a name that is not UTF-8


def test_without_history_there_is_none(repo: Path) -> None:
    assert report("-o", "out", "--format", "json") == 0
    found = data()
    assert found["history"] is None
    assert {c["last_changed"] for c in found["canvases"]} == {None}


def test_each_version_is_checked_once(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vplint.team import history

    seen: list[str] = []
    real = history.check_version

    def counting(blob: bytes, path: str, *rest: object) -> object:
        seen.append(path)
        return real(blob, path, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(history, "check_version", counting)
    assert report("--history", "8w", "-o", "out", "--format", "json", "--jobs", "1") == 0
    blobs = {
        line.split()[2]
        for week in data()["history"]["weeks"]
        for line in git(repo, "ls-tree", "-r", week["commit"], "canvases").splitlines()
    }
    at_head = {line.split()[2] for line in git(repo, "ls-tree", "-r", "HEAD", "canvases").splitlines()}
    assert len(blobs) == 6  # 7 weeks of 2-3 files, but 6 distinct versions
    assert len(seen) == len(blobs - at_head) == 3  # HEAD's 3, held unchanged by the working tree: the report's


def test_the_site_shows_the_trends(repo: Path) -> None:
    assert report("--history", "8w", "-o", "site") == 0
    page = Path("site/index.html").read_text(encoding="utf-8")
    assert 'id="trends"' in page
    assert page.count('<svg class="chart"') >= 4 + 4  # four trend charts besides the others
    assert "Open findings per week, by severity" in page
    assert "content last changed in the week of 2026-11-22" in Path("site/owners/alice-example.com.html").read_text(
        encoding="utf-8"
    )


def test_the_report_with_history_is_the_same_bytes_each_time(repo: Path) -> None:
    assert report("--history", "2026-10-01", "-o", "a") == 0
    assert report("--history", "2026-10-01", "-o", "b") == 0
    for page in Path("a").rglob("*"):
        if page.is_file():
            assert page.read_bytes() == (Path("b") / page.relative_to("a")).read_bytes(), page
    assert report("--history", "2026-10-01", "-o", "a", "--check") == 0


def test_a_shallow_clone_says_so_and_reports_the_head(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, capture_output=True
    )
    monkeypatch.chdir(shallow)
    assert report("--history", "8w", "-o", "out", "--format", "json") == 0
    err = capsys.readouterr().err
    assert "shallow clone" in err
    assert "fetch-depth: 0" in err
    found = data()
    assert found["history"] == {"since": "2026-10-12", "weeks": [], "note": "shallow"}
    assert len(found["canvases"]) == 3


@pytest.mark.parametrize("kind", ["no-commits", "not-a-repository"])
def test_no_history_to_read_is_a_note_not_a_failure(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "team"
    (folder / "canvases").mkdir(parents=True)
    (folder / "canvases" / "acme-cfo.en.md").write_text(sample("acme-cfo.en.md"), encoding="utf-8")
    if kind == "no-commits":
        git(folder, "init", "-q", "-b", "main")
    else:
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above the test's folder
    monkeypatch.chdir(folder)
    assert report("--history", "4w", "-o", "site") == 0
    err = capsys.readouterr().err
    assert err.startswith("vplint: ")
    assert "Traceback" not in err
    assert data("site")["history"]["note"] == kind
    page = Path("site/index.html").read_text(encoding="utf-8")
    assert "No trends:" in page


@pytest.mark.parametrize("value", ["26", "0w", "9999w", "yesterday", "2026-13-01"])
def test_a_bad_span_is_a_usage_error(repo: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        report("--history", value, "-o", "out")
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--history" in err
    assert "Traceback" not in err
    assert not Path("out").exists()


def test_renames_deletes_and_old_broken_versions_across_a_team(repo: Path) -> None:
    """The generated team's canvases committed over three weeks: one account renamed in its canvases, one
    canvas deleted, one broken and fixed again; every week's numbers add up."""
    folder = repo / "canvases"
    for name in os.listdir(folder):
        os.unlink(os.path.join(os.fsencode(folder), os.fsencode(name)))
    texts = {
        f"t{i}.en.md": canvas_text(
            "en",
            f"t{i}",
            "Initech",
            f"Title {i}",
            "business-unit",
            "in-between",
            "bob@example.com",
            "2026-11-01",
            "severity",
        )
        for i in range(4)
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    commit(repo, "2026-12-03", "four canvases")
    (folder / "t0.en.md").write_text("---\nid: [t0\n", encoding="utf-8")
    (folder / "t3.en.md").unlink()
    for i in (1, 2):
        path = folder / f"t{i}.en.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Initech", "Initech Corp"), encoding="utf-8")
    commit(repo, "2026-12-04", "break one, drop one, rename the account")
    args = ["report", "canvases", "--history", "2w", "-o", "out", "--format", "json", "--today", "2026-12-04"]
    assert main([*args, "--isolated"]) == 0
    weeks = data()["history"]["weeks"]
    assert weeks[-1]["canvases"] == 3
    assert weeks[-1]["errors"] >= 1
    assert weeks[-1]["clean"] == 2


def test_a_newcomer_from_init_to_a_site_with_trends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the issue asks of a newcomer: `vplint init`, a few canvases over dated commits, the report."""
    team = tmp_path / "newcomer"
    team.mkdir()
    monkeypatch.chdir(team)
    assert main(["init"]) == 0
    git(team, "init", "-q", "-b", "main")
    commit(team, "2026-10-30", "vplint init")
    zh = canvas_text(
        "zh", "initech-cfo", "Initech", "首席财务官", "finance", "commodity", "李雷", "2026-06-01", "severity"
    )
    (team / "canvases" / "initech-cfo.zh.md").write_text(zh, encoding="utf-8")
    commit(team, "2026-11-13", "Initech's CFO")
    en = canvas_text(
        "en",
        "initech-buyer",
        "Initech",
        "Head of Purchasing",
        "commercial",
        "commodity",
        "bob@example.com",
        "2026-11-25",
        "lower-cost",
    )
    (team / "canvases" / "initech-buyer.en.md").write_text(en, encoding="utf-8")
    commit(team, "2026-11-27", "Initech's buyer")
    assert main(["report", "--history", "8w", "-o", "site", "--today", TODAY]) == 0
    index = Path("site/index.html").read_text(encoding="utf-8")
    assert 'id="trends"' in index
    assert "ACME Manufacturing</a></td><td>differentiated" in index  # the example: no business-unit canvas
    assert "Initech</a></td>" not in index.split('id="reps"')[0]  # the buyer drives a commodity: there
    assert "1 of 3 canvases are stale" in index
    weeks = data("site")["history"]["weeks"]
    assert [w["canvases"] for w in weeks] == [1, 1, 2, 2, 3, 3]


def test_the_head_week_from_the_reports_own_results_is_what_checking_head_gives(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The working tree holds HEAD: the head week reuses the report's results; checked again, it is the same."""
    import datetime as dt

    from vplint.config.loader import ConfigLoader
    from vplint.lint.options import Options
    from vplint.team import history
    from vplint.team.collect import collect

    # a suppression of an age rule and a stale canvas: the kinds of findings the history leaves out
    acme = repo / "canvases" / "acme.md"
    acme.write_text(acme.read_text(encoding="utf-8").replace("updated: 2026-12-01", "updated: 2026-01-01"), "utf-8")
    commit(repo, "2026-12-03", "a stale date")
    options = Options(isolated=True, today=dt.date(2026, 12, 6))
    loader = ConfigLoader(None, True)
    span, today = history.parse_span("8w"), dt.date(2026, 12, 6)
    with collect(["canvases"], options, loader, 1, None) as collected:
        head = history.head_versions(collected.result.files, collected.facts)
    checked: list[bytes] = []
    real = history.check_version

    def counting(blob: bytes, *rest: object) -> object:
        checked.append(blob)
        return real(blob, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(history, "check_version", counting)
    reused = history.team_history(["canvases"], span, today, loader, options, 1, head=head)
    assert acme.read_bytes() not in checked  # HEAD's acme.md came from the report's results
    checked.clear()
    again = history.team_history(["canvases"], span, today, loader, options, 1)
    assert acme.read_bytes() in checked
    assert reused.data == again.data
    assert reused.changed == again.changed
    acme.write_text(acme.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # the working tree moves on
    checked.clear()
    with collect(["canvases"], options, loader, 1, None) as collected:
        head = history.head_versions(collected.result.files, collected.facts)
    history.team_history(["canvases"], span, today, loader, options, 1, head=head)
    assert git(repo, "show", "HEAD:canvases/acme.md").encode("utf-8") in checked  # HEAD's version is checked
