"""The bad-input matrix: whatever a file holds, vplint reports it and never crashes.

Every case is checked twice: through the library (``lint_text``), for the exact code and
position, and through the command line, as a user runs it, for the documented exit code
(0 clean, 1 findings, 2 a path that is missing or cannot be read), the same finding in the
output, no traceback, and the file left exactly as it was (bytes and modification time).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest

import vplint
from tests.conftest import ROOT
from vplint.diagnostics import Diagnostic
from vplint.lint.pipeline import lint_text
from vplint.lint.runner import lint_paths
from vplint.parser.document import MAX_BYTES

EN_PATH = ROOT / "canvases" / "acme-cfo.en.md"
ZH_PATH = ROOT / "canvases" / "huaxin-cio.zh.md"
EN = EN_PATH.read_text(encoding="utf-8")
ZH = ZH_PATH.read_text(encoding="utf-8")
TODAY = "2026-11-27"
"""The sample canvases are dated: time-dependent rules take this day as today."""
OLD_NS = 1_600_000_000 * 1_000_000_000
"""A modification time in the past, so that any rewrite of a file shows."""
FILE_LEVEL = ("F001", "F006", "F009")
"""Codes for a file that cannot be parsed at all: they come alone."""


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPLINT_TODAY", TODAY)


# --- helpers --------------------------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["VPLINT_TODAY"] = TODAY
    env["VPLINT_LANG"] = "en"
    env.update(extra)
    return env


def cli(
    *args: str, cwd: Path = ROOT, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m vplint ARGS``; a run that does not end within ``timeout`` fails the test."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "vplint", *args],
            cwd=cwd,
            env=env or _env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"vplint {' '.join(args)} did not finish within {timeout} s")


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout


@dataclass(frozen=True)
class Snapshot:
    path: Path
    digest: str
    mtime_ns: int
    mode: int


def freeze(path: Path) -> Snapshot:
    """Set an old modification time and remember the file as it is."""
    os.utime(path, ns=(OLD_NS, OLD_NS), follow_symlinks=False)
    st = path.lstat()
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return Snapshot(path, digest, st.st_mtime_ns, st.st_mode)


def assert_unchanged(snap: Snapshot) -> None:
    st = snap.path.lstat()
    assert st.st_mtime_ns == snap.mtime_ns, f"{snap.path} was modified"
    assert st.st_mode == snap.mode, f"the mode of {snap.path} changed"
    if snap.digest:
        assert hashlib.sha256(snap.path.read_bytes()).hexdigest() == snap.digest, f"{snap.path} was rewritten"


def line_count(data: bytes | str) -> int:
    """Lines in the input as vplint counts them (any of CRLF, CR and LF ends a line)."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def assert_sane(diags: list[Diagnostic], data: bytes | str) -> None:
    limit = line_count(data) + 1
    for d in diags:
        assert re.fullmatch(r"[A-Z]\d{3}", d.code), d
        assert 1 <= d.line <= limit, d
        assert d.column >= 1, d
        assert d.message, d


def found(diags: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in diags]


def with_line(text: str, key: str, value: str) -> str:
    """``text`` with its first ``key: ...`` front-matter line replaced by ``key: value``."""
    new, n = re.subn(rf"^{re.escape(key)}:.*$", lambda _: f"{key}: {value}", text, count=1, flags=re.M)
    assert n == 1, key
    return new


# --- the matrix of file contents -------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    data: bytes
    code: str | None
    """The finding expected (None: the file must check clean)."""
    line: int = 1
    column: int = 1

    @property
    def exit_code(self) -> int:
        return 0 if self.code is None else 1


def _b(text: str) -> bytes:
    return text.encode("utf-8")


_EN_BODY = EN[EN.index("\n# ") + 1 :]
_EN_FRONT = EN[: EN.index("\n# ") + 1]
_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


CASES = [
    # binary and encodings
    pytest.param(Case(_PNG, "F006"), id="png-header"),
    pytest.param(Case(b"\x00" * 64, "F006"), id="nul-bytes-only"),
    pytest.param(Case(_b(EN.replace("## Problems", "## Prob\x00lems")), "F006", 30, 8), id="nul-in-text"),
    pytest.param(Case(_b(EN).replace(b"## Problems", b"## Prob\xfflems"), "F006", 30, 8), id="invalid-utf8-body"),
    pytest.param(
        Case(_b(EN).replace(b"owner: alice", b"owner: al\xe9ice"), "F006", 23, 10), id="latin1-in-front-matter"
    ),
    pytest.param(
        Case(_b(ZH).replace(_b("account: 华信"), _b("account: 华信") + b"\xff"), "F006", 3, 12),
        id="invalid-utf8-after-cjk",  # the column counts characters, not bytes
    ),
    pytest.param(Case(_b(ZH)[:-2], "F006", ZH.count("\n"), len(ZH.split("\n")[-2])), id="utf8-truncated-mid-character"),
    pytest.param(
        Case(_b(EN.replace("\n", "\r")).replace(b"## Problems", b"## Prob\xfflems"), "F006", 30, 8),
        id="invalid-utf8-cr-line-ends",
    ),
    pytest.param(Case(b"\xff\xfe" + EN.encode("utf-16-le"), "F006"), id="utf16-le-bom"),
    pytest.param(Case(b"\xfe\xff" + EN.encode("utf-16-be"), "F006"), id="utf16-be-bom"),
    pytest.param(Case(b"\xff\xfe\x00\x00" + EN.encode("utf-32-le"), "F006"), id="utf32-le-bom"),
    pytest.param(Case(b"\xef\xbb\xbf" + _b(EN), None), id="utf8-bom-en"),
    pytest.param(Case(b"\xef\xbb\xbf" + _b(ZH), None), id="utf8-bom-zh"),
    # line ends
    pytest.param(Case(_b(EN.replace("\n", "\r\n")), None), id="crlf-en"),
    pytest.param(Case(_b(ZH.replace("\n", "\r\n")), None), id="crlf-zh"),
    pytest.param(Case(_b(EN.replace("\n", "\r")), None), id="cr-en"),
    pytest.param(Case(_b(ZH.replace("\n", "\r")), None), id="cr-zh"),
    pytest.param(Case(b"\xef\xbb\xbf" + _b(ZH.replace("\n", "\r\n")), None), id="bom-crlf-zh"),
    # empty and half files
    pytest.param(Case(b"", "F001"), id="empty"),
    pytest.param(Case(b"  \n\t\n   \r\n \n", "F001"), id="whitespace-only"),
    pytest.param(Case(b"\xef\xbb\xbf", "F001"), id="bom-only"),
    pytest.param(Case(_b(_EN_FRONT), "S001", 27, 1), id="front-matter-only"),
    pytest.param(Case(_b(_EN_FRONT.rstrip("\n")), "S001", 27, 1), id="front-matter-only-no-final-newline"),
    pytest.param(Case(_b(_EN_BODY), "F002"), id="body-only"),
    pytest.param(Case(_b("\n" + EN), "F002"), id="blank-line-before-front-matter"),
    pytest.param(Case(_b(EN.replace("language: en\n---\n", "language: en\n", 1)), "F002"), id="unclosed-front-matter"),
    # front-matter that is not a mapping
    pytest.param(Case(_b("---\n- a\n- b\n---\n" + _EN_BODY), "F004", 2, 1), id="front-matter-list"),
    pytest.param(Case(_b("---\njust a sentence\n---\n" + _EN_BODY), "F004", 2, 1), id="front-matter-scalar"),
    pytest.param(Case(_b("---\n---\n" + _EN_BODY), "F004"), id="front-matter-empty"),
    pytest.param(Case(_b("---\n# only a comment\n---\n" + _EN_BODY), "F004"), id="front-matter-comment-only"),
    # broken YAML: the expected positions are counted by hand in acme-cfo.en.md
    pytest.param(
        Case(_b(EN.replace("  buying_role: finance", " buying_role: finance")), "F003", 7, 2), id="yaml-bad-indent"
    ),
    pytest.param(Case(_b(EN.replace("  title:", "\ttitle:")), "F003", 5, 1), id="yaml-tab-indent"),
    pytest.param(Case(_b(with_line(EN, "owner", "[a, b}")), "F003", 23, 13), id="yaml-flow-mismatch"),
    pytest.param(Case(_b(with_line(EN, "owner", "alice: x")), "F003", 23, 13), id="yaml-colon-in-plain-value"),
    pytest.param(
        Case(_b(with_line(EN, "account", '"ACME Manufacturing')), "F003", 3, 10),
        id="yaml-unclosed-double-quote",
    ),
    pytest.param(
        Case(_b(with_line(EN, "account", "'ACME Manufacturing")), "F003", 3, 10),
        id="yaml-unclosed-single-quote",
    ),
    pytest.param(Case(_b(with_line(EN, "owner", "al\x07ice")), "F003", 23, 10), id="yaml-control-char"),
    pytest.param(
        Case(_b(with_line(ZH, "owner", "李\x07雷")), "F003", 20, 9),
        id="yaml-control-char-after-cjk",
    ),
    pytest.param(
        Case(_b(with_line(ZH, "owner", "李雷\ufffe")), "F003", 20, 10),
        id="yaml-noncharacter-after-cjk",
    ),
    pytest.param(
        Case(_b(with_line(with_line(EN, "account", '"ACME\u2028Manufacturing"'), "owner", "alice: x")), "F003", 23, 13),
        id="yaml-error-after-u2028",
    ),
    pytest.param(
        Case(_b(with_line(with_line(EN, "account", '"ACME\x85Manufacturing"'), "owner", "alice: x")), "F003", 23, 13),
        id="yaml-error-after-nel",
    ),
    # duplicate keys: reported at the second one
    pytest.param(
        Case(_b(EN.replace("language: en\n", "language: en\nid: again\n")), "F005", 26, 1), id="duplicate-key"
    ),
    pytest.param(
        Case(
            _b(EN.replace("  title: Chief Financial Officer\n", "  title: Chief Financial Officer\n  title: CFO\n")),
            "F005",
            6,
            3,
        ),
        id="duplicate-nested-key",
    ),
    pytest.param(
        Case(_b(EN.replace("language: en\n", "language: en\ncustomer: ACME\n")), "F005", 26, 1),
        id="duplicate-key-by-alias",  # 'customer' is another spelling of 'account'
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_library_reports_bad_input(case: Case) -> None:
    res = lint_text(case.data, "case.md")
    assert res.error is None
    assert_sane(res.diagnostics, case.data)
    if case.code is None:
        assert found(res.diagnostics) == []
        return
    assert (case.line, case.column, case.code) in found(res.diagnostics), found(res.diagnostics)
    if case.code in FILE_LEVEL:
        assert [d.code for d in res.diagnostics] == [case.code]


@pytest.mark.parametrize("case", CASES)
def test_cli_reports_bad_input_and_leaves_the_file_alone(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "canvas.md"
    path.write_bytes(case.data)
    snap = freeze(path)
    proc = cli("check", str(path))
    no_traceback(proc)
    assert proc.returncode == case.exit_code, proc.stdout + proc.stderr
    assert proc.stderr == ""
    if case.code is None:
        assert f"{path}:" not in proc.stdout
    else:
        assert f"{path}:{case.line}:{case.column}: {case.code}" in proc.stdout, proc.stdout
    assert_unchanged(snap)
    assert sorted(os.listdir(tmp_path)) == ["canvas.md"]


EXPORT_CASES = [
    pytest.param(_PNG, 1, id="png-header"),
    pytest.param(b"\xff\xfe" + EN.encode("utf-16-le"), 1, id="utf16-le-bom"),
    pytest.param(_b(EN).replace(b"## Problems", b"## Prob\xfflems"), 1, id="invalid-utf8"),
    pytest.param(b"", 1, id="empty"),
    pytest.param(_b(_EN_BODY), 1, id="body-only"),
    pytest.param(_b(EN.replace("  title:", "\ttitle:")), 1, id="yaml-tab-indent"),
    pytest.param(b"\xef\xbb\xbf" + _b(EN.replace("\n", "\r\n")), 0, id="bom-crlf"),
]


@pytest.mark.parametrize(("data", "exit_code"), EXPORT_CASES)
def test_export_of_bad_input(data: bytes, exit_code: int, tmp_path: Path) -> None:
    path = tmp_path / "canvas.md"
    path.write_bytes(data)
    snap = freeze(path)
    proc = cli("export", str(path))
    no_traceback(proc)
    assert proc.returncode == exit_code, proc.stdout + proc.stderr
    if exit_code == 0:
        assert vplint.parse(data)["id"] == "acme-cfo"
        assert '"id": "acme-cfo"' in proc.stdout
    else:
        assert f"{path}:" in proc.stderr
    assert_unchanged(snap)


# --- line ends keep positions ------------------------------------------------------------------

_POSITION_MUTATIONS = [
    pytest.param(EN, "- Type: problem-solving", "- Type: problem-slving", id="en-unknown-type"),
    pytest.param(ZH, "- 类型：问题解决型", "- 类型：问题解决形", id="zh-unknown-type"),
    pytest.param(EN, "  buying_role: finance", " buying_role: finance", id="en-yaml-indent"),
    pytest.param(EN, "- Solves: P3", "- Solves: P9", id="en-dangling-reference"),
    pytest.param(ZH, "## 需求转变\n- 触发：更重要或更紧急\n", "", id="zh-missing-section"),
]


@pytest.mark.parametrize(("text", "old", "new"), _POSITION_MUTATIONS)
def test_line_ends_do_not_move_positions(text: str, old: str, new: str, tmp_path: Path) -> None:
    assert old in text
    lf = text.replace(old, new, 1)
    expected = found(lint_text(_b(lf), "x.md").diagnostics)
    assert expected, "the mutation must produce a finding"
    variants = {
        "crlf": _b(lf.replace("\n", "\r\n")),
        "cr": _b(lf.replace("\n", "\r")),
        "bom-crlf": b"\xef\xbb\xbf" + _b(lf.replace("\n", "\r\n")),
        "mixed": _b("".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lf.split("\n")))).rstrip(),
    }
    for name, data in variants.items():
        assert found(lint_text(data, "x.md").diagnostics) == expected, name
    # and through the command line, for one of them
    path = tmp_path / "crlf.md"
    path.write_bytes(variants["crlf"])
    snap = freeze(path)
    proc = cli("check", str(path))
    no_traceback(proc)
    assert proc.returncode in (0, 1)
    for line, column, code in expected:
        assert f"{path}:{line}:{column}: {code}" in proc.stdout
    assert_unchanged(snap)


# --- YAML 1.1 surprises stay as written ----------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("owner", "NO"),
        ("account", "on"),
        ("id", "1e3"),
        ("account", "0777"),
        ("owner", "yes"),
        ("updated", "2026-11-20"),
        ("account", "off"),
        ("account", "0x1F"),
        ("account", "1_000"),
        ("account", ".inf"),
        ("account", ".NaN"),
        ("account", "12:30:00"),
        ("account", "+12"),
        ("updated", "2026-11-20T10:00:00Z"),
        ("owner", "Null"),
    ],
)
def test_yaml_11_values_stay_exactly_as_written(key: str, raw: str) -> None:
    text = with_line(EN, key, raw)
    model = vplint.parse(text)
    assert model[key] == raw
    assert isinstance(model[key], str)
    res = lint_text(text, "x.md")
    assert_sane(res.diagnostics, text)
    assert not [d for d in res.diagnostics if d.code.startswith("F")]


def test_updated_date_stays_a_string() -> None:
    for text in (EN, ZH):
        updated = vplint.parse(text)["updated"]
        assert isinstance(updated, str)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", updated)
    assert vplint.parse(EN)["updated"] == "2026-11-20"


# --- hostile YAML: run in a child process, so a hang, a RecursionError or a crash of libyaml
# --- fails the test instead of the test run


def _bomb() -> str:
    lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return EN.replace("language: en\n", "language: en\n" + "\n".join(lines) + "\n")


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(_bomb(), encoding="utf-8")
    snap = freeze(path)
    proc = cli("check", str(path), timeout=60)
    no_traceback(proc)
    assert proc.returncode == 1
    # the first anchor (line 26) or the first alias (line 27)
    assert re.search(rf"^{re.escape(str(path))}:2[67]:\d+: F004 ", proc.stdout, re.M), proc.stdout
    assert_unchanged(snap)


_DEEP = 10_000


def _deep_yaml(shape: str) -> str:
    if shape == "flow-seq":
        return "id: " + "[" * _DEEP + "]" * _DEEP
    if shape == "flow-seq-unclosed":
        return "id: " + "[" * _DEEP
    if shape == "flow-map":
        return "id: " + "{a: " * _DEEP + "b" + "}" * _DEEP
    if shape == "block-seq":
        return "id:\n  " + "- " * _DEEP + "x"
    assert shape == "block-map"  # one more space a level: 2,000 levels stay under the size limit
    return "".join(" " * i + f"k{i}:\n" for i in range(2_000)) + " " * 2_000 + "x"


_LOADER_SNIPPET = """
import sys, yaml
import vplint.parser.document
if sys.argv[2] == "python":
    vplint.parser.document._Loader = yaml.SafeLoader
from vplint.lint.pipeline import lint_text
res = lint_text(open(sys.argv[1], "rb").read(), "deep.md")
print(" ".join(f"{d.code}@{d.line}:{d.column}" for d in res.diagnostics))
"""


@pytest.mark.parametrize("shape", ["flow-seq", "flow-seq-unclosed", "flow-map", "block-seq", "block-map"])
def test_deeply_nested_yaml_is_a_finding_not_a_crash(shape: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("---\n" + _deep_yaml(shape) + "\n---\n" + _EN_BODY, encoding="utf-8")
    snap = freeze(path)
    proc = cli("check", str(path), timeout=60)
    no_traceback(proc)
    assert proc.returncode == 1, proc.stderr
    assert re.search(rf"^{re.escape(str(path))}:\d+:\d+: F00[34] ", proc.stdout, re.M), proc.stdout
    assert_unchanged(snap)
    # the same through the library, with libyaml and with PyYAML's pure-Python loader
    for loader in ("c", "python"):
        lib = subprocess.run(
            [sys.executable, "-c", _LOADER_SNIPPET, str(path), loader],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert lib.returncode == 0, lib.stderr
        assert re.search(r"\bF00[34]@\d+:\d+", lib.stdout), (loader, lib.stdout)


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param("> " * _DEEP + "x\n", id="blockquotes"),
        pytest.param("- " * _DEEP + "x\n", id="list-markers"),
        pytest.param("".join("  " * i + "- x\n" for i in range(1_000)), id="indented-lists"),
        pytest.param("[" * _DEEP + "x" + "]" * _DEEP + "\n", id="brackets"),
        pytest.param("*" * _DEEP + "x\n", id="emphasis"),
    ],
)
def test_deeply_nested_markdown_body_does_not_crash(tail: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text(EN + "\n" + tail, encoding="utf-8")
    snap = freeze(path)
    proc = cli("check", str(path), timeout=60)
    no_traceback(proc)
    assert proc.returncode in (0, 1), proc.stderr
    assert " F0" not in proc.stdout
    assert_unchanged(snap)


# --- size ------------------------------------------------------------------------------------


def _big(size: int) -> bytes:
    """A canvas padded with list items to exactly ``size`` bytes."""
    data = _b(EN) + b"\n## Notes\n"
    item = b"- a line of padding to make the file large\n"
    data += item * ((size - len(data)) // len(item))
    return data + b"x" * (size - len(data))


def test_file_over_the_size_limit_is_reported_not_parsed() -> None:
    data = _big(MAX_BYTES + 1)
    res = lint_text(data, "big.md")
    assert found(res.diagnostics) == [(1, 1, "F009")]


def test_file_at_the_size_limit_is_checked() -> None:
    data = _b(EN) + b" " * (MAX_BYTES - len(_b(EN)))
    assert len(data) == MAX_BYTES
    res = lint_text(data, "limit.md")
    assert not [d for d in res.diagnostics if d.code.startswith("F")]
    assert res.canvas is not None
    assert res.canvas.data["id"] == "acme-cfo"


def test_huge_file_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(_big(20_000_000))
    tracemalloc.start()
    try:
        result = lint_paths([str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found(result.diagnostics) == [(1, 1, "F009")]
    assert result.exit_code == 1
    assert peak < 2 * MAX_BYTES, f"peak {peak} bytes: the 20 MB file was read whole"


@pytest.mark.parametrize("size", [5 * 1024 * 1024, 20_000_000])
def test_huge_file_through_the_cli(size: int, tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(_big(size))
    snap = freeze(path)
    proc = cli("check", str(path), timeout=60)
    no_traceback(proc)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{path}:1:1: F009 ")
    assert_unchanged(snap)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_input_terminates() -> None:
    proc = cli("check", "/dev/zero", timeout=60)
    no_traceback(proc)
    # too large (read up to the limit) or refused as not a regular file: either way it ends
    assert (proc.returncode, "/dev/zero:1:1: F009" in proc.stdout) in ((1, True), (2, False))


def test_100k_list_items_in_the_body() -> None:
    items = "".join(f"- note {i}: a remark\n" for i in range(100_000))
    text = EN.replace("\n### P2 ", "\n" + items + "\n### P2 ", 1)
    text = text.replace("- Type: risk-prevention", "- Type: risk-prevension")
    res = lint_text(text, "many.md")
    assert_sane(res.diagnostics, text)
    # the error below the 100,000 items keeps its exact line (line 38 of the sample, moved down)
    assert (38 + 100_001, 9, "S002") in found(res.diagnostics)


# Regression: parse_method once rescanned every token for each block (quadratic: 25,000
# paragraphs took minutes).
def test_many_top_level_blocks_finish(tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.md"
    path.write_text(EN + "".join(f"\nparagraph {i}\n" for i in range(25_000)), encoding="utf-8")
    proc = cli("check", str(path), timeout=15)
    no_traceback(proc)
    assert proc.returncode == 0


# --- paths -----------------------------------------------------------------------------------


def test_path_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    folder = tmp_path / "销售 canvases"
    folder.mkdir()
    good = folder / "画布 一.md"
    good.write_text(ZH, encoding="utf-8")
    bad = folder / "画布 二.md"
    bad.write_text(_EN_BODY, encoding="utf-8")
    snaps = [freeze(good), freeze(bad)]

    proc = cli("check", str(good))
    no_traceback(proc)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    proc = cli("check", str(bad))
    no_traceback(proc)
    assert proc.returncode == 1
    assert f"{bad}:1:1: F002 " in proc.stdout

    proc = cli("check", "销售 canvases", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 1
    assert "销售 canvases/画布 二.md:1:1: F002 " in proc.stdout
    assert "画布 一.md:" not in proc.stdout

    result = lint_paths([str(folder)])
    assert sorted(Path(f.path).name for f in result.files) == ["画布 一.md", "画布 二.md"]
    for snap in snaps:
        assert_unchanged(snap)


# Regression: a non-UTF-8 file name crashed the report with UnicodeEncodeError under a
# strict UTF-8 stdout.
def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "canvases"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.md"
    try:
        with open(raw, "wb") as fh:
            fh.write(_b(_EN_BODY))
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    proc = cli("check", str(folder), env=_env(PYTHONIOENCODING="utf-8"))
    no_traceback(proc)
    assert proc.returncode == 1
    assert ".md:1:1: F002 " in proc.stdout


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "不存在 的.md"
    proc = cli("check", str(missing))
    no_traceback(proc)
    assert proc.returncode == 2
    assert str(missing) in proc.stderr
    assert f"{missing}:" not in proc.stdout
    assert not missing.exists()

    result = lint_paths([str(missing)])
    assert result.missing == [str(missing)]
    assert result.exit_code == 2


def test_missing_path_next_to_a_good_file(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(EN, encoding="utf-8")
    snap = freeze(good)
    proc = cli("check", str(good), str(tmp_path / "nope.md"))
    no_traceback(proc)
    assert proc.returncode == 2
    assert "nope.md" in proc.stderr
    assert f"{good}:" not in proc.stdout
    assert_unchanged(snap)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text(EN, encoding="utf-8")
    snap = freeze(path)
    path.chmod(0)
    try:
        proc = cli("check", str(path))
    finally:
        path.chmod(snap.mode)
    no_traceback(proc)
    assert proc.returncode == 2
    assert str(path) in proc.stderr
    assert_unchanged(snap)


def _symlink(link: Path, target: str, *, is_dir: bool = False) -> None:
    try:
        os.symlink(target, link, target_is_directory=is_dir)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available")


def test_broken_symlink_named_on_the_command_line(tmp_path: Path) -> None:
    link = tmp_path / "broken.md"
    _symlink(link, "nowhere.md")
    snap = freeze(link)
    proc = cli("check", str(link))
    no_traceback(proc)
    assert proc.returncode == 2
    assert str(link) in proc.stderr
    assert_unchanged(snap)
    assert os.readlink(link) == "nowhere.md"

    result = lint_paths([str(link)])
    assert result.exit_code == 2
    assert [f.error is not None for f in result.files] == [True]


def test_broken_symlink_in_a_folder(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(EN, encoding="utf-8")
    _symlink(tmp_path / "broken.md", "nowhere.md")
    snap = freeze(good)
    proc = cli("check", str(tmp_path))
    no_traceback(proc)
    assert proc.returncode == 2
    assert "broken.md" in proc.stderr
    assert f"{good}:" not in proc.stdout
    assert_unchanged(snap)


# Regression: Path.resolve() raised RuntimeError('Symlink loop') out of the configuration lookup.
@pytest.mark.parametrize("named", [True, False], ids=["named", "in-folder"])
def test_symlink_to_itself(named: bool, tmp_path: Path) -> None:
    link = tmp_path / "self.md"
    _symlink(link, "self.md")
    proc = cli("check", str(link if named else tmp_path), timeout=30)
    no_traceback(proc)
    assert proc.returncode == 2
    assert str(link) in proc.stderr


# Regression: the summary once said 'All clean' for a file that could not be read.
def test_summary_does_not_call_an_unreadable_file_clean(tmp_path: Path) -> None:
    link = tmp_path / "broken.md"
    _symlink(link, "nowhere.md")
    proc = cli("check", str(link))
    assert proc.returncode == 2
    assert "All clean" not in proc.stdout


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "canvas.md"
    folder.mkdir()
    # check: a folder is searched for canvases (there are none)
    proc = cli("check", str(folder))
    no_traceback(proc)
    assert proc.returncode == 0
    assert proc.stderr == ""
    # export needs a file: it cannot read a folder
    proc = cli("export", str(folder))
    no_traceback(proc)
    assert proc.returncode == 2
    assert str(folder) in proc.stderr
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_directory_symlink_loop_terminates(tmp_path: Path) -> None:
    root = tmp_path / "loop"
    (root / "sub").mkdir(parents=True)
    canvas = root / "sub" / "body-only.md"
    canvas.write_text(_EN_BODY, encoding="utf-8")
    _symlink(root / "here", ".", is_dir=True)
    _symlink(root / "sub" / "up", "..", is_dir=True)
    _symlink(root / "sub" / "x.md", "../sub", is_dir=True)  # a folder link named like a canvas
    snap = freeze(canvas)
    proc = cli("check", str(root), timeout=60)
    no_traceback(proc)
    assert proc.returncode == 1
    assert proc.stdout.count(" F002 ") == 1, proc.stdout
    assert_unchanged(snap)

    result = lint_paths([str(root)])
    assert [Path(f.path).name for f in result.files] == ["body-only.md"]


# Regression: a FIFO was opened and read like a file, and 'vplint check' hung forever.
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_does_not_hang(tmp_path: Path) -> None:
    named = tmp_path / "pipe.md"
    os.mkfifo(named)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")
    proc = cli("check", str(named), str(folder), timeout=10)
    no_traceback(proc)
    assert proc.returncode == 2
    assert str(named) in proc.stderr


# --- API input the file reader can never produce --------------------------------------------------


# Regression: a lone surrogate made the C YAML loader raise UnicodeEncodeError.
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        pytest.param(with_line(EN, "owner", "al\ud800ice"), 23, 10, id="front-matter"),
        pytest.param(EN.replace("## Problems", "## Prob\udfffems"), 30, 8, id="body"),
    ],
)
def test_lone_surrogate_in_str_input_is_a_finding(text: str, line: int, column: int) -> None:
    res = lint_text(text, "x.md")
    assert (line, column, "F006") in found(res.diagnostics)
    assert vplint.parse(text)["model_version"] >= 1


# Regression: list-item columns counted a tab as four columns (the Y001 fix was then skipped).
def test_tab_after_list_marker_keeps_character_columns(tmp_path: Path) -> None:
    text = EN.replace("- Type: problem-solving", "-\tType: problem-slving")
    assert (33, 9, "S002") in found(lint_text(text, "x.md").diagnostics)
    # a fix on such a line lands on the value (--diff shows it and changes nothing)
    path = tmp_path / "tab.md"
    path.write_text(EN.replace("- Type: problem-solving", "-\tType: Problem Solving"), encoding="utf-8")
    snap = freeze(path)
    proc = cli("check", "--diff", str(path))
    no_traceback(proc)
    assert "+-\tType: problem-solving\n" in proc.stdout, proc.stdout
    assert_unchanged(snap)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "- Trigger: more-important-or-urgent",
            "- Trigger: more-resources,\n  higher-priorty",
            (81, 3, "S002"),
            id="trigger",
        ),
        pytest.param("- Solves: P3", "- Solves: P3,\n  P9", (63, 3, "C005"), id="reference"),
        pytest.param("- Type: problem-solving", "- Type:\n  problem-slving", (34, 3, "S002"), id="value"),
        pytest.param(
            "- Strategy: operations/service-process",
            "- Strategy: operations/\n  service-proces",
            (51, 3, "S002"),
            id="strategy-area",
        ),
    ],
)
def test_value_on_a_continuation_line_keeps_its_line(old: str, new: str, expected: tuple[int, int, str]) -> None:
    assert old in EN
    text = EN.replace(old, new, 1)
    assert expected in found(lint_text(text, "x.md").diagnostics)
