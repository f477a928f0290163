"""The casualty statements of an article (kyivind/figures/tolls.py makes its rows of them): each sentence read
for a number beside a verb of killing or injuring ("killing 2", "7 people were injured", "a man was killed" is
1), a revised toll ("the death toll rose to 6"), or none ("no casualties"), with the region and place each
statement is of. Sentences that tell something else are left out: cumulative totals (since February 2022, this
year, during the occupation), earlier attacks (a date two days or more before publication, a past year,
"earlier"), troop losses, prisoners exchanged; ages, money and counts of strikes are never read as a toll.
Pure functions; linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kyivind.figures.text import DIGIT, MAX_CHARS, MAX_SENTENCE, dates_in, figures_in, has_any, published_day, sentences

KILLED, INJURED = "killed", "injured"
_Q = r"(?P<q>at least\s+|more than\s+|over\s+|no fewer than\s+)?"
_N = r"(?P<n>\d+)\b(?!-|\.\d|,\d|\s*(?:%|percent))"
# what a number counts when it is not people
_THINGS = (r"(?!\s+(?:[\w-]+\s+)?(?:drones?|missiles?|rockets?|bombs?|shells?|attacks?|strikes?|times|explosions?|"
           r"settlements?|villages?|towns?|cities|oblasts?|regions?|districts?|communities|buildings?|houses?|homes?|"
           r"apartments?|cars?|vehicles?|km|kilometers?|miles?|meters?|hours?|days?|weeks?|months?|years?|"
           r"minutes?|tons?|hryvnias?|euros?|dollars?|million|billion|thousand|kilograms?|UAVs?|shots?|projectiles?|"
           r"schools?|hospitals?|objects?|facilities|sites?)\b)")
_KILL_VERB = r"(?:killed|killing|kills|kill|dead|died|perished|lost their lives)"
_HURT_VERB = r"(?:injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|sustained(?:\s+\w+)?\s+injuries|" \
             r"suffered(?:\s+\w+)?\s+injuries|hospitalized)"
_VERB_FIRST = re.compile(r"\b(?P<verb>killing|killed|kills|kill|injuring|injured|injures|injure|wounding|wounded|"
                         r"wounds|wound)\s+(?:a total of\s+)?" + _Q + _N + _THINGS, re.I)
_NUMBER_FIRST = re.compile(_Q + _N + _THINGS + r"\s+(?:[\w'-]+\s+){0,4}?(?:(?:were|was|have been|has been|had been|"
                           r"are|is|got|have|has|had)\s+)?(?:(?:reportedly|also|later|reported|seriously|severely|"
                           r"lightly|critically|fatally|mortally|slightly|all)\s+)?(?P<verb>" + _KILL_VERB + "|" +
                           _HURT_VERB + r")\b", re.I)
_ONE_VERB_FIRST = re.compile(r"\b(?P<verb>killing|killed|injuring|injured|wounding|wounded)\s+(?:a|an)\s+"
                             r"(?:[\w-]+\s+){0,3}?(?P<who>man|woman|person|resident|civilian|child|boy|girl|teenager|"
                             r"driver|pensioner|volunteer|rescuer|officer|medic|worker|employee|farmer|firefighter|"
                             r"journalist|passer-by|local)\b", re.I)
_ONE = re.compile(r"\b(?:a|an|another|her|his|their)\s+(?:[\w-]+\s+){0,3}?(?:(?:was|has been|had been)\s+(?:\w+\s+)?(?P<verb>" +
                  _KILL_VERB + "|" + _HURT_VERB + r")|(?P<hurt>(?:sustained|suffered)(?:\s+\w+)?\s+injuries))\b", re.I)
_REVISED = re.compile(r"\b(?P<what>death toll|toll|number of (?:people )?(?:killed|dead|victims|fatalities|injured|"
                      r"wounded|casualties))\b(?:\s+[\w'.,-]+){0,12}?\s+(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|"
                      r"increased|grew|reached|jumped|stands at|is now|now stands at|went up)\s+(?:to\s+)?" + _Q + _N,
                      re.I)
_ELLIPTIC = re.compile(r"(?:\b(?P<n>\d+)(?:\s+(?:more|others?|people))?|\b(?P<another>another(?:\s+(?:one|person))?))"
                       r"\s+(?:in|near|at)\s+(?:the\s+)?(?:\w+\s+of\s+)?[A-Z]")
_CHILDREN = re.compile(r"\b(?:including|among them|among those|of whom)\s+(?P<n>\d+)\s+(?:children|child|minors?|"
                       r"kids?|teenagers?)|\b(?P<m>\d+)\s+(?:of them\s+)?(?:were\s+)?(?:children|minors)\b", re.I)
_NONE = re.compile(r"\b(?P<all>no casualties|without casualties|no injuries or deaths|no deaths or injuries|"
                   r"nobody was (?:hurt|injured|wounded)|no (?:people|civilians) were (?:hurt|injured)|"
                   r"no injuries|casualties were avoided)|\b(?P<killed>nobody was killed|no (?:deaths|fatalities)|"
                   r"no (?:one|people) (?:was|were) killed)", re.I)
_EARLIER_FIGURE = re.compile(r"\b(?:updating\s+|revising\s+)?(?:an\s+|the\s+|its\s+)?(?:earlier|previous|initial|"
                             r"preliminary)\s+(?:death\s+)?(?:toll|figure|count|report)s?\s+of\s+(?:at least\s+)?"
                             r"[\w-]+|\bup from\s+(?:at least\s+)?\d+", re.I)
_BACKGROUND = re.compile(r"\bsince (?:the (?:start|beginning)|February|Feb\.|2014|20\d\d|the full-scale)|"
                         r"\b(?:this|last|the previous) (?:year|month)\b|\bso far this\b|\bin total\b|"
                         r"\bthroughout the (?:war|invasion)\b|\bduring the (?:occupation|war|full-scale)|"
                         r"\bin 20\d\d\b|^earlier\b|\bthe day before\b|\bprisoners?\b|\bPOWs?\b|\bexchanged?\b|"
                         r"\bswap\b|\blosses\b|\bGeneral Staff\b|\bkilled in action\b|\bsoldiers\b|\bservicemen\b|"
                         r"\btroops\b(?!\s+(?:attacked|shelled|struck|hit|launched|fired|opened|dropped))|"
                         r"\ba year ago\b|\banniversary\b|\bdeadliest\b", re.I)
# a sentence the rules read at all has one of these (lower case): a word of killing, injuring, a toll or its
# absence; substring tests in C cost far less than one pattern of alternatives per sentence
CUES = ("kill", "dead", "die", "death", "perish", "lives", "injur", "wound", "hurt", "hospitali", "toll", "casualt",
        "nobody", "no one", "no-one", "fatalit", "victim")
# words without which no sentence is background (_BACKGROUND is searched only where one is)
BACKGROUND_HINTS = ("since", " year", "month", "so far", "in total", "throughout", "during", "in 19", "in 20",
                    "earlier", "day before", "prisoner", "pow", "exchange", "swap", "losses", "general staff",
                    "in action", "soldiers", "servicemen", "troops", "anniversary", "deadliest")


EARLIER_HINTS = ("earlier", "previous", "initial", "preliminary", "up from")  # where _EARLIER_FIGURE may match
NONE_HINTS = ("casualt", "nobody", "no one", "no-one", "no injur", "no death", "no fatal", "no people",
              "no civilians", "avoided")  # where _NONE may match
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_CASUALTY = re.compile(r"\b(?:" + _KILL_VERB + "|" + _HURT_VERB + r"|casualties)\b", re.I)
_ROUNDUP = re.compile(r"\bpast (?:day|24 hours|week)\b|\bover the day\b|\b\d+ (?:of Ukraine's )?oblasts\b|"
                      r"\bacross Ukraine\b|\bacross the country\b|\bnationwide\b|\bregions\b|\boblasts\b", re.I)



@dataclass
class Mention:
    kind: str
    n: int
    at_least: bool = False
    sentence: int = 0
    revised: bool = False
    region: str | None = None  # ISO 3166-2 code, when the statement is of one region
    place: str | None = None  # the settlement or district it is of, if any
    children: int | None = None



@dataclass
class Reading:
    mentions: list[Mention] = field(default_factory=list)
    none: dict[str, bool] = field(default_factory=dict)  # kind -> "no casualties" said of the attack
    opening: int | None = None  # the first sentence with a statement
    roundup_cue: bool = False
    lead: str = ""  # the title and the sentences up to the opening statement: where a single attack's place is
    background: bool = False  # a toll the body tells of another time: then the title's figure is that one



def _none_of(m) -> tuple[str, ...]:
    """The kinds a match of ``_NONE`` says there were none of: "no casualties" both, "nobody was killed" one."""
    return (KILLED, INJURED) if m.group("all") else (KILLED,)


def _kind(verb: str) -> str:
    return KILLED if re.match(_KILL_VERB, verb, re.I) else INJURED


def _ambiguous(place) -> bool:
    """Whether other settlements bear the name of ``place`` (then the whole article tells which is meant)."""
    if place.kind not in ("settlement", "city district"):
        return False
    from kyivind.places.gazetteer import fold, gazetteer

    return len({c.place.id for c in gazetteer().settlements.get(fold(place.name), ())}) > 1


def where(text: str, resolved: dict) -> tuple[str | None, str | None, set[str]]:
    """(region code, settlement or district, all regions) a piece of text names; a name several places bear is
    the one the whole article means (``resolved``: name -> place, the matcher's reading of the article)."""
    from kyivind.places.matcher import match

    found = [resolved.get(p.name, p) if _ambiguous(p) else p for p in match(None, text).places]
    settlements = list({p.id: p for p in found if p.kind in ("settlement", "city district")}.values())
    regions = {code for p in found for code in p.regions}
    place = settlements[0] if len(settlements) == 1 else None
    region = place.regions[0] if place is not None else (next(iter(regions)) if len(regions) == 1 else None)
    return region, (place.name if place else None), regions


def _statements(text: str, number: int, resolved: dict) -> list[Mention]:
    """The casualty statements of one sentence (numbers already in figures), with the place each is of."""
    found: list[tuple[int, int, Mention]] = []  # (start, end, mention)
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def keep(start: int, end: int, mention: Mention) -> None:
        if free(start, end):
            taken.append((start, end))
            found.append((start, end, mention))

    for m in _REVISED.finditer(text):
        what = m.group("what").lower()
        kind = INJURED if ("injured" in what or "wounded" in what) else KILLED
        keep(m.start(), m.end(), Mention(kind, int(m.group("n")), bool(m.group("q")), number, revised=True))
    for pattern in (_VERB_FIRST, _NUMBER_FIRST):
        for m in pattern.finditer(text):
            keep(m.start("n"), m.end(), Mention(_kind(m.group("verb")), int(m.group("n")), bool(m.group("q")), number))
    for pattern in (_ONE_VERB_FIRST, _ONE):
        for m in pattern.finditer(text):
            keep(m.start(), m.end(), Mention(_kind(m.group("verb") or m.group("hurt")), 1, False, number))
    found.sort(key=lambda f: f[0])
    if found:  # "3 more in Vyshneve, and one in Avdiivka": the kind of the statement before
        for m in _ELLIPTIC.finditer(text):
            start = m.start()
            before = [f for f in found if f[0] < start]
            if before and free(start, m.end()):
                n = int(m.group("n")) if m.group("n") else 1
                keep(start, m.end(), Mention(before[-1][2].kind, n, False, number))
        found.sort(key=lambda f: f[0])
    for m in _CHILDREN.finditer(text):
        before = [f for f in found if f[0] <= m.start()]
        if before:
            before[-1][2].children = int(m.group("n") or m.group("m"))
    # each statement is of the place its own stretch of the sentence names, else of the sentence's one place
    if not found:
        return []
    whole: list = []  # the sentence's own place, read only when a statement's stretch names none
    for i, (start, _end, mention) in enumerate(found):
        before = found[i - 1][1] if i else 0
        after = found[i + 1][0] if i + 1 < len(found) else len(text)
        region, place, regions = where(text[start:after], resolved)  # "3 were wounded in Illinivka"
        if region is None and not regions:
            region, place, regions = where(text[before:start], resolved)  # "In Donetsk Oblast, 7 were injured"
        if region is None and not regions:
            if not whole:
                whole.append(where(text, resolved))
            region, place = whole[0][0], whole[0][1]
        mention.region, mention.place = region, place
    return [mention for _, _, mention in found]


class _Resolved(dict):
    """name -> the place the article means by it, read once, when the first statement needs it."""

    def __init__(self, title: str | None, body: str | None):
        super().__init__()
        self.texts, self.done = (title, body), False

    def get(self, name, default=None):
        if not self.done:
            from kyivind.places.matcher import match

            self.done = True
            self.update({p.name: p for p in match(*self.texts).places})
        return super().get(name, default)


def read(title: str | None, body: str | None, published_at: str | None = None, split: list | None = None) -> Reading:
    reading = Reading()
    resolved = _Resolved(title, body)
    day = published_day(published_at)
    lead = [title or ""]
    if not has_any((body or "")[:MAX_CHARS].lower(), CUES) and not has_any((title or "")[:MAX_SENTENCE].lower(), CUES):
        return reading  # most items state no casualty at all
    for index, (_, sentence) in enumerate(sentences(body) if split is None else split):
        if reading.opening is None:
            lead.append(sentence)
        lower = sentence.lower()
        if not has_any(lower, CUES):
            continue
        if (has_any(lower, BACKGROUND_HINTS) and _BACKGROUND.search(sentence)) or (day is not None and DIGIT.search(
                sentence) and (any((day - d).days >= 2 for d in dates_in(sentence, day))  # an earlier attack
                               or any(int(y) < day.year for y in _YEAR.findall(sentence)))):  # "in June 2023"
            reading.background = reading.background or bool(_CASUALTY.search(sentence))
            continue
        text = figures_in(_EARLIER_FIGURE.sub("", sentence) if has_any(lower, EARLIER_HINTS) else sentence)
        mentions = _statements(text, index, resolved)
        if mentions and reading.opening is None:
            reading.opening = index
            reading.roundup_cue = bool(_ROUNDUP.search(text))
            reading.lead = " ".join(lead)
        reading.mentions += mentions
        for m in _NONE.finditer(text) if has_any(lower, NONE_HINTS) else ():
            region = where(text, resolved)[0] if reading.mentions else None
            for kind in _none_of(m):
                reading.none.setdefault(kind, region is None)
    if not reading.mentions and not reading.none and not reading.background and title:
        text = figures_in(_EARLIER_FIGURE.sub("", title[:MAX_SENTENCE]))
        reading.mentions = _statements(text, 0, resolved)
        reading.opening = 0 if reading.mentions else None
        reading.lead = title
        for m in _NONE.finditer(text):
            for kind in _none_of(m):
                reading.none[kind] = True
    return reading
