"""The air attack an article reports: drones, missiles and guided bombs launched, shot down and lost, by weapon
(docs/analysing.md, "The toll and the air attacks"). Pure functions; linear in the text.

A count is a number before a weapon ("22 Shahed-type drones", "four Iskander-M ballistic missiles", "17 of 22
drones"); what it counts is told by the verb of its clause: launched (launched, fired, attacked with), downed
(shot down, destroyed, intercepted, neutralized) or lost (locally lost, suppressed by electronic warfare, did
not reach their targets). A class total stated beside its parts is not counted twice: the parts are rows of
their own and the total gives a row (weapon null) for what the parts leave. Counts of one oblast are a
breakdown, read only where the article states no count for the whole attack. ``night_of`` is the date the
attack began: "overnight on Nov. 21" and "the night of Nov. 20-21" began on Nov. 20.
"""

from __future__ import annotations

import re
from datetime import timedelta

from kyivind.figures.text import (
    DIGIT,
    MAX_CHARS,
    MAX_SENTENCE,
    MONTH,
    day_of,
    figures_in,
    has_any,
    published_day,
    published_hour,
    sentences,
)

DRONE, MISSILE, BOMB = "drone", "missile", "guided_bomb"
LAUNCHED, DOWNED, LOST = "launched", "downed", "lost"
# weapons as the Air Force names them: (pattern, class, name)
WEAPONS = [
    (r"Shahed(?:-136/131|-136|-131)?(?:-type)?|Geran(?:-2)?", DRONE, "Shahed"),
    (r"Gerbera(?:-type)?", DRONE, "Gerbera"),
    (r"decoy", DRONE, "decoy"),
    (r"Kh-101(?:/Kh-555)?|Kh-555", MISSILE, "Kh-101"),
    (r"Kh-59(?:/69)?|Kh-69", MISSILE, "Kh-59/69"),
    (r"Kh-22|Kh-32", MISSILE, "Kh-22"),
    (r"Kh-31P?", MISSILE, "Kh-31P"),
    (r"Kh-47M2|Kinzhal", MISSILE, "Kinzhal"),
    (r"Kalibr", MISSILE, "Kalibr"),
    (r"Iskander-M(?:/KN-23)?|KN-23", MISSILE, "Iskander-M"),
    (r"Iskander-K", MISSILE, "Iskander-K"),
    (r"S-300|S-400", MISSILE, "S-300/S-400"),
    (r"Oniks|Onyx", MISSILE, "Oniks"),
    (r"Zircon|Tsirkon", MISSILE, "Zircon"),
]
_WEAPON = [(re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I), kind, name) for pattern, kind, name in WEAPONS]
_NOUN = r"(?P<noun>drones?|UAVs?|unmanned aerial vehicles|missiles?|guided (?:aerial )?bombs?|KABs?|glide bombs?)"
_COUNT = re.compile(r"(?:\b(?P<all>all|both)\s+(?:the\s+|of the\s+)?|\b(?P<part>\d+)\s+(?:out\s+)?of\s+(?:the\s+)?)?"
                    r"(?:\b(?P<n>\d+)\s+|(?<=of the )|(?<=both )|(?<=both the ))(?P<words>(?:(?!\d+\s)[\w/()'-]+\s+){0,5}?)" + _NOUN + r"\b", re.I)
_DOWN = re.compile(r"\b(?:shot down|shoots down|shooting down|downed|downs|down|destroyed|destroys|intercepted|"
                   r"intercepts|neutralized|neutralised|repelled|eliminated)\b", re.I)
_LOST = re.compile(r"\b(?:lost|suppressed|jammed|did not reach|failed to reach|disappeared|redirected|"
                   r"went off radar)\b", re.I)
_LAUNCH = re.compile(r"\b(?:launched|launches|launching|fired|fires|firing|used|sent|deployed|dropped|drops|dropping|"
                     r"(?:attacked|struck|hit|targeted)\b[^;]{0,60}?\bwith)\b", re.I)
_CLAUSES = re.compile(r";\s+|,\s+(?:while|and|but|with)\s+|\s+while\s+|\.\s+|,\s+(?=(?:\d+|all)\s)")
_NIGHT = re.compile(r"\b(?:(?:overnight|night)\s+(?:on|into|of|to)\s+|on the night of\s+)" + MONTH +
                    r"\s+(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?", re.I)
_DATE_BEFORE = re.compile(MONTH + r"\s+$")
_NATIONAL = re.compile(r"\b(?:Ukraine|the country|across|nationwide|in total|total)\b")
_OBLAST = re.compile(r"\b(?:over|in|above)\s+(?:the\s+)?(?:[A-Z][\w'-]+\s+){1,2}(?:Oblast|oblast|region)s?\b|"
                     r"\b(?:over|above)\s+(?:the\s+)?(?:city|capital|Kyiv|Kharkiv|Odesa|Dnipro|Lviv)\b")
# "17 were shot down", "10 of them were lost locally": a count of the weapon counted before it
_ELLIPTIC = re.compile(r"\b(?:shot down|downed|destroyed|intercepted|neutralized)\s+(?P<m>\d+)\s+of\s+(?:them|those|"
                       r"which)\b|\b(?P<n>\d+)\s+(?:(?:more|others?)\s+)?(?:of (?:which|them|those)\s+)?(?:were|was|have been|"
                       r"had been)\s+(?:\w+\s+)?(?:shot down|downed|destroyed|intercepted|neutralized|lost|suppressed|"
                       r"jammed)\b", re.I)


# substring tests (lower case) that every sentence with a count must pass before the patterns are searched
WEAPON_HINTS = ("drone", "uav", "unmanned", "missile", "bomb", "kab")
VERB_HINTS = ("down", "destroy", "intercept", "neutrali", "repel", "eliminat", "lost", "suppress", "jam", "reach",
              "disappear", "redirect", "radar")


_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                          r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                          r"eighty|ninety|hundred|thousand|dozen|all|both)\b")
LOST_HINTS = ("lost", "suppress", "jam", "reach", "disappear", "redirect", "radar")
DOWN_HINTS = ("down", "destroy", "intercept", "neutrali", "repel", "eliminat")
LAUNCH_HINTS = ("launch", "fire", "firing", "used", "sent", "deploy", "drop", "with")




def _weapon(words: str, noun: str) -> tuple[str, str | None]:
    for pattern, kind, name in _WEAPON:
        if pattern.search(words):
            return kind, name
    noun = noun.lower()
    if noun.startswith(("drone", "uav", "unmanned")):
        return DRONE, None
    if noun.startswith("missile"):
        return MISSILE, None
    return BOMB, None


def _metric(text: str) -> str | None:
    """What the counts of a clause count, by its verb: lost before downed before launched ("17 were shot down
    and 4 lost locally" is split into clauses first)."""
    lower = text.lower()
    if has_any(lower, LOST_HINTS) and _LOST.search(text):
        return LOST
    if has_any(lower, DOWN_HINTS) and _DOWN.search(text):
        return DOWNED
    if has_any(lower, LAUNCH_HINTS) and _LAUNCH.search(text):
        return LAUNCHED
    return None


def night_of(body: str | None, title: str | None, published_at: str | None):
    """The date the attack began, or None."""
    day = published_day(published_at)
    texts = ((body or "")[:5000], (title or "")[:MAX_SENTENCE])
    lowers = [text.lower() for text in texts]
    for text, lower in zip(texts, lowers, strict=True):
        m = _NIGHT.search(text) if "night" in lower else None
        if m:
            named = day_of(m.group("month"), m.group("day"), day)
            if named is not None:
                return named if m.group("day2") or m.group(0).lower().startswith(("on the night", "night of")) \
                    else named - timedelta(days=1)
    if day is None:
        return None
    if has_any(lowers[0], ("past day", "past 24 hours")):  # reported in the morning: the day began the day before
        return day - timedelta(days=1)
    if any(has_any(lower, ("overnight", "last night", "during the night", "at night")) for lower in lowers):
        hour = published_hour(published_at)
        return day - timedelta(days=1) if hour is None or hour < 18 else day
    return day


def counts(title: str | None, body: str | None, split: list | None = None
           ) -> dict[tuple[str, str | None, str], tuple[int, bool]]:
    """{(class, weapon, metric): (count, of one oblast)}: the first count of each, in body order (the title where
    the body has none)."""
    found: dict[tuple[str, str | None, str], tuple[int, bool]] = {}
    if not has_any((body or "")[:MAX_CHARS].lower(), WEAPON_HINTS) and \
            not has_any((title or "")[:MAX_SENTENCE].lower(), WEAPON_HINTS):
        return found  # no weapon named
    split = sentences(body) if split is None else split
    for text in ((s for _, s in split), [(title or "")[:MAX_SENTENCE]]):
        last = None  # the weapon counted last: "Air defense downed 95 of them" counts it
        for sentence in text:
            lower = sentence.lower()
            if not has_any(lower, WEAPON_HINTS) and (last is None or not has_any(lower, VERB_HINTS)):
                continue
            if not DIGIT.search(sentence) and not _NUMBER_WORD.search(lower):
                continue  # no count in it
            sentence = figures_in(sentence)
            whole = _metric(sentence)
            for clause in _CLAUSES.split(sentence):
                metric = _metric(clause) or whole
                counted = list(_COUNT.finditer(clause))
                if not counted and last is not None and metric is not None:
                    for m in _ELLIPTIC.finditer(clause):
                        found.setdefault((*last[:2], metric), (int(m.group("n") or m.group("m")), last[2]))
                for m in counted:
                    if _DATE_BEFORE.search(clause, max(0, m.start("n") - 12), m.start("n")):
                        continue  # "Nov. 12 with four missiles": a date, not a count
                    kind, weapon = _weapon(m.group("words") + m.group("noun"), m.group("noun"))
                    regional = bool(_OBLAST.search(clause)) and not _NATIONAL.search(clause)
                    last = (kind, weapon, regional)
                    if metric is None:
                        continue
                    if m.group("n") is None:  # "17 of the drones", "both missiles": of a count said before
                        both = (m.group("all") or "").lower() == "both"
                        if both or m.group("part"):
                            found.setdefault((kind, weapon, metric), (2 if both else int(m.group("part")), regional))
                        continue
                    n = int(m.group("n"))
                    if m.group("part"):  # "17 of 22 drones": 17 downed (or lost), 22 launched
                        found.setdefault((kind, weapon, metric if metric != LAUNCHED else DOWNED),
                                         (int(m.group("part")), regional))
                        found.setdefault((kind, weapon, LAUNCHED), (n, regional))
                        continue
                    found.setdefault((kind, weapon, metric), (n, regional))
                    if m.group("all") and metric == DOWNED:  # "shot down all 14 drones": 14 were launched
                        found.setdefault((kind, weapon, LAUNCHED), (n, regional))
        if found:
            break
    return found


def air_attacks(title: str | None, body: str | None, published_at: str | None = None,
                split: list | None = None) -> list[dict]:
    """The rows of ``air_attacks`` for one article version (without ``article_url`` and ``version``); ``split``:
    the body's sentences, when the caller has them already."""
    found = counts(title, body, split)
    if not found:
        return []
    national = {key for key, (_, regional) in found.items() if not regional}
    rows: dict[tuple[str, str | None], dict] = {}
    for (kind, weapon, metric), (n, regional) in found.items():
        if regional and any(k[0] == kind and k[2] == metric for k in national):
            continue  # a breakdown of a count the article states for the whole attack
        row = rows.setdefault((kind, weapon), {"weapon_class": kind, "weapon": weapon, LAUNCHED: None,
                                               DOWNED: None, LOST: None})
        row[metric] = (row[metric] or 0) + n if regional else n
    for (kind, weapon), row in list(rows.items()):  # a class total beside its parts: only what the parts leave
        if weapon is not None:
            continue
        parts = [r for (k, w), r in rows.items() if k == kind and w is not None]
        for metric in (LAUNCHED, DOWNED, LOST):
            if row[metric] is None:
                continue
            named = sum(r[metric] or 0 for r in parts)
            if named and any(r[metric] is not None for r in parts):
                row[metric] = row[metric] - named if row[metric] > named else None
        if all(row[m] is None for m in (LAUNCHED, DOWNED, LOST)):
            del rows[(kind, weapon)]
    when = night_of(body, title, published_at)
    night = when.isoformat() if when else None
    return [{**row, "night_of": night} for _, row in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]
