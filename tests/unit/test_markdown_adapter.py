"""The mistune adapter, ``vplint.parser.markdown``: its one private patch is guarded.

vplint memoizes mistune's private ``list_parser._compile_list_break_sc``.  If a mistune release
renames it or changes its signature, vplint must leave mistune alone and give the same tokens and
the same findings; these tests take the patch away, or put a changed function in its place, and
compare with the patched run on the sample canvases and every rule fixture.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mistune import list_parser
from mistune.block_parser import BlockParser

import vplint
from vplint.parser import markdown
from vplint.parser.document import parse_document
from vplint.parser.markdown import BodyParser, install_list_break_memo

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "canvases").glob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
TODAY = "2026-11-27"


def _unpatched() -> Callable[..., re.Pattern[str]]:
    current = list_parser._compile_list_break_sc
    return getattr(current, "__wrapped__", current)


def _tokens() -> dict[str, list[list[dict[str, Any]]]]:
    out = {}
    for path in SAMPLES:
        text = parse_document(path.read_bytes(), str(path)).text
        out[str(path)] = [BodyParser(simple_lists=fast).tokens(text) for fast in (True, False)]
    return out


def _findings() -> dict[str, list[str]]:
    return {
        str(path.relative_to(ROOT)): [
            repr(d) for d in vplint.lint_text(path.read_bytes(), str(path.relative_to(ROOT))).diagnostics
        ]
        for path in SAMPLES
    }


def test_there_are_samples() -> None:
    assert len(SAMPLES) > 40


def test_vplint_memoizes_mistunes_list_breaks() -> None:
    assert hasattr(list_parser._compile_list_break_sc, "cache_info")
    assert install_list_break_memo() is True  # installing again keeps the one memo
    assert not hasattr(_unpatched(), "cache_info")


def test_the_memo_returns_mistunes_regex() -> None:
    parser = BlockParser()
    for width in range(6):
        assert list_parser._compile_list_break_sc(parser, width).pattern == _unpatched()(parser, width).pattern


def _changed_signature(block: Any, leading_width: int, rules: list[str]) -> re.Pattern[str]:
    return _unpatched()(block, leading_width)


def _keyword_only(block: Any, *, leading_width: int) -> re.Pattern[str]:
    return _unpatched()(block, leading_width)


def _defaulted(block: Any, leading_width: int = 0) -> re.Pattern[str]:
    return _unpatched()(block, leading_width)


def _returns_source(block: Any, leading_width: int) -> str:
    return _unpatched()(block, leading_width).pattern


def _unannotated(block, leading_width):  # type: ignore[no-untyped-def]
    return _unpatched()(block, leading_width)


class _CallableObject:
    def __call__(self, block: Any, leading_width: int) -> re.Pattern[str]:
        return _unpatched()(block, leading_width)


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(None, id="missing"),
        pytest.param("not callable", id="not-callable"),
        pytest.param(_changed_signature, id="more-parameters"),
        pytest.param(_keyword_only, id="keyword-only"),
        pytest.param(_defaulted, id="defaulted"),
        pytest.param(_returns_source, id="returns-str"),
        pytest.param(_unannotated, id="unannotated"),
        pytest.param(_CallableObject(), id="object"),
    ],
)
def test_a_changed_private_function_is_left_alone(changed: object) -> None:
    module = types.SimpleNamespace()
    if changed is not None:
        module._compile_list_break_sc = changed
    assert install_list_break_memo(module) is False
    assert getattr(module, "_compile_list_break_sc", None) is changed


def test_the_function_vplint_knows_is_memoized() -> None:
    module = types.SimpleNamespace(_compile_list_break_sc=_unpatched())
    assert install_list_break_memo(module) is True
    assert hasattr(module._compile_list_break_sc, "cache_info")


def test_without_the_memo_tokens_and_findings_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPLINT_TODAY", TODAY)
    patched_tokens, patched_findings = _tokens(), _findings()
    monkeypatch.setattr(list_parser, "_compile_list_break_sc", _unpatched())
    assert not hasattr(list_parser._compile_list_break_sc, "cache_info")
    assert _tokens() == patched_tokens
    assert _findings() == patched_findings


_CHANGED_MISTUNE = """
import json, sys
from mistune import list_parser
from mistune.block_parser import BlockParser

original = list_parser._compile_list_break_sc
def changed(block, leading_width, *more):  # a later mistune: another signature
    return original(block, leading_width)
list_parser._compile_list_break_sc = changed

import vplint
from vplint.parser import markdown

assert list_parser._compile_list_break_sc is changed, "vplint patched a function it does not know"
paths = sys.argv[1:]
print(json.dumps({p: [repr(d) for d in vplint.lint_text(open(p, "rb").read(), p).diagnostics] for p in paths}))
"""


def test_a_mistune_with_another_signature_gives_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """vplint imported under a mistune whose private function changed: not patched, same findings."""
    monkeypatch.setenv("VPLINT_TODAY", TODAY)
    paths = [str(p.relative_to(ROOT)) for p in SAMPLES]
    proc = subprocess.run(
        [sys.executable, "-c", _CHANGED_MISTUNE, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == _findings()


def test_parse_document_takes_the_simple_list_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = markdown._simple_list

    def counting(m: re.Match[str], state: Any, item_start: re.Pattern[str]) -> int | None:
        end = original(m, state, item_start)
        calls.append(-1 if end is None else end)
        return end

    monkeypatch.setattr(markdown, "_simple_list", counting)
    doc = parse_document("---\nid: x\n---\n## H\n- a: 1\n- b: 2\n")
    assert [b.line for b in doc.blocks] == [4, 5, 6]
    assert len(calls) == 1
    assert calls[0] > 0
    calls.clear()
    BodyParser(simple_lists=False).blocks("- a: 1\n- b: 2\n")
    assert calls == []
