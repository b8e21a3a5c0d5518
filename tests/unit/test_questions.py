"""The question bank: data files keyed by problem type and method, merged, filled without evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from vplint.briefs.questions import QuestionBankError, fill, load_bank
from vplint.model import vocabulary as voc
from vplint.store.resources import resource_dir

SHIPPED = resource_dir("templates")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_shipped_banks_cover_every_type_and_method(lang: str) -> None:
    bank = load_bank(lang, [SHIPPED])
    for ptype in voc.PROBLEM_TYPE.slugs:
        tq = bank.for_type(ptype)
        assert tq.questions
        for method in voc.DIAGNOSIS_METHOD.children_of(ptype):
            mq = tq.methods[method.slug]
            assert mq.explore, f"{lang} {ptype}.{method.slug}"
            assert mq.confirm, f"{lang} {ptype}.{method.slug}"
            assert all("{detail}" in q for q in mq.confirm)
            assert not any("{detail}" in q for q in mq.explore)


def test_before_after_asks_what_changed_just_before() -> None:
    bank = load_bank("en", [SHIPPED])
    [question] = bank.for_type("problem-solving").methods["before-after"].explore
    assert fill(question, {"title": "Quote-to-cash slowed"}) == (
        "What changed just before “Quote-to-cash slowed” began: people, systems, processes or rules?"
    )


def test_fill_is_plain_substitution() -> None:
    values = {"title": "{detail} {{ 7*7 }} {title}", "detail": "D"}
    assert fill("About {title} and {{braces}}", values) == "About {detail} {{ 7*7 }} {title} and {braces}"
    assert fill("Needs {target}", values) is None  # a question whose placeholder has no value is left out
    assert fill("Needs {target}", {"target": "   "}) is None


def _team(tmp_path: Path, text: str) -> Path:
    (tmp_path / "questions").mkdir(exist_ok=True)
    (tmp_path / "questions" / "en.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_team_file_extends_or_replaces(tmp_path: Path) -> None:
    team = _team(
        tmp_path,
        '["问题解决型"]\nquestions = ["Ours first?"]\n'
        '["问题解决型"."前后对比"]\nexplore = ["Ours: {title}?"]\n'
        "[risk-prevention]\nreplace = true\n"
        '[risk-prevention.symptom-check]\nexplore = ["Only this."]\n',
    )
    bank = load_bank("en", [SHIPPED, team])
    ps = bank.for_type("problem-solving")
    assert ps.questions[-1] == "Ours first?"
    assert len(ps.questions) == 2
    assert ps.methods["before-after"].explore[-1] == "Ours: {title}?"
    rp = bank.for_type("risk-prevention")
    assert rp.questions == []
    assert list(rp.methods) == ["symptom-check"]
    assert rp.methods["symptom-check"].explore == ["Only this."]
    assert bank.sources == (str(SHIPPED / "questions" / "en.toml"), str(team / "questions" / "en.toml"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[problem-solvin]\nquestions = ["x"]\n',
            r"\[problem-solvin\]: not a problem type \(did you mean 'problem-solving'\?\)",
        ),
        ('[ideal-pursuit.before-after]\nexplore = ["x"]\n', r"not a diagnosis method of ideal-pursuit"),
        (
            '[ideal-pursuit.goal]\nexplore = ["{titel}"]\n',
            r"\[ideal-pursuit\.goal\]\.explore\[0\]: unknown placeholder \{titel\}",
        ),
        ('[ideal-pursuit.goal]\nexplore = ["a { b"]\n', r"a lone '\{'"),
        ('[ideal-pursuit.goal]\nexplore = "x"\n', r"must be a list of questions"),
        ('[ideal-pursuit.goal]\nask = ["x"]\n', r"unknown key 'ask'"),
        ("[ideal-pursuit\n", r"not valid TOML"),
    ],
)
def test_broken_files_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(QuestionBankError, match=message) as info:
        load_bank("en", [SHIPPED, _team(tmp_path, text)])
    assert "en.toml" in str(info.value)
