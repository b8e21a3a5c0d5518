"""Calendar dates written in evidence, in English or Chinese, as the canvas model stores them.

A rep writes when a change became known in the ``Evidence`` field, in whatever form comes to
hand: ``2026-11-10``, ``2026/11/10``, ``10 Nov 2026``, ``Nov 10, 2026``, ``November 2026``,
``2026年11月10日``, ``2026年11月``, ``11月10日``.  :func:`find_date_mentions` finds every such
date with where it was written; :func:`find_dates` gives them as ISO dates, which is what the
model stores (``evidence.dates``) and what C003 and M005 read.

Two kinds of date are not a single day, and each is read as one day, documented in
``docs/canvas-format.md`` ("Dates"):

- **a month with no day** (``November 2026``, ``2026年11月``): the day of that month closest
  to the canvas's ``updated`` date, that is its last day for a month before ``updated`` and
  ``updated`` itself for the month the canvas was updated in (evidence cannot be newer than
  the canvas).  Without a valid ``updated``, the last day of the month.  So the evidence's
  age is never overstated, and a month that has begun is never "in the future".
- **a day with no year** (``11月10日``, ``10 Nov``, ``Nov 10``): the most recent such day on
  or before the canvas's ``updated`` date, since evidence is what was known when the canvas
  was written.  Without a valid ``updated`` it is not a date (C003 then asks for the year).

Not dates: a year-month in digits (``2026-10``), a day-first or month-first date in digits
(``12/10/2026``, ambiguous between countries), quarters (``Q3 2026``), and days that do not
exist (``2026-02-30``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateMention", "find_date_mentions", "find_dates", "reference_date"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written: where (``start``, ``end`` in the text), and its year, month and day.

    ``year`` is None for a day with no year (``11月10日``), ``day`` None for a month with no
    day (``November 2026``).
    """

    start: int
    end: int
    year: int | None
    month: int
    day: int | None

    def resolve(self, reference: dt.date | None = None) -> dt.date | None:
        """The day this mention stands for (see the module's docstring), or None when it is no real date.

        ``reference`` is the canvas's ``updated`` date.
        """
        if not 1 <= self.month <= 12:
            return None
        if self.year is None:
            return _most_recent(self.month, self.day or 0, reference)
        if self.day is not None:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        try:
            first = dt.date(self.year, self.month, 1)
        except ValueError:
            return None
        last = first.replace(day=calendar.monthrange(self.year, self.month)[1])
        if reference is None:
            return last
        return min(max(reference, first), last)


def _most_recent(month: int, day: int, reference: dt.date | None) -> dt.date | None:
    """The latest ``month``/``day`` on or before ``reference`` (within eight years, for 29 February)."""
    if reference is None:
        return None
    for year in range(reference.year, reference.year - 9, -1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if found <= reference:
            return found
    return None


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
"""An English month name or its abbreviation; ``May`` only capitalised, so "may" the verb is no month."""
_ORD = r"(?:st|nd|rd|th)?"
_Y = r"(?P<y>(?:19|20)\d{2})(?![\d])"
_D = r"(?P<d>\d{1,2})"

_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # 2026-11-10, 2026/11/10, 2026.11.10 (one-digit month and day too)
        r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)",
        # 2026年11月10日, 2026年11月10号
        r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]",
        # 2026年11月, 2026年11月份 (not 2026年11月10, which is neither)
        r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:份)?(?!\d)",
        # 11月10日, 11月10号: no year
        r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]",
        # 10 Nov 2026, 14 November 2026, 10th of November, 2026
        rf"\b{_D}{_ORD}(?:\s+of)?\s+{_MONTH},?\s+{_Y}",
        # Nov 10, 2026, November 10th 2026
        rf"\b{_MONTH}\s*{_D}{_ORD},?\s+{_Y}",
        # November 2026, Nov 2026, Nov. 2026
        rf"\b{_MONTH},?\s+{_Y}",
        # 10 Nov, 10th of November: no year
        rf"\b{_D}{_ORD}(?:\s+of)?\s+{_MONTH}",
        # Nov 10, November 10th: no year
        rf"\b{_MONTH}\s*{_D}{_ORD}\b(?!\s*[-/.:]?\d)",
    )
)


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date written in ``text`` in a form that counts, in order; where forms overlap the longest wins.

    Mentions are found whatever their day: ``2026-02-30`` is a mention whose :meth:`DateMention.resolve`
    is None (so it is no date, but it is not a source either).
    """
    found: list[tuple[int, int, DateMention]] = []
    for rx in _PATTERNS:
        for m in rx.finditer(text):
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"][:3].lower()]
            year = int(groups["y"]) if groups.get("y") else None
            day = int(groups["d"]) if groups.get("d") else None
            found.append((m.start(), m.end(), DateMention(m.start(), m.end(), year, month, day)))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[DateMention] = []
    for start, _, mention in found:
        if out and start < out[-1].end:
            continue
        out.append(mention)
    return out


def find_dates(text: str, reference: dt.date | None = None) -> list[str]:
    """The dates written in ``text`` as ISO ``YYYY-MM-DD``, in order (see the module's docstring for the forms).

    ``reference`` is the canvas's ``updated`` date: it gives a day with no year its year and
    places a month with no day; without it a day with no year is left out.
    """
    out = []
    for mention in find_date_mentions(text):
        day = mention.resolve(reference)
        if day is not None:
            out.append(day.isoformat())
    return out


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def reference_date(updated: object) -> dt.date | None:
    """The front-matter ``updated`` as a date when it is exactly ``YYYY-MM-DD`` and a real day, else None."""
    if not isinstance(updated, str) or not _ISO_DAY.fullmatch(updated.strip()):
        return None
    try:
        return dt.date.fromisoformat(updated.strip())
    except ValueError:
        return None
