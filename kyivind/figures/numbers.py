"""Stage two of the reader: every number of a sentence with its role, decided before any figure rule runs.

A number is a ``count`` (of people, of weapons, of anything) only when it is none of the other roles: an
``age`` ("a 21-year-old", "aged 58", "a woman, 58,"), a ``date`` ("Dec. 27", "27 December"), a ``year``
("2014"), a ``time`` ("at 02:15", "7:20 p.m."), a ``model`` designator ("Shahed-136", "S-300", "Tu-95", "155mm",
kyivind/figures/weapons.py), a ``percent``, ``money``, a ``measure`` (distances, weights, storeys: "nine-story"),
a ``duration`` ("48 hours"), an ``ordinal``. ``mask`` gives the sentence with every number that is no count
written over by ``#`` (its length kept, so offsets hold): the figure rules then cannot read one as a toll.

Pure functions; each pattern is linear (no nested quantifiers over the same characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kyivind.figures.text import MONTH
from kyivind.figures.weapons import designators

COUNT, AGE, DATE, YEAR, TIME, MODEL, PERCENT, MONEY, MEASURE, DURATION, ORDINAL = (
    "count", "age", "date", "year", "time", "model", "percent", "money", "measure", "duration", "ordinal")

MAX_FIGURE = 10_000_000  # the largest count a figure may be (no toll or air attack states more): past it a number is
# written over like a number of no count, and counted (``implausible``): SQLite holds no integer of 20 digits
IMPLAUSIBLE = "implausible"
_DIGITS = len(str(MAX_FIGURE))
# each pattern that reads a number starts with its first digit, the look-behind that it stands apart after it: the
# regular expression engine skips to a digit, where a pattern that starts with a look-behind is tried at every place
NUMBER = re.compile(r"\d(?<![\w.,:]\d)(?:\d{0,2}(?:,\d{3})+(?![\d,]\d)|\d*(?:\.\d+)?(?!\w))")


def _n(group: str = "n", apart: str = r"[\d,]") -> str:
    """The pattern of a number (group ``group``) that is no part of a longer one: not after a digit or a comma (or
    what ``apart`` says). It starts with its first digit, the look-behind after it."""
    return rf"(?P<{group}>\d(?<!{apart}\d)\d*(?:,\d{{3}})*)"


_N = _n()
# roles told by what stands around a number: (role, the substrings in lower case without one of which the pattern
# cannot match (it is searched only where one is), pattern); the number is the group "n"
_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_AROUND = [
    (AGE, ("old", "aged", "age ", ", "),
     re.compile(_N + r"(?:-|\s)(?:year|month|week)s?(?:-|\s)olds?\b|\baged?\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
                     r"over\s+|under\s+|some\s+|approximately\s+|between\s+|from\s+)?" + _N.replace("n>", "n2>") +
                     r"|\b(?:man|woman|boy|girl|men|women|resident|child|teenager|pensioner|driver)s?,\s+" +
                     _N.replace("n>", "n3>") + r"(?:\s+and\s+\d+)?,", re.I)),
    (AGE, ("aged",),
     re.compile(r"\baged\s+(?:between\s+|from\s+)?\d+\s+(?:and|to)\s+" + _N + r"(?!\s+(?:other\s+|more\s+)?(?:men|women|people|children|boys|girls|"
                r"civilians|residents|others)\b)", re.I)),  # not "a man aged 37 and two women": a count
    (DATE, _MONTH_HINTS,
     re.compile(MONTH + r"\s+" + _N + r"(?:\s*[-–]\s*(?P<n2>\d{1,2}))?\b(?!\s*(?:people|drones|missiles))",
                      )),
    # "between June 20 and 21": the second day of a span
    (DATE, ("between", "from"),
     re.compile(r"\b(?:between|from)\s+" + MONTH.replace("?P<month>", "?:") + r"\s+\d{1,2}\s+(?:and|to|until|through)\s+" + _N)),
    (DATE, _MONTH_HINTS,
     re.compile(_n(apart=r"[\w,]") + r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH.replace("?P<month>", "?:"))),
    (TIME, (":", "a.m", "p.m", "am", "pm", "o'clock"),
     re.compile(_n(apart=r"[\d:,]") + r":\d\d\b|" + _n("n2", r"[\w,]") +
                      r"(?:\.\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)", re.I)),
    (PERCENT, ("%", "percent", "per cent"),
     re.compile(_N + r"\s*(?:%|percent\b|per cent\b|percentage points?\b)", re.I)),
    (MONEY, ("$", "€", "£", "₴", "uah", "usd", "eur", "hryvn", "dollar", "euro", "ruble", "rouble", "pound"),
     re.compile(r"(?:[$€£₴]|\bUAH\s?|\bUSD\s?|\bEUR\s?)" + _N + r"|" + _N.replace("n>", "n2>") +
                       r"(?:\s+(?:million|billion|thousand|trillion))?\s+(?:hryvnias?|dollars|euros|rubles|roubles|"
                       r"UAH|pounds)\b", re.I)),
    (MEASURE, ("stor", "floor", "met", "kilomet", "km", "mile", "ton", "kg", "kilogram", "hectare", "square", "mw",
              "watt", "degree"),
     re.compile(_N + r"(?:-|\s)(?:story|storey|floor|floored|meter|metre|kilometer|kilometre|km|mile|ton|"
                         r"tonne|kilogram|kg|hectare|square)s?\b|" + _N.replace("n>", "n2>") +
                         r"\s+(?:km|kilometers?|kilometres?|miles?|meters?|metres?|tons?|tonnes?|kilograms?|kg|"
                         r"hectares?|square|floors?|storeys?|stories|megawatts?|MW|gigawatts?|degrees?)\b", re.I)),
    (DURATION, ("hour", "day", "week", "month", "year", "minute", "second", "night", "times"),
     re.compile(_N + r"(?:-|\s)(?:hours?|days?|weeks?|months?|years?|minutes?|seconds?|nights?)\b(?!\s+old)|"
                          + _N.replace("n>", "n2>") + r"\s+times\b", re.I)),
    (ORDINAL, ("st", "nd", "rd", "th"),
     re.compile(_n(apart=r"[\w,]") + r"(?:st|nd|rd|th)\b", re.I)),
    (YEAR, ("19", "20"),
     re.compile(_N + r"(?=s?\b)(?<=\b(?:19|20)\d\d)", re.I)),
]
# how each role pattern is searched (indexed as ``_AROUND``), past its hints: AT_NUMBERS, a pattern whose every match
# starts with a number, is tried only where a run of digits starts (the same matches as searching the whole text, for
# a fraction of the work: a sentence has a few numbers); a function of (text, lower case), a pattern that may start
# with words, is searched only where the function finds what it needs to match somewhere; None: searched
AT_NUMBERS = "at numbers"
_MONTHS_WRITTEN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEARS_OLD = re.compile(r"\d(?:-|\s)(?:year|month|week)s?(?:-|\s)old", re.I)
_AGED = re.compile(r"aged?\s")
_AFTER_COMMA = re.compile(r",\s+\d")
_SEARCH = [
    lambda text, lower: bool(("old" in lower and _YEARS_OLD.search(text)) or ("age" in lower and _AGED.search(lower))
                             or ("," in text and _AFTER_COMMA.search(text))),  # "21-year-old", "aged 58", "a woman, 58,"
    None,
    lambda text, lower: any(month in text for month in _MONTHS_WRITTEN),  # "Dec. 27"
    lambda text, lower: any(month in text for month in _MONTHS_WRITTEN),  # "between June 20 and 21"
    AT_NUMBERS,
    AT_NUMBERS,
    AT_NUMBERS,
    None,
    AT_NUMBERS,
    AT_NUMBERS,
    AT_NUMBERS,
    AT_NUMBERS,
]
_RUN = re.compile(r"\d+")


def _at(pattern: re.Pattern, text: str, starts: list[int]) -> list:
    """The matches of ``pattern`` in ``text`` (as ``finditer`` gives them, one after another without overlap), for a
    pattern every match of which starts at one of ``starts``."""
    found = []
    last = 0
    match = pattern.match
    for start in starts:
        if start >= last:
            m = match(text, start)
            if m:
                found.append(m)
                last = m.end()
    return found


_AGE_LIST = re.compile(r"\baged\s+(\d+(?:(?:,\s+|,?\s+(?:and|to)\s+)\d+\b(?!\s+(?:other\s+|more\s+)?(?:men|women|people|"
                       r"children|boys|girls|civilians|residents|others)\b)){1,8})\b", re.I)  # "…, and 2 women": a count
_YEAR_COUNT = re.compile(r"\s+(?:people|civilians|drones|missiles|UAVs|shells|residents|children|soldiers|troops)\b",
                         re.I)


@dataclass
class Number:
    value: int
    start: int
    end: int
    role: str = COUNT


def value_of(text: str) -> int | None:
    """The integer a number's text writes ("1,716" is 1716); None for a fraction; for one of more digits than
    any figure has, ``MAX_FIGURE + 1`` (never a thousand-digit int, which Python refuses to read)."""
    text = text.replace(",", "")
    if not text.isdigit():
        return None
    digits = text.lstrip("0")
    return int(digits or "0") if len(digits) <= _DIGITS else MAX_FIGURE + 1


def numbers(text: str) -> list[Number]:
    """Every number of ``text`` (numbers already in figures) with its role."""
    runs = [m.start() for m in _RUN.finditer(text)]  # where a number may start
    if not runs:
        return []
    found = [Number(value_of(m.group()) or 0, m.start(), m.end()) for m in _at(NUMBER, text, runs)]
    if not found:
        return found
    roles: dict[int, str] = {}
    if "-" in text or "mm" in text:
        for start, end in designators(text):
            for number in found:
                if start <= number.start < end:
                    roles.setdefault(number.start, MODEL)
    lower = text.lower()
    for role, hints, pattern, search, groups in _ROLES:
        for hint in hints:
            if hint in lower:
                break
        else:
            continue
        if search is AT_NUMBERS:
            matches = _at(pattern, text, runs)
        elif search is None or search(text, lower):
            matches = pattern.finditer(text)
        else:
            continue
        for m in matches:
            for group in groups:
                if m.group(group):
                    start = m.start(group)
                    if role == YEAR and _YEAR_COUNT.match(text, m.end(group)):
                        continue  # "2000 people"
                    roles.setdefault(start, role)
    for m in _AGE_LIST.finditer(text) if "aged" in lower else ():  # "three women aged 60, 39, and 26": each an age
        for number in found:
            if m.start(1) <= number.start < m.end(1):
                roles.setdefault(number.start, AGE)
    for number in found:
        role = roles.get(number.start, COUNT)
        if role == COUNT:
            if "." in text[number.start:number.end]:
                role = MEASURE  # "1.5": no count of people or weapons
            elif number.value > MAX_FIGURE:
                role = IMPLAUSIBLE  # "killed 99999999999999999999 people": dropped, counted by ``implausible``
        number.role = role
    return found


# each role's pattern with how it is searched and the groups that hold its numbers
_ROLES = [(role, hints, pattern, search, tuple(g for g in ("n", "n2", "n3") if g in pattern.groupindex))
          for (role, hints, pattern), search in zip(_AROUND, _SEARCH, strict=True)]


def implausible(text: str | None) -> int:
    """How many numbers of ``text`` would be counts but for being larger than ``MAX_FIGURE``."""
    if not text or not _LONG.search(text):
        return 0
    return sum(1 for number in numbers(text) if number.role == IMPLAUSIBLE)


_LONG = re.compile(rf"\d{{{_DIGITS}}}|\d,\d{{3}},\d{{3}}")  # a number of MAX_FIGURE's digits or more may be one


def mask(text: str) -> str:
    """``text`` with every number that is no count written over by ``#`` (same length), and thousands separators
    taken out of counts ("1,716" -> "1716 " keeps the length with a space after)."""
    found = numbers(text)
    if not found:
        return text
    parts, last = [], 0
    for number in found:
        parts.append(text[last:number.start])
        raw = text[number.start:number.end]
        if number.role != COUNT:
            parts.append("#" * len(raw))
        else:
            digits = raw.replace(",", "")
            parts.append(digits + " " * (len(raw) - len(digits)) if digits != raw else raw)
        last = number.end
    parts.append(text[last:])
    return "".join(parts)
