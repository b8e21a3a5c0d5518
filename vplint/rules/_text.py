"""Time and quantity expressions in free text, for the rules that read what a rep wrote.

Reps write targets, deadlines and the past in prose, in English or Chinese
("operating margin 14% by FY2028", "2027年底前营收达到50亿", "slowed since the 2024
reorganisation").  These helpers recognise the common forms; they are heuristics for
lint findings, not a date parser.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = ["has_quantity", "has_time", "names_past_time", "problem_text", "time_spans", "without_time"]

_ZH_NUM = "零〇一二两三四五六七八九十百千万几数半"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|several|few)"
_UNIT = r"(?:years?|months?|quarters?|weeks?|days?)"
_YEAR = r"(?<![\d.])(?:19|20)\d{2}(?![\d%％]|\.\d)"

_TIME = re.compile(
    "|".join(
        (
            # calendar dates and years: 2027-01-01, 2027/6, 2027年6月底, 2028
            r"(?<!\d)\d{4}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,2})?(?![\d%％])",
            _YEAR + r"(?:\s*年(?:\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号])?)?(?:度|底|末|初|中|前|内)?)?",
            # fiscal years, quarters and halves: FY2028, FY28, Q3, 3Q, H1
            r"\bFY\s*'?\d{2}(?:\d{2})?\b",
            r"\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\b",
            # English phrases
            r"\b(?:by|before|until|till|through)\s+(?:the\s+)?(?:end|close|middle|start|beginning)\s+of\s+"
            r"(?:the\s+)?(?:next\s+|this\s+)?\w+",
            r"\b(?:end|close)\s+of\s+(?:the\s+)?(?:next\s+|this\s+|fiscal\s+)?(?:year|quarter|month|fy)\b",
            r"\byear[- ]end\b",
            r"\b(?:this|next|coming|following)\s+(?:fiscal\s+|financial\s+|calendar\s+)?"
            r"(?:year|quarter|month|half|fy|season)\b",
            rf"\b(?:within|in|inside|over)\s+(?:the\s+)?(?:next\s+)?{_COUNT}\s+{_UNIT}\b",
            rf"\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{{2}}\b",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}",
            rf"\b(?:by|before|until|till|in|end\s+of)\s+(?:the\s+)?{_MONTH}",
            r"\b(?:by|before|until|in)\s+(?:the\s+)?(?:next\s+|this\s+)?(?:spring|summer|autumn|fall|winter)\b",
            # Chinese phrases: 明年底, 下半年, 年内, 第三季度, 6月底, 三年内
            r"[今明后去前本当]年度?(?:底|末|初|内|中)?",
            r"[上下]半年",
            r"年(?:底|末|内|初|中)",
            r"(?:第?[一二三四1-4]|本|这个?|下一?个?|上一?个?)?(?:季度(?:末|底|内)?|季末)",
            r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?(?:\s*\d{1,2}\s*[日号])?(?:底|末|初|中旬|上旬|下旬|前|内)?",
            r"月(?:底|末|内)",
            rf"(?:\d+|[{_ZH_NUM}]+)\s*个?\s*(?:年|月|季度|星期|周|天)(?:之内|以内|内)",
            r"财年",
        )
    ),
    re.IGNORECASE,
)

_QUANTITY = re.compile(
    "|".join(
        (
            r"\d",
            r"[%％‰]",
            r"百分之",
            rf"[{_ZH_NUM}]+\s*(?:倍|成|个百分点|万|亿)",
            r"倍|亿|翻(?:一|两|几)?番|减半",
            r"\b(?:double[sd]?|triple[sd]?|halve[sd]?|twice|thrice|(?:two|three|four|five|ten|hundred)-?fold)\b",
            r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\s+"
            r"(?:percent|per\s+cent|percentage\s+points?|points?|times|thousand|million|billion)\b",
        )
    ),
    re.IGNORECASE,
)


def time_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a point or period in time, as (start, end) spans; touching ones are merged."""
    spans: list[tuple[int, int]] = []
    for m in _TIME.finditer(text):
        if m.end() == m.start():
            continue
        if spans and not text[spans[-1][1] : m.start()].strip():
            spans[-1] = (spans[-1][0], max(spans[-1][1], m.end()))
        else:
            spans.append((m.start(), m.end()))
    return spans


def has_time(text: str) -> bool:
    """``text`` names a date, year, fiscal year, quarter or a phrase like "by end of" or 年底."""
    return bool(time_spans(text))


def without_time(text: str) -> str:
    """``text`` with its time expressions blanked out (so the 2028 in "by 2028" is not a quantity)."""
    out = text
    for start, end in reversed(time_spans(text)):
        out = out[:start] + " " + out[end:]
    return out


def has_quantity(text: str) -> bool:
    """``text`` holds a quantity: a number, a percentage, a multiple (倍, double) or 万/亿."""
    return bool(_QUANTITY.search(text))


_PAST_YEAR = re.compile(_YEAR)
_FY_SHORT = re.compile(r"\bFY\s*'?(\d{2})\b", re.IGNORECASE)
_QUARTER_EN = re.compile(
    r"(?<!\d{4} )(?<!\d{4}-)(?<!\d{4})\b(?:Q[1-4]|[1-4]Q|H[12])\b(?!\s*-?\s*(?:FY\s*)?'?(?:19|20)?\d{2}\b)",
    re.IGNORECASE,
)
_QUARTER_ZH = re.compile(r"(?<![年\d第])(?:上一?个?|第?[一二三四1-4])季度")


def names_past_time(text: str, today: dt.date) -> bool:
    """``text`` names a time up to today: a year or date not after this year, or a quarter with no later year."""
    if any(int(m.group(0)) <= today.year for m in _PAST_YEAR.finditer(text)):
        return True
    if any(2000 + int(m.group(1)) <= today.year for m in _FY_SHORT.finditer(text)):
        return True
    return bool(_QUARTER_EN.search(text) or _QUARTER_ZH.search(text))


def problem_text(problem: dict[str, Any], field: str) -> str:
    """A problem's title, ``field`` and its diagnoses' details, one per line: where a rep writes it in prose."""
    parts = [problem.get("title"), problem.get(field)]
    diagnoses = problem.get("diagnoses")
    if isinstance(diagnoses, list):
        parts += [d.get("detail") for d in diagnoses if isinstance(d, dict)]
    return "\n".join(p for p in parts if isinstance(p, str))
