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

__all__ = [
    "has_quantity",
    "has_time",
    "names_comparison",
    "names_past_time",
    "problem_text",
    "time_spans",
    "without_time",
]

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


_EN_CHANGE = (
    r"(?:rose|risen|grew|grown|increased|decreased|fell|fallen|dropped|declined|slipped|slipping|worsened|"
    r"deteriorated|jumped|spiked|soared|surged|climbed|doubled|tripled|halved|went\s+(?:up|down))"
)
_ZH_COUNT = rf"(?:\d+(?:\.\d+)?|[{_ZH_NUM}]+)"
_COMPARISON = re.compile(
    "|".join(
        (
            # than, compared with, versus, year on year, down from, from 38 to 52 days
            r"\b(?:than|compared\s+(?:with|to)|relative\s+to|versus|vs|unlike|year[- ](?:on|over)[- ]year|yoy|qoq)\b",
            r"\b(?:down|up|fell|dropped|declined|slipped|rose|grew|increased|decreased|went|jumped)\s+from\b",
            r"\bfrom\s+[^\s,;]*\d[^,;.\n]{0,30}?\bto\s+[^\s,;]*\d",
            # a multiple: doubled, halved, half as much as, twice as many as, three times more
            r"\b(?:doubled|tripled|trebled|quadrupled|halved)\b",
            r"\b(?:half|twice|thrice|a\s+third|a\s+quarter|(?:\d+(?:\.\d+)?|two|three|four|five|ten)\s*(?:x|times))"
            r"\s+(?:as\s+\w+\s+as|more|less|fewer|higher|lower|longer|shorter|faster|slower|worse|better)\b",
            # a change by an amount: up 20%, fell by a third
            r"\b(?:up|down|rose|grew|increased|decreased|fell|dropped|declined|jumped|climbed)\s+(?:by\s+)?"
            r"(?:\d|a\s+(?:third|quarter|half)\b|half\b)",
            # a change after an event: "doubled after the migration", "after the merger, DSO rose"
            rf"\b{_EN_CHANGE}\b[^.;\n]{{0,60}}?\bafter\b",
            rf"\bafter\b[^.;\n]{{0,60}}?\b{_EN_CHANGE}\b",
            # 同比, 环比, 相比, 和同行对比
            r"同比|环比|相比|相较|对比|不如|不及",
            # 比去年多, 比汉堡少一半 (not 比例, 比率, 比如...)
            r"比(?!例|率|重|如|方|较|赛)[^，。,；;！？!?\n]{0,15}?"
            r"(?:多|少|高|低|慢|快|差|好|长|短|大|小|强|弱|严重|频繁|落后|领先|下降|上升|增加|减少)",
            # 从20小时增加到40小时, 从每月一次变成每周一次
            r"从[^，。,；;\n]{1,15}?(?:变成|变为|[降升跌涨增减加少]到|[降升跌涨增减]至)",
            # 换外包商前……换了之后: before and after an event (not 目前, 当前, 提前, 此前...)
            r"(?<![目当提此先以之从眼])前(?![十一二三两四五六七八九百\d端台景往进提线沿途])[^。；;！？!?\n]{1,30}?(?:之后|以后|[了过完]之?后)",
            # 以前不到20小时，现在超过40小时: a quantity below and one above, in either order
            r"(?:不到|不足|少于|低于)\s*[^。；;！？!?\n]{0,30}?(?:超过|多于|高于|逾)\s*\S",
            r"(?:超过|多于|高于)\s*[^。；;！？!?\n]{0,30}?(?:不到|不足|少于|低于)\s*\S",
            # 翻了一倍, 增加了两倍, 减半, 少了一半, 是汉堡的两倍, 只有汉堡的一半
            r"翻了?[一两几]?[倍番]|减半|[少降减]了?一半",
            rf"[增多涨升高]了?\s*{_ZH_COUNT}\s*倍",
            rf"(?:是|为|只有|仅有|仅为|相当于)[^，。,；;\n]{{1,15}}?的\s*(?:{_ZH_COUNT}\s*倍|一半|{_ZH_COUNT}\s*分之)",
            # 增长了10%, 下降了5个百分点, 多了30小时
            r"(?:增长|增加|上升|上涨|提高|升高|下降|降低|减少|下滑|回落|多了|少了|多出)了?\s*"
            r"(?:\d|[一两二三四五六七八九十几半]+\s*(?:倍|成|个百分点))",
            # 高于同行, 落后于行业平均
            r"(?:高于|低于|不及|落后于?|领先于?|超过)[^，。,；;\n]{0,10}?(?:同行|同类|同业|行业|平均|对手|其他)",
        )
    ),
    re.IGNORECASE,
)


def names_comparison(text: str) -> bool:
    """``text`` compares with something: another time (doubled after, 换外包商前……之后) or a peer (than, 比…多).

    A comparison says what the present is measured against: ``than``, ``compared with``, a
    multiple (``doubled``, ``half as much as``, 翻了一倍, 是…的两倍), a change by an amount
    (``up 20%``, 下降了5个百分点), a change after an event (``rose after the merger``), a
    before-and-after pair (换外包商前……换了之后), a quantity below and one above (不到20小时……超过40小时),
    同比, 环比, 相比, 比…多.  A bare level ("late deliveries are up", 超过40小时, 越来越慢) is not one.
    """
    return bool(_COMPARISON.search(text))


def problem_text(problem: dict[str, Any], field: str) -> str:
    """A problem's title, ``field`` and its diagnoses' details, one per line: where a rep writes it in prose."""
    parts = [problem.get("title"), problem.get(field)]
    diagnoses = problem.get("diagnoses")
    if isinstance(diagnoses, list):
        parts += [d.get("detail") for d in diagnoses if isinstance(d, dict)]
    return "\n".join(p for p in parts if isinstance(p, str))
