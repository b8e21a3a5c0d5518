"""The rules reference is generated from the rule modules and never drifts; 'rules' and 'explain' work."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tools.ruledocs import DOCS
from vplint.lint.codes import BUILTIN_CODES
from vplint.rules import RULES
from vplint.rules.docs import explain_text, render


@pytest.mark.parametrize(("lang", "name"), sorted(DOCS.items()))
def test_rules_docs_are_generated(lang: str, name: str) -> None:
    on_disk = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert on_disk == render(lang), "run: python -m vplint.rules.docs"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_code_is_documented(lang: str) -> None:
    text = render(lang)
    for code in [*RULES, *BUILTIN_CODES]:
        assert code in text


def _vplint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vplint", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=60
    )


def test_rules_lists_every_rule_with_severity_and_fixability() -> None:
    proc = _vplint("rules", "--json")
    assert proc.returncode == 0
    rows = json.loads(proc.stdout)
    by_code = {r["code"]: r for r in rows}
    assert set(by_code) == set(RULES) | set(BUILTIN_CODES)
    assert by_code["Y001"]["fixable"] is True
    assert by_code["Y001"]["severity"] == "off"
    assert by_code["C001"]["severity"] == "error"
    table = _vplint("rules", "--lang", "zh")
    assert "C001" in table.stdout
    assert "[*]" in table.stdout


@pytest.mark.parametrize("code", ["M005", "evidence-age", "S002"])
def test_explain(code: str) -> None:
    en, zh = _vplint("explain", code), _vplint("explain", code, "--lang", "zh")
    assert en.returncode == zh.returncode == 0
    assert en.stdout != zh.stdout
    assert "vplint explain" not in en.stderr


def test_explain_shows_both_examples() -> None:
    text = explain_text(RULES["C001"], "en")
    assert RULES["C001"].bad in text
    assert RULES["C001"].good in text
    assert _vplint("explain", "NOPE").returncode == 2
