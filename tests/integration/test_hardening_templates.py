"""Templates that try to read what they should not, templates that never end, and brief names Windows reserves.

* **Template files stay in their folder, links resolved.**  ``{% include %}``, ``{% import %}``,
  ``{% from ... import %}`` and ``{% extends %}`` read a template only when its real path (links
  resolved) is inside the folder it was found in; ``..``, absolute paths and links leading out are
  refused with an error naming the template file, its line and the name, before the file is read.
  The ``--template`` file itself is the user's own and may be a link (docs/hardening.md, Decisions).
* **Rendering ends.**  Every loop iteration, call, attribute lookup, ``+``, ``*`` and ``**`` counts as
  a step; rendering stops at a step limit, a time limit or an output-size limit with a clear message
  (English and Chinese), exit 2, no traceback, nothing written.  The tests lower the limits instead of
  timing anything.
* **Windows device names** (``con``, ``nul``, ``com1``, ``lpt9``, ``com¹``, also ``con.md``) get a
  ``_`` after the reserved part in brief file names.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from vplint.briefs import render as briefs
from vplint.cli.main import main

EN = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
SECRET = "SECRET-0f3c"


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VPLINT_TODAY", "2026-11-27")
    monkeypatch.setenv("VPLINT_LANG", "en")
    monkeypatch.setenv("VPLINT_NO_CACHE", "1")


def _symlink(link: Path, target: str | Path) -> None:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``canvases/c.md``; ``outside/`` with secrets; ``tpl/`` for templates, holding links out."""
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "c.md").write_text(EN, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "secret.md.j2").write_text(
        "{% macro m() %}" + SECRET + "{% endmacro %}{% block body %}" + SECRET + "{% endblock %}\n", encoding="utf-8"
    )
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "part.md.j2").write_text("PART {{ lang }}\n", encoding="utf-8")
    _symlink(tpl / "link.txt", outside / "secret.txt")
    _symlink(tpl / "link.md.j2", "../outside/secret.md.j2")
    _symlink(tpl / "sub", outside)
    return tmp_path


def _brief_with(tree: Path, body: str, capsys: pytest.CaptureFixture[str], name: str = "x.md.j2") -> tuple[int, str]:
    (tree / "tpl" / name).write_text(body + "\n", encoding="utf-8")
    code = main(["brief", "canvases", "-o", "out", "--isolated", "--template", f"tpl/{name}"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert SECRET not in out + err
    if code:
        assert not (tree / "out").exists()
    return code, err


# --- (a) includes stay in the template folder ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('{% include "link.txt" %}', "link.txt"),  # a link in the folder to a file beside it
        ('{% include "sub/secret.txt" %}', "sub/secret.txt"),  # a linked folder
        ('{% import "link.md.j2" as s %}{{ s.m() }}', "link.md.j2"),
        ('{% from "link.md.j2" import m %}{{ m() }}', "link.md.j2"),
        ('{% extends "link.md.j2" %}', "link.md.j2"),
        ('{% include ["missing.md.j2", "link.txt"] %}', "link.txt"),
        ('{% include "link.txt" ignore missing %}', "link.txt"),  # a refusal is not "missing"
    ],
    ids=["include", "linked-folder", "import", "from-import", "extends", "include-list", "ignore-missing"],
)
def test_a_link_out_of_the_template_folder_is_refused(
    body: str, name: str, tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _brief_with(tree, "Line one\n" + body, capsys)
    assert code == 2
    assert f"tpl/x.md.j2:2: refusing the template '{name}': it leads outside its folder tpl" in err, err


@pytest.mark.parametrize(
    "name",
    ["../outside/secret.txt", "../../etc/passwd", "sub/../../outside/secret.txt", "ABSOLUTE", "/etc/passwd"],
)
@pytest.mark.parametrize("tag", ["include", "import", "extends"])
def test_parent_and_absolute_names_are_refused(
    name: str, tag: str, tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if name == "ABSOLUTE":  # the absolute path of a file that is inside the folder: still refused
        name = str(tree / "tpl" / "part.md.j2").replace(os.sep, "/")
    body = {"include": '{% include "N" %}', "import": '{% import "N" as s %}', "extends": '{% extends "N" %}'}[tag]
    code, err = _brief_with(tree, body.replace("N", name), capsys)
    assert code == 2
    assert f"tpl/x.md.j2:1: refusing the template '{name}': " in err, err
    assert "with '/' and without '..'" in err


def test_includes_inside_the_folder_still_work(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = tree / "tpl"
    (tpl / "partials").mkdir()
    (tpl / "partials" / "p.md.j2").write_text("{% macro hi() %}HI{% endmacro %}", encoding="utf-8")
    _symlink(tpl / "alias.md.j2", "part.md.j2")  # a link that stays in the folder
    (tpl / "base.md.j2").write_text("BASE {% block body %}{% endblock %}\n", encoding="utf-8")
    body = (
        '{% extends "base.md.j2" %}{% block body %}{% include "part.md.j2" %}{% include "alias.md.j2" %}'
        '{% from "partials/p.md.j2" import hi %}{{ hi() }} {% include "./part.md.j2" %}{% endblock %}'
    )
    code, err = _brief_with(tree, body, capsys)
    assert code == 0, err
    assert (tree / "out" / "acme-cfo.md").read_text(encoding="utf-8") == "BASE PART en\nPART en\nHI PART en\n"


def test_the_template_file_itself_may_be_a_link(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--template PATH`` is the user's own file wherever it is; what it includes stays in its folder."""
    (tree / "outside" / "mine.md.j2").write_text('MINE {% include "part.md.j2" %}', encoding="utf-8")
    _symlink(tree / "tpl" / "mine.md.j2", tree / "outside" / "mine.md.j2")
    assert main(["brief", "canvases", "-o", "out", "--isolated", "--template", "tpl/mine.md.j2"]) == 0
    assert (tree / "out" / "acme-cfo.md").read_text(encoding="utf-8") == "MINE PART en\n"
    capsys.readouterr()


def test_a_team_template_that_links_out_is_refused(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = tree / "repo" / "templates"
    team.mkdir(parents=True)
    (tree / "repo" / "vplint.toml").write_text('templates = "templates"\n', encoding="utf-8")
    _symlink(team / "leak.en.md.j2", tree / "outside" / "secret.txt")
    (team / "inc.en.md.j2").write_text('{% include "../../outside/secret.txt" %}\n', encoding="utf-8")
    os.chdir(tree / "repo")
    for name, where in (("leak", "leak.en.md.j2"), ("inc", "templates/inc.en.md.j2:1")):
        assert main(["brief", "../canvases", "-o", "out", "--template", name, "--format", "md"]) == 2
        out, err = capsys.readouterr()
        assert f"{where}: refusing the template " in err, err
        assert SECRET not in out + err
    assert not (tree / "repo" / "out").exists()


def test_the_refusal_is_said_in_chinese(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VPLINT_LANG", "zh")
    code, err = _brief_with(tree, '{% include "link.txt" %}', capsys)
    assert code == 2
    assert "tpl/x.md.j2:1：拒绝读取模板 'link.txt'" in err, err


# --- (b) rendering ends ------------------------------------------------------------------------------

NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}done\n"


def test_nested_loops_stop_with_a_clear_message(tree: Path) -> None:
    """Through ``python -m vplint``, with the default limits: exit 2, one clear line, nothing written."""
    (tree / "tpl" / "loop.md.j2").write_text("Title\n" + NESTED, encoding="utf-8")
    env = {**os.environ, "VPLINT_LANG": "en", "VPLINT_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "vplint",
            "brief",
            "canvases",
            "-o",
            "out",
            "--isolated",
            "--template",
            "tpl/loop.md.j2",
        ],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,  # a hang guard only: the step limit stops this in a few seconds
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr == (
        f"vplint: error: tpl/loop.md.j2:2: rendering stopped after {briefs.MAX_STEPS:,} steps (the limit): "
        "a loop too large?\n"
    )
    assert not (tree / "out").exists()


def test_the_limit_is_said_in_chinese(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VPLINT_LANG", "zh")
    monkeypatch.setattr(briefs, "MAX_STEPS", 1000)
    code, err = _brief_with(tree, "Title\n" + NESTED, capsys, "loop.md.j2")
    assert code == 2
    assert err == "vplint: error: tpl/loop.md.j2:2：渲染在 1,000 步后停止（已达上限）：循环是否太大？\n"


def _render(tree: Path, body: str, **limits: Any) -> str:
    path = tree / "tpl" / "t.md.j2"
    path.write_text(body, encoding="utf-8")
    renderer = briefs.Renderer(template=str(path), **limits)
    return renderer.render(renderer.template_name("brief", "en", "md"), {"lang": "en"})


@pytest.mark.parametrize(
    "body",
    [
        NESTED,
        # loops over strings made by filters: no function call in them at all
        '{% for a in "x"|center(100) %}{% for b in "y"|center(100) %}{% endfor %}{% endfor %}',
        # a recursive loop: each level's items are counted too
        "{% for d in [1] recursive %}{% if d < 50 %}{{ loop([d + 1, d + 1]) }}{% endif %}{% endfor %}",
        # macros calling themselves twice: no loop at all
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
        # filters whose argument, not their input, sets the work
        "{{ [1]|slice(1000000)|list|length }}",
        "{{ lipsum(1000000) }}",
    ],
    ids=["nested-range", "filter-strings", "recursive-loop", "macro-fan-out", "slice", "lipsum"],
)
def test_the_step_limit_stops_every_kind_of_loop(body: str, tree: Path) -> None:
    with pytest.raises(briefs.BriefError, match=r"t\.md\.j2(:\d+)?: rendering stopped after 500 steps"):
        _render(tree, body, max_steps=500)


def test_the_time_limit(tree: Path) -> None:
    """A limit of 0 s is over at the first check: deterministic, no timing."""
    with pytest.raises(briefs.BriefError, match=r"t\.md\.j2:1: rendering stopped after 0 s \(the limit\)"):
        _render(tree, NESTED, max_seconds=0)


@pytest.mark.parametrize(
    "body",
    [
        '{% for i in range(100) %}{{ "x" * 50 }}{% endfor %}',  # the output grows too large
        '{{ "x" * 2000 }}',  # refused before the text is made
        "{{ [0] * 2000 }}",
        "{{ 7 ** 5000 }}",
        '{{ "x".center(5000) }}',  # a method's result
        # doubling a text: few steps, but twice as long each time
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}',
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}',
        "{% set ns = namespace(s=[0]) %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    ],
    ids=["output", "str-times", "list-times", "power", "method", "doubling-tilde", "doubling-plus", "doubling-list"],
)
def test_the_size_limit(body: str, tree: Path) -> None:
    with pytest.raises(briefs.BriefError, match=r"t\.md\.j2(:1)?: rendering stopped: the brief would pass 1,000"):
        _render(tree, body, max_output=1000)


def test_the_shipped_templates_stay_far_below_the_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hundredth of the step limit and of the output limit still renders every shipped brief."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(briefs, "MAX_STEPS", briefs.MAX_STEPS // 100)
    monkeypatch.setattr(briefs, "MAX_OUTPUT", briefs.MAX_OUTPUT // 100)
    for extra in ([], ["--by-account"], ["--lang", "zh"]):
        assert main(["brief", "canvases", "-o", str(tmp_path / "out"), "--check", *extra]) == 1  # all missing
        assert "rendering stopped" not in capsys.readouterr().err


# --- (c) names Windows reserves ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("con", "con_"),
        ("CON", "con_"),
        ("Con ", "con_"),
        ("nul", "nul_"),
        ("aux", "aux_"),
        ("prn", "prn_"),
        ("com1", "com1_"),
        ("COM¹", "com1_"),
        ("lpt9", "lpt9_"),
        ("lpt³", "lpt3_"),
        ("com0", "com0_"),
        ("con.md", "con_.md"),
        ("nul.tar.gz", "nul_.tar.gz"),
        ("con_", "con_"),  # stable: a name is its own name
        ("console", "console"),
        ("con-x", "con-x"),
        ("com10", "com10"),
        ("lpt", "lpt"),
        ("acon", "acon"),
    ],
)
def test_windows_device_names_get_a_suffix(text: str, expected: str) -> None:
    assert briefs.safe_name(text) == expected
    assert briefs.safe_name(expected) == expected


@pytest.mark.parametrize("by_account", [False, True], ids=["id", "account"])
def test_a_brief_is_never_named_after_a_windows_device(by_account: bool, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    # (an account name that is not plain ASCII, like "com¹", is named by a hash: see test_briefs.py)
    for n, value in enumerate(["con", "NUL", "COM1" if by_account else "com¹", "lpt9.md"]):
        text = EN.replace("account: ACME Manufacturing", f'account: "{value}"') if by_account else EN
        text = text.replace("id: acme-cfo", f"id: acme-{n}" if by_account else f'id: "{value}"')
        (src / f"c{n}.md").write_text(text, encoding="utf-8")
    argv = ["brief", str(src), "-o", "out", "--isolated", "--allow-errors", "--format", "md"]
    assert main(argv + (["--by-account"] if by_account else [])) == 0
    assert sorted(os.listdir(tmp_path / "out")) == ["com1_.md", "con_.md", "lpt9_.md.md", "nul_.md"]
    assert briefs.brief_name("con", "x/y.md") == "con_"
    assert briefs.brief_name(None, "x/aux.en.md") == "aux_"
    assert briefs.account_name("Prn", ["acme-cfo"]) == "prn_"


@pytest.mark.parametrize("name", ["con.md", "NUL.md", "com1.html", "lpt9.md"])
def test_device_names_are_refused_when_writing(name: str, tmp_path: Path) -> None:
    with pytest.raises(briefs.BriefError, match="refusing"):
        briefs.write_outputs({name: "x\n"}, tmp_path / "out")
