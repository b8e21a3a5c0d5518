"""``vplint brief``: golden briefs, freshness checks, errors, escaping, names, templates and atomic writes.

Regenerate the golden briefs after an intended change with::

    VPLINT_UPDATE_GOLDEN=1 pytest tests/integration/test_briefs.py

and read the diff: every line is something a rep takes into a meeting.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT, TESTS
from vplint.briefs import render as briefs
from vplint.briefs.context import TIME_DEPENDENT
from vplint.cli.main import main

GOLDEN = TESTS / "golden" / "meeting-briefs"
SAMPLES = {"acme-cfo": "en", "huaxin-cio": "zh"}


def brief(*args: str) -> int:
    return main(["brief", *args])


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("VPLINT_TODAY", raising=False)
    return ROOT


@pytest.fixture
def samples_out(in_root: Path, tmp_path: Path) -> Path:
    out = tmp_path / "briefs"
    assert brief("canvases/", "-o", str(out)) == 0
    return out


# --- golden -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("canvas_id", sorted(SAMPLES))
def test_shipped_canvases_give_the_golden_briefs(samples_out: Path, canvas_id: str, fmt: str) -> None:
    produced = (samples_out / f"{canvas_id}.{fmt}").read_bytes()
    golden = GOLDEN / f"{canvas_id}.{SAMPLES[canvas_id]}.{fmt}"
    if os.environ.get("VPLINT_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert produced == golden.read_bytes()


def test_the_brief_says_what_the_issue_asks(samples_out: Path) -> None:
    md = (samples_out / "acme-cfo.md").read_text(encoding="utf-8")
    for heading in (
        "## 1. Who",
        "## 2. What they worry about, and what to ask",
        "## 3. Why it matters upstairs",
        "## 4. Why now",
        "## 5. What to do in the meeting",
        "## 6. Who else to meet",
        "## 7. Before the meeting",
        "## 8. The canvas at a glance",
    ):
        assert heading in md
    # the argument: why now by problem, actions under their motivator, the leader's objective, the evaluators
    assert "### P2 Audit exposure from the new e-invoicing rules: why now\n\n**M1 Window of opportunity**" in md
    assert "- **On M1 Window of opportunity:** Inform: share the mandate timeline" in md
    assert "| operations · service process → financial · cost and efficiency | cut days sales outstanding" in md
    assert "*(stated by the customer: trace it back to the problem behind it and diagnose again)*" in md
    assert "- **Head of Credit Control** (Finance operations): evaluates feasibility" in md
    assert "**When the decision-maker decides:** FY2027 budget round, March 2027." in md
    assert "the offering is" not in md  # no label spliced into prose: "for a differentiated offering"
    assert "for a differentiated offering, the purchase is usually driven by" in md
    assert "usually driven by the business unit" in md  # the purchase driver implied by the offering
    assert "### Restore the past" in md
    assert "### Keep the present" in md
    assert "### Reach the ideal" in md
    assert "What changed just before" not in md  # before-after is already used on P1 ...
    assert "You traced it to" not in md  # the rep's notes are never read back as the customer's words
    assert "*decomposition:* If we break it down" in md  # a method not used yet, tagged
    assert "What happened that made you decide you need “Compliant e-invoicing pipeline”?" in md  # a stated need
    assert "**Phenomenon** finance staff doing overtime" in md
    assert "higher priority" in md
    assert "*Not planned yet:* analyse" in md
    assert "```mermaid\nmindmap\n" in md
    zh = (samples_out / "huaxin-cio.md").read_text(encoding="utf-8")
    assert "运营·服务流程 → 客户·老客户关系维护 → 财务 *（待确认）*" in zh  # the implied step to the financial level
    assert "## 二、他们担心什么，要问什么" in zh


def test_html_is_self_contained_and_well_formed(samples_out: Path) -> None:
    for name in ("acme-cfo.html", "huaxin-cio.html"):
        html = (samples_out / name).read_text(encoding="utf-8")
        assert "<script" not in html
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
        assert "@import" not in html
        assert "url(" not in html
        assert "Content-Security-Policy" in html
        assert "default-src 'none'" in html
        svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
        ET.fromstring(svg)  # the inline SVG is well-formed XML
        assert str(ROOT) not in html


def test_output_is_deterministic_and_independent_of_time(in_root: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert brief("canvases", "-o", str(first)) == 0
    os.environ["VPLINT_TODAY"] = "2031-06-30"  # H001 and M005 would fire, P003 would read 2027 as past
    try:
        assert brief("./canvases/", "-o", str(second)) == 0
        assert brief("canvases", "-o", str(first), "--check") == 0
    finally:
        del os.environ["VPLINT_TODAY"]
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes()
        assert not re.search(rb"\d{2}:\d{2}:\d{2}", path.read_bytes())  # no generation timestamps


def test_time_dependent_rules_are_exactly_the_ones_left_out() -> None:
    """A guard: any rule whose findings change with today's date must be in TIME_DEPENDENT."""
    import datetime as dt

    from vplint.lint.options import Options
    from vplint.lint.runner import lint_paths

    fixtures = [str(p) for p in sorted((ROOT / "tests" / "fixtures" / "rules").rglob("*.md"))]
    fixtures += [str(p) for p in sorted((ROOT / "examples").glob("*.md"))]
    changed: set[str] = set()
    runs = [
        lint_paths(fixtures, Options(today=day, isolated=True, select=("ALL",)))
        for day in (dt.date(2020, 1, 1), dt.date(2026, 11, 27), dt.date(2040, 12, 31))
    ]
    for files in zip(*(r.files for r in runs), strict=True):
        found = [{(d.code, d.line, d.column, d.message_id) for d in f.diagnostics} for f in files]
        for a in found:
            for b in found:
                changed |= {code for code, *_ in a ^ b}
    assert changed <= set(TIME_DEPENDENT)
    assert {"H001", "M005"} <= changed


# --- check ----------------------------------------------------------------------------------------


def test_check_catches_stale_missing_and_extra(samples_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert brief("canvases", "-o", str(samples_out), "--check") == 0
    assert "All 4 briefs" in capsys.readouterr().out
    before = os.listdir(samples_out)
    page = samples_out / "acme-cfo.md"
    page.write_text(page.read_text(encoding="utf-8").replace("COO", "CEO"), encoding="utf-8")
    (samples_out / "huaxin-cio.html").unlink()
    (samples_out / "old-canvas.md").write_text("# a brief whose canvas is gone\n", encoding="utf-8")
    assert brief("canvases", "-o", str(samples_out), "--check") == 1
    out = capsys.readouterr().out
    assert f"{samples_out / 'acme-cfo.md'}: out of date" in out
    assert f"{samples_out / 'huaxin-cio.html'}: missing" in out
    assert f"{samples_out / 'old-canvas.md'}: warning: no canvas produces this file" in out
    assert "2 of 4 briefs" in out
    assert sorted(os.listdir(samples_out)) == sorted({*before, "old-canvas.md"} - {"huaxin-cio.html"})  # wrote nothing
    assert brief("canvases", "-o", str(samples_out)) == 0
    assert brief("canvases", "-o", str(samples_out), "--check") == 0  # an extra file alone only warns
    assert "old-canvas.md: warning" in capsys.readouterr().out


def test_check_of_one_format(samples_out: Path) -> None:
    for path in samples_out.glob("*.html"):
        path.unlink()
    assert brief("canvases", "-o", str(samples_out), "--check", "--format", "md") == 0
    assert brief("canvases", "-o", str(samples_out), "--check") == 1


# --- canvases with errors -------------------------------------------------------------------------


def _broken(tmp_path: Path, en_text: str) -> Path:
    folder = tmp_path / "canvases"
    folder.mkdir()
    text = en_text.replace("- Diagnosis: goal - operating margin 14% by FY2028, critical path is working capital\n", "")
    (folder / "acme-cfo.en.md").write_text(text, encoding="utf-8")
    return folder


def test_a_canvas_with_errors_gets_no_brief(
    tmp_path: Path, en_text: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = _broken(tmp_path, en_text)
    assert brief(str(folder), "-o", "out", "--isolated") == 1
    captured = capsys.readouterr()
    assert "C001" in captured.out  # the findings are shown
    assert "no brief" in captured.err
    assert "--allow-errors" in captured.err
    assert not (tmp_path / "out").exists()
    assert brief(str(folder), "-o", "out", "--isolated", "--check") == 1


def test_allow_errors_writes_an_incomplete_brief(
    tmp_path: Path, en_text: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = _broken(tmp_path, en_text)
    assert brief(str(folder), "-o", "out", "--isolated", "--allow-errors") == 0
    assert "incomplete brief" in capsys.readouterr().err
    md = (tmp_path / "out" / "acme-cfo.md").read_text(encoding="utf-8")
    assert "> **Incomplete brief.** The canvas still has 2 errors" in md
    assert "> - P3 has no diagnosis; add 'Diagnosis: \\<method\\> - what you found'" in md
    assert "- [ ] P3 states neither a target nor a deadline" in md
    html = (tmp_path / "out" / "acme-cfo.html").read_text(encoding="utf-8")
    assert '<aside class="banner" role="alert">' in html


def test_an_unreadable_canvas_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "empty.md"
    bad.write_text("", encoding="utf-8")
    assert brief(str(bad), "-o", str(tmp_path / "out"), "--isolated", "--allow-errors") == 1
    assert "F001" in capsys.readouterr().out
    assert brief(str(tmp_path / "nope.md"), "-o", str(tmp_path / "out")) == 2


# --- escaping ---------------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} {% raw %} [x](javascript:alert(1)) | *b* _i_"


def _hostile(tmp_path: Path, en_text: str) -> Path:
    text = (
        en_text.replace("ACME Manufacturing\n", f"'ACME {HOSTILE}'\n", 1)
        .replace("P1 Quote-to-cash slowed since the 2024 reorganisation", f"P1 {HOSTILE}")
        .replace("- Sponsor: COO", f"- Sponsor: {HOSTILE}")
        .replace("Ministry notice of 2026-10-12", f"Ministry notice of 2026-10-12 {HOSTILE}")
    )
    path = tmp_path / "hostile.en.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_canvas_text_is_data_never_markup_or_template(tmp_path: Path, en_text: str) -> None:
    path = _hostile(tmp_path, en_text)
    assert brief(str(path), "-o", str(tmp_path / "out"), "--isolated") == 0
    html = (tmp_path / "out" / "acme-cfo.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %}" in html
    assert ">49<" not in html
    assert " 49 " not in html
    md = (tmp_path / "out" / "acme-cfo.md").read_text(encoding="utf-8")
    assert r"\<script\>alert(1)\</script\> {{ 7\*7 }} {% raw %} \[x\](javascript:alert(1)) \| \*b\* \_i\_" in md
    assert "<script>" not in md
    mermaid = md[md.index("```mermaid\n") + 11 : md.index("```", md.index("```mermaid") + 3)]
    assert "<" not in mermaid
    assert "`" not in mermaid
    for line in mermaid.splitlines()[1:]:  # every label is one quoted string with no quote inside
        assert re.fullmatch(r' +(root\(\("[^"]*"\)\)|n\d+\["[^"]*"\])', line), line


def test_html_injection_in_the_svg_is_escaped(tmp_path: Path, en_text: str) -> None:
    path = _hostile(tmp_path, en_text)
    assert brief(str(path), "-o", str(tmp_path / "out"), "--isolated", "--format", "html") == 0
    html = (tmp_path / "out" / "acme-cfo.html").read_text(encoding="utf-8")
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    ET.fromstring(svg)


# --- names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("acme-cfo", "acme-cfo"),
        ("../../x", "x"),
        ("..", ""),
        ("/etc/passwd", "etc-passwd"),
        ("A B\\C", "a-b-c"),
        ("华信", ""),
        (".hidden", "hidden"),
        ("a" * 200, "a" * 80),
    ],
)
def test_safe_name(text: str, expected: str) -> None:
    assert briefs.safe_name(text) == expected


def test_brief_names_never_leave_the_folder(tmp_path: Path, en_text: str) -> None:
    canvas = tmp_path / "in" / "weird.md"
    canvas.parent.mkdir()
    canvas.write_text(en_text.replace("id: acme-cfo", "id: ../../escaped"), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    assert brief(str(canvas), "-o", str(out), "--isolated", "--allow-errors") == 0
    assert sorted(os.listdir(out)) == ["escaped.html", "escaped.md"]
    assert not (tmp_path / "escaped.md").exists()
    assert briefs.brief_name("华信", "x/华信-cio.zh.md") == "cio"
    assert briefs.brief_name(None, "canvases/acme.en.md") == "acme"
    assert briefs.brief_name("", "canvases/华信.md").startswith("canvas-")
    with pytest.raises(briefs.BriefError):
        briefs.write_outputs({"../x.md": "no"}, out)


def test_account_names() -> None:
    assert briefs.account_name("ACME Manufacturing", ["acme-cfo"]) == "acme-manufacturing"
    zh = briefs.account_name("华信物流", ["huaxin-cio", "huaxin-cfo"])
    assert re.fullmatch(r"huaxin-[0-9a-f]{6}", zh)
    assert zh == briefs.account_name("华信物流", ["huaxin-cfo"])  # stable as canvases come and go
    assert briefs.account_name("华信银行", ["huaxin-cio"]) != zh  # two accounts sharing a prefix
    assert re.fullmatch(r"account-[0-9a-f]{6}", briefs.account_name("华信", []))


def test_by_account_combines_the_canvases_of_an_account(
    tmp_path: Path, en_text: str, zh_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "canvases"
    folder.mkdir()
    (folder / "acme-cfo.en.md").write_text(en_text, encoding="utf-8")
    coo = en_text.replace("id: acme-cfo", "id: acme-coo").replace("Chief Financial Officer", "Chief Operating Officer")
    (folder / "acme-coo.en.md").write_text(
        coo.replace("buying_role: finance", "buying_role: business-unit"), encoding="utf-8"
    )
    (folder / "huaxin-cio.zh.md").write_text(zh_text, encoding="utf-8")
    assert brief("canvases", "-o", "out", "--isolated", "--by-account") == 0
    names = sorted(os.listdir(tmp_path / "out"))
    assert names[:2] == ["acme-manufacturing.html", "acme-manufacturing.md"]
    assert re.fullmatch(r"huaxin-[0-9a-f]{6}\.html", names[2])
    md = (tmp_path / "out" / "acme-manufacturing.md").read_text(encoding="utf-8")
    assert "| Chief Financial Officer | finance |" in md
    assert "| Chief Operating Officer | business unit |" in md
    assert md.index("## Chief Financial Officer") < md.index("## Chief Operating Officer")
    assert brief("canvases", "-o", "out", "--isolated", "--by-account", "--check") == 0


def test_two_accounts_of_one_file_name_do_not_overwrite_each_other(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "canvases"
    folder.mkdir()
    (folder / "acme-cfo.en.md").write_text(en_text, encoding="utf-8")
    other = en_text.replace("id: acme-cfo", "id: acme-coo").replace(
        "account: ACME Manufacturing", "account: acme manufacturing"
    )
    (folder / "acme-coo.en.md").write_text(other, encoding="utf-8")
    assert brief("canvases", "-o", "out", "--isolated", "--by-account") == 1
    assert capsys.readouterr().err == (
        "acme manufacturing: no account brief: acme-manufacturing is already the brief of the account ACME "
        "Manufacturing (give the accounts names that differ in more than case or punctuation)\n"
    )
    md = (tmp_path / "out" / "acme-manufacturing.md").read_text(encoding="utf-8")
    assert "acme-cfo" in md
    assert "acme-coo" not in md


def test_lang_forces_the_brief_language(tmp_path: Path, in_root: Path) -> None:
    assert brief("canvases/acme-cfo.en.md", "-o", str(tmp_path), "--lang", "zh", "--format", "md") == 0
    md = (tmp_path / "acme-cfo.md").read_text(encoding="utf-8")
    assert md.startswith("# 会议简报：ACME Manufacturing · Chief Financial Officer")
    assert "### 采购的整体情况" in md


# --- templates ----------------------------------------------------------------------------------------


def _team_repo(tmp_path: Path, en_text: str) -> Path:
    repo = tmp_path / "team"
    (repo / "canvases").mkdir(parents=True)
    (repo / "canvases" / "acme-cfo.en.md").write_text(en_text, encoding="utf-8")
    (repo / "vplint.toml").write_text('templates = "brief-templates"\n', encoding="utf-8")
    (repo / "brief-templates" / "questions").mkdir(parents=True)
    return repo


def test_team_templates_override_and_extend(tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _team_repo(tmp_path, en_text)
    monkeypatch.chdir(repo)
    (repo / "brief-templates" / "brief.en.md.j2").write_text(
        "# {{ canvas.id }} for {{ label('function', decision_maker.function) }}\n"
        "{% for q in questions(problems[0]) %}- {{ q.text }}\n{% endfor %}",
        encoding="utf-8",
    )
    (repo / "brief-templates" / "questions" / "en.toml").write_text(
        '[problem-solving.decomposition]\nexplore = ["Team question about {title}?"]\n'
        '[problem-solving.before-after]\nreplace = true\nconfirm = ["Only ours: {detail}."]\n',
        encoding="utf-8",
    )
    assert brief("canvases", "-o", "out") == 0
    md = (repo / "out" / "acme-cfo.md").read_text(encoding="utf-8")
    assert md.startswith("# acme-cfo for finance\n")
    assert "- Team question about Quote-to-cash slowed since the 2024 reorganisation?" in md
    assert "If we break" in md  # the default question is still there
    assert "- Only ours: invoices started slipping" in md
    assert "You traced it to" not in md  # replaced
    assert "<!DOCTYPE html>" in (repo / "out" / "acme-cfo.html").read_text(encoding="utf-8")  # default html


def test_template_by_path_and_by_name(tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _team_repo(tmp_path, en_text)
    monkeypatch.chdir(repo)
    (repo / "one-pager.md.j2").write_text("{{ account }}: {{ problems|length }} problems\n", encoding="utf-8")
    assert brief("canvases", "-o", "a", "--template", "one-pager.md.j2") == 0
    assert os.listdir(repo / "a") == ["acme-cfo.md"]
    assert (repo / "a" / "acme-cfo.md").read_text(encoding="utf-8") == "ACME Manufacturing: 3 problems\n"
    assert brief("canvases", "-o", "a", "--template", "./one-pager.md.j2", "--format", "html") == 2
    (repo / "brief-templates" / "short.html.j2").write_text("<p>{{ canvas.id }}</p>\n", encoding="utf-8")
    assert brief("canvases", "-o", "b", "--template", "short", "--format", "html") == 0
    assert (repo / "b" / "acme-cfo.html").read_text(encoding="utf-8") == "<p>acme-cfo</p>\n"
    assert brief("canvases", "-o", "c", "--template", "nothing-like-it") == 2
    assert not (repo / "c").exists()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("line one\n{{ canvas.titel }}\n", r"bad\.md\.j2:2: 'dict object' has no attribute 'titel'"),
        ("{% for x in problems %}\n{{ x.id }\n", r"bad\.md\.j2:2: syntax error"),
        ("\n\n{{ nope }}\n", r"bad\.md\.j2:3: 'nope' is undefined"),
        ("{{ canvas.__class__.__mro__ }}\n", r"bad\.md\.j2:1: .*(unsafe|__class__)"),
        ("{{ ''.__class__.__subclasses__() }}\n", r"bad\.md\.j2:1: .*(unsafe|__class__)"),
        ("{% set _ = canvas.update({'id': 'x'}) %}\n", r"bad\.md\.j2:1: .*(unsafe|update)"),
        ('{% include "../../../etc/passwd" %}\n', r"bad\.md\.j2:1: refusing the template '\.\./\.\./\.\./etc/passwd'"),
    ],
    ids=["typo", "syntax", "undefined", "mro", "subclasses", "mutation", "include-outside"],
)
def test_template_errors_name_file_and_line_and_write_nothing(
    tmp_path: Path,
    en_text: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    source: str,
    message: str,
) -> None:
    repo = _team_repo(tmp_path, en_text)
    monkeypatch.chdir(repo)
    (repo / "brief-templates" / "bad.md.j2").write_text(source, encoding="utf-8")
    assert brief("canvases", "-o", "out", "--template", "brief-templates/bad.md.j2") == 2
    err = capsys.readouterr().err
    assert re.search(message, err), err
    assert "Traceback" not in err
    assert not (repo / "out").exists()


def test_a_broken_question_bank_is_a_clear_error(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _team_repo(tmp_path, en_text)
    monkeypatch.chdir(repo)
    (repo / "brief-templates" / "questions" / "en.toml").write_text(
        '[problem-solving.goal]\nexplore = ["x"]\n', encoding="utf-8"
    )
    assert brief("canvases", "-o", "out") == 2
    err = capsys.readouterr().err
    assert "brief-templates/questions/en.toml: [problem-solving.goal]: not a diagnosis method of problem-solving" in err


def test_the_configured_templates_folder_must_exist(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _team_repo(tmp_path, en_text)
    shutil.rmtree(repo / "brief-templates")
    monkeypatch.chdir(repo)
    assert brief("canvases", "-o", "out") == 2
    assert "'templates' names" in capsys.readouterr().err


# --- writing ---------------------------------------------------------------------------------------------


def test_writes_are_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_text("old a\n", encoding="utf-8")
    real_replace = os.replace
    calls = []

    def failing_replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        briefs.write_outputs({"a.md": "new a\n", "b.md": "new b\n"}, out)
    assert sorted(os.listdir(out)) == ["a.md"]  # no temporary file left, no half-written b.md
    assert (out / "a.md").read_text(encoding="utf-8") == "new a\n"


def test_unchanged_briefs_are_not_rewritten(samples_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stamp = (samples_out / "acme-cfo.md").stat().st_mtime_ns
    capsys.readouterr()
    assert brief("canvases", "-o", str(samples_out)) == 0
    assert "Wrote 0 briefs" in capsys.readouterr().out
    assert (samples_out / "acme-cfo.md").stat().st_mtime_ns == stamp


def test_a_symlink_in_the_folder_is_replaced_not_followed(samples_out: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    link = samples_out / "acme-cfo.md"
    link.unlink()
    link.symlink_to(victim)
    assert brief("canvases", "-o", str(samples_out)) == 0
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert not link.is_symlink()


def test_checking_never_imports_jinja() -> None:
    code = (
        "import sys, vplint.lint.runner; from vplint.cli.main import main; main(['check', 'canvases']); "
        "assert 'jinja2' not in sys.modules and 'markupsafe' not in sys.modules"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert proc.returncode == 0, proc.stderr


# --- evidence dates (issue #11) -----------------------------------------------------------------

_ZH_EVIDENCE = "监管部门2026年10月20日发布公告"


@pytest.mark.parametrize(
    ("fixture", "old", "new", "md_date", "html_date"),
    [
        (
            "slash-date.en.md",
            "Ministry notice, 2026/10/12",
            "Ministry notice, November 2026",
            "(undated)",
            "dated 2026-11-20",
        ),
        ("slash-date.en.md", "Ministry notice, 2026/10/12", "Reuters, Nov 10, 2026", "(undated)", "dated 2026-11-10"),
        ("chinese-date.zh.md", _ZH_EVIDENCE, "2026年11月 监管部门公告", "（无日期）", "日期 2026-11-18"),
        ("chinese-date.zh.md", _ZH_EVIDENCE, "11月10日 监管部门公告", "（无日期）", "日期 2026-11-10"),
    ],
)
def test_evidence_dates_in_any_written_form_are_not_undated(
    tmp_path: Path, fixture: str, old: str, new: str, md_date: str, html_date: str
) -> None:
    text = (TESTS / "fixtures" / "rules" / "C003" / "pass" / fixture).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / fixture
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert brief(str(path), "-o", str(tmp_path / "out"), "--isolated") == 0
    name = "acme-cfo" if fixture.endswith(".en.md") else "huaxin-cio"
    md = (tmp_path / "out" / f"{name}.md").read_text(encoding="utf-8")
    assert new in md
    assert md_date not in md
    html = (tmp_path / "out" / f"{name}.html").read_text(encoding="utf-8")
    assert html_date in html


def test_before_the_meeting_lists_what_weakens_the_argument(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A boiling-frog motivator and a need with no objective are warnings, not errors: the brief still lists
    them, and the weak motivator is not presented as a reason to act now."""
    monkeypatch.chdir(tmp_path)
    weak = en_text.replace("- Continuity: discontinuous", "- Continuity: continuous").replace(
        "- Objective: no compliance findings in the first e-invoicing audit\n", ""
    )
    assert weak.count("Continuity: continuous") == 1
    (tmp_path / "c.en.md").write_text(weak, encoding="utf-8")
    assert brief("c.en.md", "-o", "out", "--isolated", "--format", "md") == 0
    md = (tmp_path / "out" / "acme-cfo.md").read_text(encoding="utf-8")
    before = md[md.index("## 7. Before the meeting") : md.index("## 8.")]
    assert "(M003, warning)" in before
    assert "(N003, warning)" in before
    assert "Nothing open" not in before
    why_now = md[md.index("## 4. Why now") : md.index("## 5.")]
    assert "*Weak: a gradual change with no tipping point moves nobody" in why_now


def test_no_map_leaves_the_mind_map_out(tmp_path: Path, in_root: Path) -> None:
    assert brief("canvases/acme-cfo.en.md", "-o", str(tmp_path), "--no-map") == 0
    assert "mermaid" not in (tmp_path / "acme-cfo.md").read_text(encoding="utf-8")
    assert "<svg" not in (tmp_path / "acme-cfo.html").read_text(encoding="utf-8")
    assert brief("canvases/acme-cfo.en.md", "-o", str(tmp_path), "--no-map", "--check") == 0
    assert brief("canvases/acme-cfo.en.md", "-o", str(tmp_path), "--check") == 1  # with the map: stale
