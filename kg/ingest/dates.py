"""Dates as inputs write them: ISO dates and times, and listing-page "Oct 3, 2023" / "May 26"."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["MONTH_DAY", "parse_date", "parse_month_day"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
# "Oct 3, 2023", "May 26", "September 25, 2025": a month name, a day, maybe ", year".
MONTH_DAY = r"(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?"
_MONTH_DAY = re.compile(MONTH_DAY)


def parse_month_day(month: str, day: str, year: str | None) -> tuple[dt.date | None, str | None]:
    """``(date, None)`` for a complete date, ``(None, "May 26")`` when the year is missing.

    Raises ValueError when the month or day does not exist.

    >>> parse_month_day("Oct", "3", "2023")
    (datetime.date(2023, 10, 3), None)
    >>> parse_month_day("May", "26", None)
    (None, 'May 26')
    """
    number = _MONTHS.get(month.lower())
    if number is None:
        raise ValueError(f"unknown month {month!r}")
    if year is None:
        dt.date(2000, number, int(day))  # a leap year, so "Feb 29" passes; raises on "Feb 30"
        return None, f"{month} {int(day)}"
    return dt.date(int(year), number, int(day)), None


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """Parse a record's date: ``(date, None)``, or ``(None, text)`` when it has no year.

    Accepts date objects, ISO dates and date-times, and "Oct 3, 2023" / "May 26".
    Raises ValueError for anything else: we do not guess.

    >>> parse_date("2024-12-18")
    (datetime.date(2024, 12, 18), None)
    >>> parse_date("2024-12-18T09:30:00Z")
    (datetime.date(2024, 12, 18), None)
    >>> parse_date("Sep 25")
    (None, 'Sep 25')
    """
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date(), None
    except ValueError:
        pass
    match = _MONTH_DAY.fullmatch(text)
    if match is None:
        raise ValueError(f"not a date: {value!r}")
    return parse_month_day(match["month"], match["day"], match["year"])
