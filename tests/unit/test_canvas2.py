"""Canvas 2: the fields that carry the argument round-trip through the model, ``export`` and the schemas.

The samples in ``canvases/`` are written in the Canvas 2 format; a canvas written before it (a buying
role under ``function``, no ``For``, no ``(M1)``) is read as it always was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT
from vplint import parse
from vplint.cli.main import main
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.store.resources import resource_dir

EN = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
ZH = (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((resource_dir("schema") / name).read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("text", [EN, ZH], ids=["en", "zh"])
def test_every_new_field_is_in_the_model_and_valid_against_the_schema(text: str) -> None:
    data = parse(text)
    dm = data["decision_maker"]
    assert dm["buying_role"] in ("finance", "business-unit")
    assert dm["function"]
    assert dm["authority"]
    process = data["decision_process"]
    assert process["evaluators"][0]["title"]
    assert process["evaluators"][0]["evaluates"]
    assert process["decision_points"]
    assert {n["origin"] for n in data["needs"]} == {"stated", "uncovered"}
    assert all(n["objective"] for n in data["needs"])
    assert data["motivators"][0]["for"] == ["P2"]
    assert [a["for"] for a in data["actions"]] == [["M1"], ["M1"]]
    jsonschema.Draft202012Validator(_schema("canvas.schema.json")).validate(data)


def test_export_prints_the_new_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c.zh.md").write_text(ZH, encoding="utf-8")
    assert main(["export", str(tmp_path / "c.zh.md")]) == 0
    exported = json.loads(capsys.readouterr().out)
    model = exported[0] if isinstance(exported, list) else exported
    model = model.get("canvas", model)
    assert model["decision_process"]["evaluators"][0]["function"] == "信息安全"
    assert model["needs"][1]["origin"] == "stated"
    assert model["actions"][0] == {"lever": "inform", "text": "同步新规施行时间表与同行处罚案例", "for": ["M1"]}


@pytest.mark.parametrize("text", [EN, ZH], ids=["en", "zh"])
def test_the_editor_schema_accepts_the_front_matter(text: str) -> None:
    front_matter = yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)  # every scalar a string, as editors see it
    jsonschema.Draft7Validator(_schema("front-matter.schema.json")).validate(front_matter)
    legacy = {**front_matter, "decision_maker": {"title": "CFO", "function": "finance"}}
    jsonschema.Draft7Validator(_schema("front-matter.schema.json")).validate(legacy)


def test_a_buying_role_under_function_is_the_role_and_y004_moves_it(tmp_path: Path) -> None:
    old = EN.replace(
        "  function: Finance - budgets, margin and cash for the group\n  buying_role: finance\n",
        "  function: finance\n",
    )
    assert old != EN
    data = parse(old)
    assert data["decision_maker"]["buying_role"] == "finance"
    res = lint_text(old, "old.md", options=Options(extend_select=("Y004",)))
    (y004,) = [d for d in res.diagnostics if d.code == "Y004"]
    assert (y004.line, y004.column) == (6, 3)
    path = tmp_path / "old.md"
    path.write_text(old, encoding="utf-8")
    assert main(["check", "--isolated", "--no-cache", "--fix", "--extend-select", "Y004", str(path)]) == 0
    assert "  buying_role: finance\n" in path.read_text(encoding="utf-8")
    assert parse(path.read_text(encoding="utf-8"))["decision_maker"]["buying_role"] == "finance"


def test_actions_name_their_motivators_in_either_bracket() -> None:
    text = EN.replace("- Inform (M1):", "- Inform（M1, M2）:").replace("- Empathize (M1):", "- Empathize:")
    actions = parse(text)["actions"]
    assert actions[0]["for"] == ["M1", "M2"]
    assert "for" not in actions[1]
    codes = {d.code: (d.line, d.column) for d in lint_text(text, "x.md").diagnostics}
    assert codes == {"C005": (83, 14)}  # M2 does not exist; M1 still has an action (no A002)
