"""The question bank: data files of questions by scope and id, merged, checked, filled without evaluation.

What the engine asks of a canvas is tested in tests/unit/test_question_engine.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vplint.briefs.questions import (
    SCOPES,
    TOPICS,
    QuestionBankError,
    fill,
    load_bank,
    method_label,
    problem_questions,
    quote,
)
from vplint.i18n import get
from vplint.model import vocabulary as voc
from vplint.store.resources import resource_dir

SHIPPED = resource_dir("templates")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_problem_type_and_method_has_questions(lang: str) -> None:
    """Each type has an ask for its root cause and for its own trace; each diagnosis method an ask while it is
    not used and a confirmation of what it found ({detail}) once it is."""
    bank = load_bank(lang, [SHIPPED])
    questions = bank.of("problem")
    for ptype in voc.PROBLEM_TYPE.slugs:
        mine = [q for q in questions if not q.problem_types or ptype in q.problem_types]
        assert any("root_cause" in q.answers for q in mine), ptype
        for method in voc.DIAGNOSIS_METHOD.children_of(ptype):
            spec = f"diagnosis:{method.slug}"
            asks = [q for q in mine if spec in q.answers and q.method == method.slug]
            confirms = [q for q in mine if spec in q.when and q.method == "confirm"]
            assert asks, f"{lang} {ptype}.{method.slug}"
            assert confirms, f"{lang} {ptype}.{method.slug}"
            assert all("{detail}" in q.text for q in confirms)
            assert not any("{detail}" in q.text for q in asks)
    for scope in SCOPES:
        assert bank.of(scope), scope


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_tag_has_a_label_in_both_languages(lang: str) -> None:
    for topic in TOPICS:
        assert get(f"ui.ask.{topic}", lang), topic
    bank = load_bank(lang, [SHIPPED])
    for q in bank.questions.values():
        assert q.method is not None, q.id  # every shipped question is tagged
        if q.method in voc.DIAGNOSIS_METHOD.slugs:
            assert method_label(q.method, lang) == voc.DIAGNOSIS_METHOD[q.method].label(lang)
        else:
            assert method_label(q.method, lang) == get(f"ui.ask.{q.method}", lang)


def test_fill_is_plain_substitution() -> None:
    values = {"title": "{detail} {{ 7*7 }} {title}", "detail": "D"}
    assert fill("About {title} and {{braces}}", values) == "About {detail} {{ 7*7 }} {title} and {braces}"
    assert fill("Needs {target}", values) is None  # a question whose placeholder has no value is left out
    assert fill("Needs {target}", {"target": "   "}) is None


def test_free_text_is_quoted_once_and_never_nested() -> None:
    assert fill("Confirm: it is {baseline}.", {"baseline": "DSO 38 days in 2023."}, ["baseline"]) == (
        "Confirm: it is “DSO 38 days in 2023”."  # its closing full stop is the sentence's
    )
    assert fill("About “{title}”?", {"title": "T"}, ["title"]) == "About “T”?"  # already quoted by the question
    assert fill("确认：{title}。", {"title": "“数据安全”治理"}, ["title"]) == "确认：“数据安全”治理。"
    assert fill("{id}: {title}", {"id": "P1", "title": "T"}, ["title"]) == "P1: “T”"  # names are not quoted
    assert quote("  《数据安全法》施行。 ") == "“《数据安全法》施行”"  # a book title inside quotes is not a quote


def _team(tmp_path: Path, text: str, lang: str = "en") -> Path:
    (tmp_path / "questions").mkdir(exist_ok=True)
    (tmp_path / "questions" / f"{lang}.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_team_file_overrides_adds_and_drops_by_id(tmp_path: Path) -> None:
    team = _team(
        tmp_path,
        "[problem.better-past]\npriority = 5\n"  # only the priority: the rest stays the shipped question's
        '[problem.our-own]\ntypes = ["问题解决型"]\nanswers = ["基线"]\nwhen = ["诊断：前后对比"]\n'
        'method = "baseline"\npriority = 99\n'
        'text = "Which month would you call normal?"\n'
        "[problem.peer-comparison]\nenabled = false\n"
        "[conversion]\nreplace = true\n"
        '[conversion.ours]\ntext = "What is the deadline for the budget?"\n',
    )
    shipped = load_bank("en", [SHIPPED])
    bank = load_bank("en", [SHIPPED, team])
    better = bank.questions[("problem", "better-past")]
    assert better.priority == 5
    assert better.text == shipped.questions[("problem", "better-past")].text
    assert better.answers == ("baseline",)
    ours = bank.questions[("problem", "our-own")]
    assert (ours.types, ours.answers, ours.priority) == (("problem-solving",), ("baseline",), 99)
    assert ours.when == ("diagnosis:before-after",)  # fields and values as a canvas spells them
    assert "peer-comparison" not in [q.id for q in bank.of("problem")]
    assert [q.id for q in bank.of("conversion")] == ["ours"]
    assert bank.sources == (str(SHIPPED / "questions" / "en.toml"), str(team / "questions" / "en.toml"))


def test_the_format_before_the_engine_is_still_read(tmp_path: Path) -> None:
    """``[<type>] questions``, ``[<type>.<method>] explore/confirm`` and ``replace``: as before, and with plain
    substitution (a team's own quotes are kept, nothing is quoted for it)."""
    team = _team(
        tmp_path,
        '["问题解决型"]\nquestions = ["Ours first: {title}?"]\n'
        '["问题解决型"."前后对比"]\nreplace = true\nexplore = ["Ours: {title}?"]\nconfirm = ["Found: {detail}."]\n'
        "[risk-prevention]\nreplace = true\n"
        '[risk-prevention.symptom-check]\nexplore = ["Only this."]\n',
    )
    bank = load_bank("en", [SHIPPED, team])
    ids = [q.id for q in bank.of("problem")]
    assert "before-after" not in ids  # replaced
    assert "confirm-before-after" not in ids
    assert "decomposition" in ids  # the other methods stay
    risk = [q for q in bank.of("problem") if "risk-prevention" in q.problem_types]
    assert [q.text for q in risk] == ["Only this."]
    assert "confirm-root-cause" in ids  # a question of every type is not the risk type's own
    problem = {"id": "P1", "title": "Slow", "type": "problem-solving"}
    texts = [q["text"] for q in problem_questions(problem, bank, "en")]
    assert "Ours first: Slow?" in texts
    assert "Ours: Slow?" in texts
    used = dict(problem, diagnoses=[{"method": "before-after", "detail": "the merger"}])
    found = {q["text"]: q for q in problem_questions(used, bank, "en")}
    assert found["Found: the merger."]["used"] is True
    assert found["Found: the merger."]["tag"] == "before-after"
    assert "Ours: Slow?" not in found


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[problem-solvin]\nquestions = ["x"]\n',
            r"\[problem-solvin\]: not a question scope .* nor a problem type \(did you mean 'problem-solving'\?\)",
        ),
        ('[problme.x]\ntext = "x"\n', r"\[problme\]: not a question scope .*\(did you mean 'problem'\?\)"),
        ('[ideal-pursuit.before-after]\nexplore = ["x"]\n', r"not a diagnosis method of ideal-pursuit"),
        (
            '[ideal-pursuit.goal]\nexplore = ["{titel}"]\n',
            r"\[ideal-pursuit\.goal\]\.explore\[0\]: unknown placeholder \{titel\}",
        ),
        ('[ideal-pursuit.goal]\nexplore = ["a { b"]\n', r"a lone '\{'"),
        ('[ideal-pursuit.goal]\nexplore = "x"\n', r"must be a list of questions"),
        ('[ideal-pursuit.goal]\nask = ["x"]\n', r"unknown key 'ask'"),
        ('[problem.x]\nanswers = ["baseline"]\n', r"\[problem\.x\]: a new question needs a text"),
        ('[problem.x]\ntext = "x"\nanswers = ["basline"]\n', r"\[problem\.x\]\.answers\[0\]: 'basline' is not a field"),
        ('[problem.x]\ntext = "x"\nwhen = ["diagnosis:befor"]\n', r"'befor' is not a diagnosis method"),
        ('[problem.x]\ntext = "x"\nanswers = ["baseline:x"]\n', r"'baseline' takes no value"),
        ('[need.x]\ntext = "x"\nanswers = ["baseline"]\n', r"'baseline' is not a field of a need question"),
        ('[need.x]\ntext = "{baseline}"\n', r"\[need\.x\]\.text: unknown placeholder \{baseline\}"),
        ('[need.x]\ntext = "x"\nmethod = "before-after"\n', r"\[need\.x\]\.method: 'before-after' is not one of"),
        ('[need.x]\ntext = "x"\ntypes = ["ideal"]\n', r"only problem questions have types"),
        ('[problem.x]\ntext = "x"\npriority = "high"\n', r"\[problem\.x\]\.priority: must be a whole number"),
        ('[problem.x]\ntext = "x"\ncolour = 1\n', r"\[problem\.x\]: unknown key 'colour'"),
        ('[problem.x]\ntext = "{detail}"\n', r"\[problem\.x\]\.text: \{detail\} is the finding of a diagnosis"),
        (
            '[problem.x]\ntext = "x"\ntypes = ["ideal-pursuit"]\nanswers = ["diagnosis:before-after"]\n',
            r"before-after is not a diagnosis method of ideal-pursuit",
        ),
        ('[problem."a b"]\ntext = "x"\n', r"a question id is letters, digits"),
        ("[ideal-pursuit\n", r"not valid TOML"),
    ],
)
def test_broken_files_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(QuestionBankError, match=message) as info:
        load_bank("en", [SHIPPED, _team(tmp_path, text)])
    assert "en.toml" in str(info.value)


def test_ids_are_the_same_in_both_shipped_files() -> None:
    en, zh = load_bank("en", [SHIPPED]), load_bank("zh", [SHIPPED])
    assert list(en.questions) == list(zh.questions)
    assert all(re.fullmatch(r"[a-z0-9-]+", qid) for _, qid in en.questions)
