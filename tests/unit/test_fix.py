"""Autofix: what --fix writes, what --diff shows, and what is never touched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vplint.diagnostics import Edit
from vplint.lint.fix import FixOutcome, fixed_text, patch_lines, unified_diff


def vplint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vplint", *args, "--today", "2026-11-27"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


MESSY_EN = {
    "- Kind: window-of-opportunity": "- Kind: Window of Opportunity",
    "- Diagnosis: before-after - invoices": "- Diagnosis：Before-After——invoices",
    "- Solves: P3": "- Solves: P3, P1",
    "## Problems": "## Business problems",
}
CLEAN_EN = {
    "- Kind: window-of-opportunity": "- Kind: window",
    "- Diagnosis: before-after - invoices": "- Diagnosis: before-after - invoices",
    "- Solves: P3": "- Solves: P1, P3",
    "## Problems": "## Problems",
    "- Trigger: more-important-or-urgent": "- Trigger: higher-priority",
    "- Empathize (M1):": "- Empathise (M1):",
}


def _apply(text: str, changes: dict[str, str]) -> str:
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    return text


def test_fix_normalises_and_is_idempotent(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(_apply(en_text, MESSY_EN), encoding="utf-8")
    proc = vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Fixed 8 findings in 1 file." in proc.stdout
    assert path.read_text(encoding="utf-8") == _apply(en_text, CLEAN_EN)
    before = path.read_bytes()
    again = vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert again.returncode == 0
    assert "Fixed" not in again.stdout
    assert path.read_bytes() == before


def test_fix_in_chinese_uses_chinese_spellings(tmp_path: Path, zh_text: str) -> None:
    path = tmp_path / "c.md"
    messy = zh_text.replace("类型：机会窗口", "类型: window").replace("诊断：前后对比 ——", "诊断：前后比较 - ")
    path.write_text(messy, encoding="utf-8")
    assert vplint("check", "--fix", "c.md", cwd=tmp_path).returncode == 0
    fixed = path.read_text(encoding="utf-8")
    assert "- 类型：机会窗口" in fixed
    assert "- 诊断：前后对比 —— 2025年" in fixed
    assert "服务于：客户/老客户关系维护" in fixed


def test_diff_shows_and_writes_nothing(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(_apply(en_text, MESSY_EN), encoding="utf-8")
    before = path.read_bytes()
    proc = vplint("check", "--diff", "c.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert "-- Kind: Window of Opportunity" in proc.stdout
    assert "+- Kind: window" in proc.stdout
    assert path.read_bytes() == before


def test_findings_are_marked_fixable(tmp_path: Path, en_text: str) -> None:
    (tmp_path / "c.md").write_text(en_text, encoding="utf-8")
    proc = vplint("check", "--extend-select", "Y001", "c.md", cwd=tmp_path)
    assert "c.md:70:9: Y001 [*] write 'window' instead of 'window-of-opportunity'" in proc.stdout
    assert "3 fixable with 'vplint check --fix'" in proc.stdout


def test_crlf_and_bom_are_kept(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_bytes(b"\xef\xbb\xbf" + en_text.replace("\n", "\r\n").encode())
    assert vplint("check", "--fix", "c.md", cwd=tmp_path).returncode == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"- Kind: window\r\n" in data
    assert data.count(b"\r\n") == en_text.count("\n")


def test_unparseable_file_is_never_rewritten(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    broken = en_text.replace("offering: differentiated", "offering: [unclosed")
    path.write_text(broken, encoding="utf-8")
    proc = vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert "F003" in proc.stdout
    assert path.read_text(encoding="utf-8") == broken


def test_symlink_is_not_replaced(tmp_path: Path, en_text: str) -> None:
    target = tmp_path / "real.md"
    target.write_text(en_text, encoding="utf-8")
    link = tmp_path / "link.md"
    os.symlink(target, link)
    vplint("check", "--fix", "link.md", cwd=tmp_path)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == en_text


def test_permissions_are_kept(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(en_text, encoding="utf-8")
    path.chmod(0o640)
    vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") != en_text
    assert path.stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".vplint-*"))


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        ([Edit(1, 1, 4, "xyz", "abc")], "xyz def"),
        ([Edit(1, 1, 4, "xyz", "nope")], "abc def"),  # stale: skipped
        ([Edit(1, 5, 8, "DEF"), Edit(1, 1, 4, "ABC")], "ABC DEF"),
        ([Edit(1, 1, 6, "X"), Edit(1, 3, 8, "Y")], "abY"),  # overlapping: the rightmost wins, the other is skipped
        ([Edit(9, 1, 2, "x")], "abc def"),
    ],
)
def test_fixed_text(edits: list[Edit], expected: str) -> None:
    assert fixed_text("abc def", edits)[0] == expected


def test_fix_never_translates_a_canvas(tmp_path: Path, zh_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(zh_text.replace("language: zh\n", ""), encoding="utf-8")  # no language key
    proc = vplint("check", "--diff", "--lang", "en", "c.md", cwd=tmp_path)
    assert "## 业务问题" not in proc.stdout  # headings are not rewritten into English
    assert "+- Type:" not in proc.stdout


def test_fix_respects_the_selection(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(_apply(en_text, MESSY_EN), encoding="utf-8")
    proc = vplint("check", "--diff", "--select", "Y003", "c.md", cwd=tmp_path)
    changed = [line for line in proc.stdout.splitlines() if line.startswith("+- ")]
    assert changed == ["+- Solves: P1, P3"]


# --- --diff is what --fix writes, as GNU patch applies it ------------------------------------------

PATCH_ARGS = ("-p1", "--force", "--fuzz=0", "--no-backup-if-mismatch")
"""How the tests apply a diff: ``patch -p1`` as documented, made strict.  ``--force`` never asks and never
takes the diff for a reversed one, ``--fuzz=0`` refuses a hunk whose context does not match exactly, and no
``.orig`` file is left.  No ``--binary``: GNU patch strips CRs only when the diff's ``---``/``+++`` lines end
in CRLF, and vplint's never do, so the plain command must keep every CR."""


def gnu_patch() -> str:
    """GNU patch's path.  Without it the test is skipped, except under CI (``CI=true``): ``.ci/run`` installs it."""
    path = shutil.which("patch")
    if path is not None:
        version = subprocess.run([path, "--version"], capture_output=True, text=True, check=False, timeout=30)
        if version.stdout.startswith("GNU patch"):
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("GNU patch is missing: .ci/run installs Debian's patch before the tests")
    pytest.skip("GNU patch is not installed (apt-get install patch); CI installs it and runs these tests")


def apply_patch(folder: Path, diff: bytes) -> None:
    """``patch -p1 < diff`` in ``folder`` (strict: see :data:`PATCH_ARGS`); every hunk must apply where it says."""
    proc = subprocess.run(
        [gnu_patch(), *PATCH_ARGS], input=diff, cwd=folder, capture_output=True, check=False, timeout=60
    )
    report = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    assert proc.returncode == 0, report
    assert "Hunk" not in report, report  # no offset, no fuzz: each hunk applied at the line it names
    assert "Stripping trailing CRs" not in report, report


SEPARATORS = ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
"""What ``str.splitlines`` breaks lines at besides CR and LF: characters inside a line for patch and git."""

NO_EOL = "\\ No newline at end of file\n"

DIFF_CASES = {
    "lf-no-final-newline-fix-on-last-line": (
        "a\nk: Alias",
        f"@@ -1,2 +1,2 @@\n a\n-k: Alias\n{NO_EOL}+k: canon\n{NO_EOL}",
    ),
    "lf-no-final-newline-last-line-unchanged": ("k: Alias\nb", f"@@ -1,2 +1,2 @@\n-k: Alias\n+k: canon\n b\n{NO_EOL}"),
    "crlf-no-final-newline": (
        "a\r\nk: Alias\r\nb",
        f"@@ -1,3 +1,3 @@\n a\r\n-k: Alias\r\n+k: canon\r\n b\n{NO_EOL}",
    ),
    # patch and git end lines at LF only: a CR-only file is one line, without a line end
    "cr": ("a\rk: Alias\r", f"@@ -1 +1 @@\n-a\rk: Alias\r\n{NO_EOL}+a\rk: canon\r\n{NO_EOL}"),
    "cr-no-final-newline": ("a\rk: Alias", f"@@ -1 +1 @@\n-a\rk: Alias\n{NO_EOL}+a\rk: canon\n{NO_EOL}"),
    "bom-cr": ("\ufeffk: Alias\rb\r", f"@@ -1 +1 @@\n-\ufeffk: Alias\rb\r\n{NO_EOL}+\ufeffk: canon\rb\r\n{NO_EOL}"),
    "bom-lf-no-final-newline": ("\ufeffk: Alias", f"@@ -1 +1 @@\n-\ufeffk: Alias\n{NO_EOL}+\ufeffk: canon\n{NO_EOL}"),
    **{
        f"separator-{ord(ch):04x}": (
            f"a\nk: Alias {ch}x\nb{ch}\n",
            f"@@ -1,3 +1,3 @@\n a\n-k: Alias {ch}x\n+k: canon {ch}x\n b{ch}\n",
        )
        for ch in SEPARATORS
    },
}
"""Each case: the original (its fix writes ``canon`` for ``Alias``) and the diff's hunk.  difflib over
``str.splitlines`` got every one wrong: lines run together, CR-only lines without an LF, and lines cut at
a form feed, U+0085 or U+2028 that patch does not cut."""


def _outcome(original: str) -> FixOutcome:
    return FixOutcome("c.md", original, original.replace("Alias", "canon"), 1)


@pytest.mark.parametrize(("original", "hunk"), DIFF_CASES.values(), ids=DIFF_CASES.keys())
def test_diff_keeps_line_ends_and_marks_a_missing_final_newline(original: str, hunk: str) -> None:
    assert unified_diff(_outcome(original)) == "--- a/c.md\n+++ b/c.md\n" + hunk


@pytest.mark.parametrize("original", [case for case, _ in DIFF_CASES.values()], ids=DIFF_CASES.keys())
def test_patch_applies_the_diff_to_exactly_the_fixed_text(tmp_path: Path, original: str) -> None:
    outcome = _outcome(original)
    (tmp_path / "c.md").write_bytes(original.encode())
    apply_patch(tmp_path, unified_diff(outcome).encode())
    assert (tmp_path / "c.md").read_bytes() == outcome.fixed.encode()


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", []),
        ("a\nb\n", ["a\n", "b\n"]),
        ("a\r\nb", ["a\r\n", "b"]),
        ("a\rb\r", ["a\rb\r"]),
        ("\n\n", ["\n", "\n"]),
        ("".join(SEPARATORS) + "\nz", ["".join(SEPARATORS) + "\n", "z"]),
    ],
)
def test_patch_lines_end_at_lf_only(text: str, lines: list[str]) -> None:
    assert patch_lines(text) == lines
    assert "".join(lines) == text


def test_diff_from_the_command_line_patches_to_what_fix_writes(tmp_path: Path, en_text: str) -> None:
    """End to end: a CR-only canvas with a BOM, no final newline (its last line is fixed) and a form feed and
    U+2028 beside a fix; ``vplint check --diff`` on standard output, as bytes, then ``patch -p1``."""
    gnu_patch()
    messy = _apply(en_text, MESSY_EN).replace("Window of Opportunity", "Window of Opportunity \f\u2028")
    data = b"\xef\xbb\xbf" + messy.rstrip("\n").replace("\n", "\r").encode()
    for name in ("diff", "fix", "patch"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "c.md").write_bytes(data)
    command = [sys.executable, "-m", "vplint", "check", "--no-cache", "--today", "2026-11-27", "c.md"]
    shown = subprocess.run([*command, "--diff"], cwd=tmp_path / "diff", capture_output=True, check=False, timeout=120)
    assert shown.returncode == 1, shown.stderr
    assert shown.stdout.startswith(b"--- a/c.md\n+++ b/c.md\n@@ -1 +1 @@\n-\xef\xbb\xbf---\r")
    assert (tmp_path / "diff" / "c.md").read_bytes() == data
    subprocess.run([*command, "--fix"], cwd=tmp_path / "fix", capture_output=True, check=False, timeout=120)
    fixed = (tmp_path / "fix" / "c.md").read_bytes()
    assert fixed != data
    assert fixed.endswith(b"- Empathise (M1): acknowledge the overtime load in finance")
    apply_patch(tmp_path / "patch", shown.stdout)
    assert (tmp_path / "patch" / "c.md").read_bytes() == fixed


def test_diff_of_a_chinese_canvas_named_with_a_space_patches_under_a_latin1_terminal(
    tmp_path: Path, zh_text: str
) -> None:
    """The diff is the file's bytes whatever stdout's encoding says, and a name with a space ends in a tab."""
    gnu_patch()
    fixable = zh_text.replace("- 类型：问题解决型", "- 类型：Problem Solving", 1)
    assert fixable != zh_text
    name = "华信 物流.md"
    for folder in ("diff", "fix", "patch"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(fixable, encoding="utf-8")
    command = [sys.executable, "-m", "vplint", "check", "--no-cache", "--today", "2026-11-27", name]
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    shown = subprocess.run(
        [*command, "--diff"], cwd=tmp_path / "diff", env=env, capture_output=True, check=False, timeout=120
    )
    assert b"Traceback" not in shown.stderr
    assert shown.returncode == 1, shown.stderr
    assert shown.stdout.startswith(f"--- a/{name}\t\n+++ b/{name}\t\n".encode())
    subprocess.run([*command, "--fix"], cwd=tmp_path / "fix", env=env, capture_output=True, check=False, timeout=120)
    fixed = (tmp_path / "fix" / name).read_bytes()
    assert fixed != fixable.encode()
    apply_patch(tmp_path / "patch", shown.stdout)
    assert (tmp_path / "patch" / name).read_bytes() == fixed


@pytest.mark.parametrize(
    ("messy", "fixed"),
    [
        ("- Strategy: Financial: cost-efficiency", "- Strategy: financial/cost-efficiency"),
        ("- Strategy: Financial – cost and efficiency - x", "- Strategy: financial/cost-efficiency - x"),
        ("- Strategy: operations-production", "- Strategy: operations/production-process"),
        ("- Strategy: operations → service", "- Strategy: operations/service-process"),
        ("- Change: external - political: new law", "- Change: external/political - new law"),
        ("- Change: PEST/political - new law", "- Change: external/political - new law"),
        ("- Change: external (political) - new law", "- Change: external/political - new law"),
        ("- Change: external (political)", "- Change: external/political"),
        ("- 策略：财务：成本和效率", "- 策略：财务/支出和效率"),
        ("- 策略：运营层级：生产流程", "- 策略：运营/生产流程"),
        ("- 策略：运营-生产流程", "- 策略：运营/生产流程"),
        ("- 变化：外部（政策）", "- 变化：外部/政策"),
        ("- 变化：外部（政策）新规", "- 变化：外部/政策 —— 新规"),
        ("- 变化：外部 - 政策：新规", "- 变化：外部/政策 —— 新规"),
        ("- 变化：PEST/政策 —— 新规", "- 变化：外部/政策 —— 新规"),
    ],
)
def test_fix_writes_level_area_and_scope_category_with_a_slash(messy: str, fixed: str) -> None:
    """Y001 and Y002 rewrite a strategy or a change into ``level/area`` and ``scope/category``; the model stays."""
    from vplint import parse
    from vplint.lint.options import Options
    from vplint.lint.pipeline import lint_text

    zh = "：" in messy
    head = "---\nid: t\nlanguage: " + ("zh" if zh else "en") + "\n---\n"
    motivators, needs = ("## 客户动机", "## 购买需求") if zh else ("## Motivators", "## Needs")
    section = f"{motivators}\n### M1 t\n" if "Change" in messy or "变化" in messy else f"{needs}\n### N1 t\n"
    text = head + section + messy + "\n"
    options = Options(extend_select=("Y001", "Y002"), isolated=True)
    edits = [e for d in lint_text(text, "t.md", options=options).diagnostics for e in d.fix]
    result, _ = fixed_text(text, edits)
    assert result == head + section + fixed + "\n"
    assert parse(result) == parse(text)
    assert not [e for d in lint_text(result, "t.md", options=options).diagnostics for e in d.fix]
