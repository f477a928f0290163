"""The air attack an article reports: drones, missiles and guided bombs launched, shot down and lost, by weapon
(docs/analysing.md, "The toll and the air attacks"). Pure functions; linear in the text.

A count is a number before a weapon ("22 Shahed-type drones", "four Iskander-M ballistic missiles", "17 of 22
drones"); what it counts is told by the verb of its clause: launched (launched, fired, attacked with), downed
(shot down, destroyed, intercepted, neutralized) or lost (locally lost, suppressed by electronic warfare, did
not reach their targets). A class total stated beside its parts is not counted twice: the parts are rows of
their own and the total gives a row (weapon null) for what the parts leave. Counts of one oblast are a
breakdown, read only where the article states no count for the whole attack. A class said to be shot down in full
without a number ("every missile Russia fired") has as many downed as launched; "got through without being
intercepted" is launched and none downed; "Of the 175 drones …, forces downed 91" is 175 launched, 91 downed; "158
missiles and drones" counts neither class; bombers "over Russia's Saratov Oblast" tell where Russia's missiles came
from, not a strike on Russia. ``night_of`` is the date the attack began: "overnight on Nov. 21" and "the night of
Nov. 20-21" began on Nov. 20.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from kyivind.figures import weapons as table
from kyivind.figures.scope import Scope, another_attack, other_time
from kyivind.figures.text import (
    DIGIT,
    MAX_CHARS,
    MAX_SENTENCE,
    MONTH,
    Quick,
    day_of,
    has_any,
    prepared,
    published_day,
    published_hour,
    sentences,
)

DRONE, MISSILE, BOMB = table.DRONE, table.MISSILE, table.BOMB
LAUNCHED, DOWNED, LOST = "launched", "downed", "lost"
RUSSIA_ON_UKRAINE, UKRAINE_ON_RUSSIA = "russia_on_ukraine", "ukraine_on_russia"
# the Russian regions the News Feed names where Ukraine's drones are said to be downed (one list for every rule)
RUSSIAN_REGIONS = ("Belgorod", "Kursk", "Bryansk", "Voronezh", "Rostov", "Oryol", "Orel", "Lipetsk", "Tula", "Kaluga",
                   "Moscow", "Smolensk", "Ryazan", "Krasnodar", "Tambov", "Tver", "Pskov", "Volgograd",
                   # not the bombers' airfields (Engels, Olenya): a launch site is no target
                   "Nizhny Novgorod", "Leningrad", "Samara", "Tatarstan", "Yaroslavl", "Penza", "Novorossiysk", "Chuvashia",
                   "Bashkortostan", "Tuapse", "Mordovia")
_REGION = "(?:" + "|".join(RUSSIAN_REGIONS) + ")"
# Ukraine's drones and missiles, and Russia's claims of downing them: their own rows, never Russia's attacks
_ON_RUSSIA = re.compile(r"\bRussian\s+air\s+defen[cs]es?\s+(?:\w+\s+)?(?:shot|downed|intercepted|destroyed)\b|"
                        r"\b(?:shot\s+down|downed|intercepted|destroyed)\s+by\s+(?:the\s+)?Russian\s+air\s+defen[cs]es?\b|"
                        r"\bUkrainian\s+(?:forces|troops|military|army)\s+(?:fired|launched)\b|"
                        r"\bUkrainian\s+(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?|missiles?|unmanned)(?!\s+(?:units?|systems?|"
                        r"defen[cs]es?|forces|troops|crews|operators|batter))|\b(?:Russia's|Russian)\s+"
                        r"(?:Defense|Defence)\s+Ministry|\bRussian\s+Ministry\s+of\s+(?:Defense|Defence)|\bMoscow\s+"
                        r"claimed|\bover\s+(?:the\s+)?(?:Russian|Russia's)\b|\bover\s+Russia\b|\bover\s+(?:the\s+)?" + _REGION +
                        r"\b|\b(?:Ukraine|Kyiv)\s+(?:launched|fired|sent)\s+(?:\w+\s+){0,3}?(?:at|on|against|toward)\s+Russia|"
                        r"\b(?:in|over|above)\s+(?:the\s+)?" + _REGION + r"\s+(?:region|oblast|Oblast)\b", re.I)
_LAUNCH_SITE = re.compile(r"\b(?:bombers?|aircraft|jets?|planes?|Tu-\d+\w*|Su-\d+\w*|MiG-\d+\w*|ships?|vessels?|"
                          r"submarines?)\s+(?:[\w-]+\s+){0,2}?(?:over|from|in)\s+(?:the\s+)?[^,;]{0,60}?(?=\s+(?:launched|fired|"
                          r"struck|hit|attacked|dropped|used)\b|[,;]|$)", re.I)
# a Russian official (a governor or mayor of a Russian region) speaks of drones over Russia
_RUSSIAN_OFFICIAL = re.compile(r"\b(?:[Gg]overnor|[Mm]ayor)\s+of\s+(?:Russia's\s+|the\s+Russian\s+)?" + _REGION + r"\b|"
                               r"\b" + _REGION + r"(?:\s+(?:Oblast|oblast|region|Region|regional|City|city))?(?:'s)?\s+"
                               r"(?:(?:acting|regional)\s+)?(?:[Gg]overnor|[Mm]ayor)\b|"
                               r"\b(?:Gladkov|Sobyanin|Bogomaz|Starovoyt|Starovoit|Khinshtein|Smirnov|Gusev|Golubev|Vorobyov|"
                               r"Aksyonov|Razvozhay?ev|Saldo)\b|\b(?:occupation\s+(?:government|authorities)|Russian-installed|Russia-installed)\b")
# an item that reports Russia's claims ("Russia says 11 drones brought down over Kursk and Kaluga regions"): its
# counts are of Ukraine's drones unless a sentence says they are Russia's (the Air Force, an attack on Ukraine)
_CLAIM_TITLE = re.compile(r"\bRussia(?:'s\s+[\w\s]{1,30}?|n\s+(?:official|governor|ministry|Defense\s+Ministry))?\s+"
                          r"(?:says|claims|reports|asserts)\b|\b" + _REGION + r"\s+(?:governor|mayor|authorities|officials)\s+"
                          r"(?:says|claims|reports)\b|\bdrones?\s+(?:shot\s+down|downed|intercepted)\s+over\s+"
                          r"(?:Moscow|Crimea|Sevastopol|Belgorod|Kursk|Bryansk|Russia)", re.I)
# an item of Ukraine's strike on Russia ("Ukrainian drones strike chemical plant in Russia's Tula Oblast"): its counts
# are Ukraine's drones unless a sentence says they are Russia's
_STRIKE_ON_RUSSIA = re.compile(r"\bUkrainian\s+(?:drones?|missiles?|UAVs?)\s+(?:strike|strikes|hit|hits|attack|attacks|target|"
                               r"targets)\b|\b(?:drone\s+)?(?:strikes|attacks)\s+on\s+(?:the\s+)?(?:Moscow|" + _REGION + r")\b|"
                               r"\b(?:drones?|UAVs?)\s+(?:target|targets|targeted|strike|strikes|hit|hits|attack|attacks)\s+"
                               r"(?:Moscow|" + _REGION + r")\b|"
                               r"\bdrone\s+(?:strike|attack)\s+on\s+(?:Moscow|Russia['’]s\s)|\bUkraine\s+(?:strikes|hits|attacks|targets)\s+(?:[\w'’-]+\s+){0,4}?(?:in|on)\s+Russia",
                               re.I)
_RUSSIAN_PLACE = re.compile(r"\b(?:over|near|in|on|at|approaching|toward|towards)\s+(?:the\s+)?(?:Moscow|Russia(?!['’]s\s)|"
                            + _REGION + r")\b|\bapproach\s+to\s+Moscow\b")


def russian_side(title: str | None) -> bool:
    """Whether a title tells of Russia's claims or of drones over Russia ("Governor says 3 drones downed over Belgorod
    Oblast"): a "no casualties" in such an item is Russia's, no toll of an attack on Ukraine."""
    head = (title or "")[:MAX_SENTENCE]
    return bool(_CLAIM_TITLE.search(head)) or (has_any(head.lower(), ("drone", "uav", "missile")) and (bool(
        _NEIGHBOUR.search(head)) or bool(_RUSSIAN_PLACE.search(head)) and not _ON_UKRAINE_TITLE.search(head)))


_NEIGHBOUR = re.compile(r"\b(?:in|over|into|on)\s+(?:Moldova|Romania|Poland|Belarus|Hungary|Slovakia)\b")  # "Russian drones fall in Moldova"
_ON_UKRAINE_TITLE = re.compile(r"\b(?:on|against|across|in)\s+Ukraine\b|\bUkraine\s+(?:downs|shoots|destroys)\b|"
                               r"\bAir\s+Force\b", re.I)
_ON_UKRAINE = re.compile(r"\b(?:Ukraine's|Ukrainian)\s+(?:Air\s+Force|air\s+defen[cs]es?|forces|military)\b|\bAir\s+Force\b|"
                         r"\b(?:at|on|against|across)\s+Ukraine\b|\bRussia\s+(?:launched|fired|attacked)\b", re.I)
ON_RUSSIA_HINTS = ("ukrainian", "russian air defen", "defense ministry", "defence ministry", "ministry of", "moscow", "over russia",
                   "over the russian", "over russian", *(region.lower() for region in RUSSIAN_REGIONS), "at russia",
                   "on russia", "against russia")
_NOUN = r"(?P<noun>drones?|UAVs?|unmanned aerial vehicles|missiles?|guided (?:aerial )?bombs?|KABs?|glide bombs?|" \
        r"Shaheds|Gerans|Kalibrs|Iskanders|Kinzhals)"
# a weapon's name before the noun it qualifies counts that noun, not the weapon ("three missile strikes", "two drone
# attacks", "the second of three expected missile waves", "12 missile and drone strikes")
_NOT_THE_WEAPON = r"(?!(?:\s+(?:and|or)\s+(?:drones?|missiles?|UAVs?))?\s+(?:strikes?|attacks?|waves?|barrages?|salvos?|raids?|" \
                  r"alerts?|warnings?|threats?|launchers?|systems?|units?|operators?|carriers?|crews?|debris|fragments?|" \
                  r"wreckage|parts|sites?|production|factor(?:y|ies)|plants?|programs?)\b)"
_ABOUT = r"(?:(?:just\s+)?(?:over|more\s+than|about|around|nearly|almost|some|at\s+least|up\s+to)\s+)?"
_COUNT = re.compile(r"(?:\b(?P<all>all|both(?!\s+[\w-]+\s+and\s)|every\s+(?:one|1)\s+of|each\s+of)\s+(?:the\s+|of the\s+)?|(?<![:.,])\b(?P<part>\d+)\s+(?:out\s+)?of\s+(?:the\s+)?" + _ABOUT + ")?"
                    r"(?:(?<![:.,-])(?<!-\s)\b(?P<n>\d+)[\"”]?\s+|(?<=of the )|(?<=both )|(?<=both the ))(?P<words>(?:(?!\d+\s|\(?(?:drones?|missiles?|UAVs?|unmanned)\b|(?:communities|settlements|villages|towns|cities|districts|buildings|homes|houses|strikes|attacks|cases|instances|incidents|episodes|others|people|persons|civilians|residents|injured|wounded|killed|dead|children)\b)[\w/()'#\"“”-]+\s+){0,5}?(?:or\s+(?:(?!\d+\s)[\w/()'#\"“”-]+\s+){1,5}?)?)" + _NOUN + r"\b(?!-)(?!(?:\s*\([^()]{1,12}\))?\s+(?:and|or)\s+(?:drones|missiles|UAVs)\b)" + _NOT_THE_WEAPON, re.I)  # "158 missiles and drones": no count of one
_CLAUSES = re.compile(r";\s+|,\s+(?:while|and|but|with)\s+|\s+while\s+|" +
                      r"\." + "".join(rf"(?<!\b{a}\.)" for a in ("Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
                                                               "Nov", "Dec", "Gov", "St", "Mr", "Dr", "No", "U.S",
                                                               "a.m", "p.m")) +
                      r"\s+|,\s+(?=(?:\d+|all)\s)")  # a full stop inside a sentence, not of "Oct. 24"
_NIGHT = re.compile(r"\b(?:(?:overnight|night)\s+(?:on|into|of|to)\s+|on the night of\s+)" + MONTH +
                    r"\s+(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?", re.I)
_NATIONAL = re.compile(r"\b(?:Ukraine(?!['’]s)|the country|across|nationwide|in total|total)\b")
_IN_OBLAST = (r"(?:[Oo]ver|[Ii]n|[Aa]bove)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central|north|south|"
              r"east|west)\w*\s+)?(?:[A-Z][\w'-]+\s+){1,2}(?:Oblast|oblast|region)s?\b")  # "over Mykolaiv Oblast"
_OBLAST = re.compile(r"\b" + _IN_OBLAST + r"|"
                     r"\b(?:over|above|near|in)\s+(?:the\s+)?(?:city|capital|Kyiv|Kharkiv|Odesa|Dnipro|Lviv)\b|\bat\s+the\s+capital\b"
                     r"(?!\s+(?:and|Oblast|oblast|region))")
# one weapon shot down: "A drone was brought down by air defense", "Air defense forces shot down a drone, but …"
_ONE_DOWNED = re.compile(r"\b(?:(?:(?<=shot down )|(?<=downed )|(?<=destroyed )|(?<=intercepted )|(?<=brought down ))"
                         r"(?=(?:[Aa]n?|[Oo]ne)\s+(?:missile|drone)\b(?!\s+(?:strikes?|attacks?|debris|fragments|wreckage)))|"
                         r"(?=(?:[Aa]n?|[Oo]ne)\s+(?:missile|drone)\s+(?:was|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:shot\s+down|downed|"
                         r"destroyed|intercepted|brought\s+down)\b))(?:[Aa]n?|[Oo]ne)\s+(?P<n>)(?P<part>)?(?P<all>)?(?P<words>)"
                         r"(?P<noun>missile|drone)\b")
_HAS_DOWNED = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:shot\s+down|downed|destroyed|intercepted|brought\s+down)\s+$")
_AND_THE_REST = re.compile(r"\b(?:shot\s+down|downed|destroyed|intercepted|neutralized|brought\s+down)\s+\d+\s+of\s+the\s+"
                           r"(?:drones|missiles)\s+(?:and|as\s+well\s+as)\s+the\s+(?P<noun>missiles?|drones?)\b")
_PLACE_ONLY = re.compile(r"\s*" + _IN_OBLAST + r"\s*")  # a clause that only names one: "In Dnipropetrovsk Oblast, 11 …"
# "17 were shot down", "10 of them were lost locally": a count of the weapon counted before it
_ELLIPTIC = re.compile(r"\b(?:shot\s+down|downed|destroyed|intercepted|neutralized|brought\s+down|took\s+down)\s+"
                       r"(?:all\s+|at\s+least\s+|about\s+|some\s+)?(?P<m>\d+)(?:\s+of\s+(?:them|those|which|these))?\b(?!\s+(?:of\s+)?(?:the\s+)?[\w#/\"-]+)|"
                       r"\b(?:shot\s+down|downed|destroyed|intercepted|neutralized|brought\s+down)\s+(?P<k>\d+)\s+of\s+"
                       r"(?:them|those|which|these)\b|"
                       r"\b(?P<n>\d+)\s+(?:(?:more|others?)\s+)?(?:of\s+(?:which|them|those)\s+)?(?:were|was|have\s+been|"
                       r"had\s+been)\s+(?:\w+\s+)?(?:shot\s+down|downed|destroyed|intercepted|neutralized|lost|suppressed|"
                       r"jammed|brought\s+down|taken\s+down)\b|"
                       # "14 … cruise missiles, 10 of which Ukraine's air defense destroyed"
                       r"\b(?P<j>\d+)\s+of\s+(?:which|them|those)\s+(?:(?:Ukraine's|Ukrainian|the)\s+)?(?:air\s+defen[cs]e|"
                       r"(?:air\s+defen[cs]e\s+)?forces|defenders|(?:the\s+)?Air\s+Force)\s+(?:\w+\s+)?(?:shot\s+down|downed|"
                       r"destroyed|intercepted|neutralized|brought\s+down)\b", re.I)


# substring tests (lower case) that every sentence with a count must pass before the patterns are searched
WEAPON_HINTS = ("drone", "uav", "unmanned", "missile", "bomb", "kab")
VERB_HINTS = ("stopped tracking", "down", "destroy", "intercept", "neutrali", "repel", "eliminat", "lost", "suppress", "jam", "reach",
              "disappear", "redirect", "radar")


_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                          r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                          r"eighty|ninety|hundred|thousand|dozen|all|both)\b")
LAUNCH_HINTS = ("launch", "fire", "firing", "used", "using", "sent", "sending", "deploy", "drop", "with", "tracked",
                "detected", "recorded", "involv")




_OF_THEM = re.compile(r"\b(?:shot\s+down|downed|destroyed|intercepted|neutralized|brought\s+down)\s+(?:all\s+|at\s+least\s+|"
                      r"about\s+|some\s+)?\d+\s+of\s+(?:them|those|these)\b|"
                      # "Russia launched Kh-59 missiles at Odesa Oblast, and two of them were shot down"
                      r"\b\d+\s+of\s+(?:them|those|these)\s+(?:were|was|had\s+been)\s+(?:\w+\s+)?(?:shot\s+down|downed|destroyed|"
                      r"intercepted|neutralized|brought\s+down)\b")
_PLURAL = re.compile(r"(?P<words>(?:[\w/'-]+\s+){0,4}?)(?P<noun>drones|UAVs|missiles)\b", re.I)


def _named_plural(text: str | None) -> tuple[str, str | None] | None:
    """The weapon the last plural noun of ``text`` names, counted or not ("Russian Shahed-type drones"), or None."""
    found = list(_PLURAL.finditer((text or "")[:MAX_SENTENCE]))
    return _weapon(found[-1].group("words"), found[-1].group("noun")) if found else None


def _weapon(words: str, noun: str) -> tuple[str, str | None]:
    found = table.named(words)
    if found is not None and found.name == "decoy" and _DECOYS_BESIDE.search(words):
        found = None  # "81 attack and decoy drones", "strike drones and decoys": drones of both kinds, the class's
    if found is not None and found.kind in table.COUNTED:
        return found.kind, found.name
    noun = noun.lower()
    if noun.startswith(("drone", "uav", "unmanned")):
        return DRONE, None
    if noun.startswith("missile"):
        return MISSILE, None
    return BOMB, None


_DECOYS_BESIDE = re.compile(r"\b(?:attack|strike|combat|kamikaze)\s+(?:drones\s+)?(?:and|or|&)\s+(?:decoy|imitat)|\bdecoys?\s+"
                            r"(?:and|or|&)\s+(?:attack|strike|combat|kamikaze)\b", re.I)


def _metric(text: str) -> str | None:
    """What the counts of a clause count, by its verbs (``_verbs``): lost before downed before launched ("17 were
    shot down and 4 lost locally" is split into clauses first)."""
    found = {metric for _, _, metric, _ in _verbs(text)}
    return next((metric for metric in (LOST, DOWNED, LAUNCHED) if metric in found), None)


def night_of(body: str | None, title: str | None, published_at: str | None, scope: Scope | None = None):
    """The date the attack began, or None: the date the item's own attack is named by ("overnight on Nov. 21"
    began on Nov. 20), else the publication's (an overnight attack reported before 18:00 began the day before)."""
    day = published_day(published_at)
    if scope is not None and scope.named is not None:
        return scope.named.day
    reported = scope.reported if scope is not None else None
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
        if reported is not None and reported < day:  # published the day after the report: its night
            return reported - timedelta(days=1)
        hour = published_hour(published_at)
        return day - timedelta(days=1) if hour is None or hour < 18 else day
    return day


@dataclass
class Count:
    n: int
    regional: bool  # of one oblast (a breakdown of the attack's count)
    evidence: str  # the sentence it was read from
    start: int  # where that sentence starts in the body (-1: the title)


Key = tuple  # (direction, class, weapon, metric)


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence."""
    spans, last = [], 0
    for m in _CLAUSES.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    return spans


def _direction(clause: str, sentence: str) -> str:
    for text in (clause, sentence):
        lower = text.lower()
        if has_any(lower, ("bomber", "aircraft", "tu-", "su-", "jet", "plane", "ship", "vessel", "submarine")):
            text = _LAUNCH_SITE.sub("", text)  # "Tu-95 bombers over Russia's Saratov Oblast launched …": where from
            lower = text.lower()
        if has_any(lower, ON_RUSSIA_HINTS) and _ON_RUSSIA.search(text):
            return UKRAINE_ON_RUSSIA
    if _RUSSIAN_OFFICIAL.search(sentence) and has_any(sentence.lower(), ("down", "destroy", "intercept")):
        return UKRAINE_ON_RUSSIA  # "Bryansk Governor Bogomaz said six drones were shot down over his region"
    return RUSSIA_ON_UKRAINE


def counts(title: str | None, body: str | None, split: list | None = None, published_at: str | None = None
           ) -> tuple[dict[Key, Count], Scope, set]:
    """{(direction, class, weapon, metric): count}: the first count of each, in body order (the title where the
    body has none), of the attack the item reports; the scope that placed it (its day); and the (direction,
    class) the text says were all shot down without a number ("every missile Russia fired was shot down")."""
    found: dict[Key, Count] = {}
    every: set[tuple[str, str]] = set()
    scope = Scope(published_day(published_at))
    scope.titled(title)
    if not has_any((body or "")[:MAX_CHARS].lower(), WEAPON_HINTS) and \
            not has_any((title or "")[:MAX_SENTENCE].lower(), WEAPON_HINTS):
        return found, scope, every  # no weapon named
    head = (title or "")[:MAX_SENTENCE]
    if " since " in head.lower() and other_time(head, head.lower()):
        return found, scope, every  # "about 3,800 drones launched at Ukraine since 2022": a tally, no night's counts
    split = sentences(body) if split is None else split
    claimed = bool(_CLAIM_TITLE.search(head) or _STRIKE_ON_RUSSIA.search(head))
    # an item of one place's toll by shelling ("Russian attack on Donetsk Oblast injures 3", its lead naming no drone or
    # missile): a nationwide attack it tells beside, and what follows ("Early on March 24, Russia fired 29 cruise
    # missiles … across Ukraine"), is another attack
    local = bool(_LOCAL_TOLL_TITLE.search(head)) and not has_any(head.lower(), _AIR_TITLE_WORDS) and bool(split) and \
        not has_any(split[0][1].lower(), WEAPON_HINTS + ("airstrike", "air strike"))  # its lead: shelling, not an air attack
    national = False
    in_body: dict[Key, Count] | None = None  # the body's counts, while the title is read for the classes it has none of
    for texts in ([(s, start) for _, s, start in split], [((title or "")[:MAX_SENTENCE], -1)]):
        if found:  # the title counts only a class the body does not: "Air defense shoots down 2 … Shahed-136 drones"
            in_body, found = found, {}  # over a body that counts only the missiles downed earlier
        last = None  # the weapon counted last: "Air defense downed 95 of them" counts it
        elsewhere = False  # "Several hours after the drone attack, a missile strike hit Kyiv": the rest is another's
        before = ""  # the sentence before: "On Nov. 17, Russia … . That night, forces downed 102 of 120 missiles"
        for sentence, start in texts:
            lower, told, before = sentence.lower(), before, sentence
            if local and start >= 0 and (national or _NATIONWIDE.search(sentence)):
                national = True  # and what follows it: "Air Force commander … said forces shot down 39 of 55 missiles"
                continue
            if start >= 0 and (_THAT.match(sentence) or _IN_THAT.search(sentence)) and \
                    scope.of(told, told.lower(), strict=True)[0]:
                continue  # the night or attack of the sentence before, which was another's
            # Russia's claims: told by the title, or by every count read so far being of Ukraine's drones
            claims = claimed or (bool(found) and all(key[0] == UKRAINE_ON_RUSSIA for key in found))
            if found and start >= 0 and not elsewhere and has_any(lower, ("later", "after", "separate", "again",
                                                                          "earlier")):
                elsewhere = another_attack(sentence, lower) and "also" not in lower
            if elsewhere:
                continue
            if start >= 0 and has_any(lower, ("every", "all ")) and has_any(lower, VERB_HINTS):
                for m in _EVERY.finditer(sentence) if not _LOCAL.search(sentence) else ():
                    if any(v[2] == DOWNED for v in _verbs(sentence)):
                        noun = (m.group("noun") or m.group("nouns")).lower()
                        every.add((_direction(sentence, sentence), DRONE if noun.startswith("drone") else MISSILE))
            if not has_any(lower, WEAPON_HINTS) and (last is None or not has_any(lower, VERB_HINTS)) and not (
                    last is None and " of th" in lower and start >= 0 and _OF_THEM.search(sentence) and _named_plural(told)):
                if not scope.fixed and start >= 0:
                    scope.of(sentence, lower, figure=False)
                continue
            if not DIGIT.search(sentence) and not _NUMBER_WORD.search(lower) and not (
                    (found or has_any(lower, ("down", "destroy", "intercept"))) and (
                        _ONE_WEAPON.search(sentence) or _ONE_DOWNED.search(sentence))):
                if not scope.fixed and start >= 0:
                    scope.of(sentence, lower, figure=False)
                continue  # no count in it
            plain, text = prepared(sentence)  # the same length: a span of one is the same span of the other
            if start >= 0 and not _COUNT.search(text) and not _ELLIPTIC.search(text) and not (
                    _ONE_WEAPON.search(text) or " of " in text or _ONE_DOWNED.search(text) or (
                        last is not None and _ALL_OF_THEM.search(text))):
                if not scope.fixed:  # "300,000 people are still without power after a drone attack": no count
                    scope.of(sentence, lower, figure=False)
                continue
            tally = " ha" in lower and bool(_TALLY.search(sentence)) and not _WHEN.search(sentence)
            if start >= 0:
                other, _ = scope.of(sentence, lower, strict=True)
                if other or tally:
                    last = None
                    continue  # another night's, another attack's figures; "Russia has used some 400 Shaheds": a tally
            elif tally or other_time(sentence, lower):
                continue  # a title of a tally: "Russia has fired over 4,700 missiles at Ukraine since Feb. 24"
            whole = _metric(text)
            lead = _OF_THE.match(text)  # "Of the 175 drones …, forces brought down 91": 175 launched, 91 of them downed
            led = None  # the weapon of that lead
            after_place = False  # the clause before only names an oblast: "In Dnipropetrovsk Oblast, 11 … were downed"
            for a, b in _spans(text):
                clause, named_in = text[a:b], plain[a:b]  # counts read in the one, weapons named in the other
                in_oblast, after_place = after_place, bool(_PLACE_ONLY.fullmatch(clause))
                direction = _direction(clause, text)
                if direction == RUSSIA_ON_UKRAINE and claims and not _ON_UKRAINE.search(text):
                    direction = UKRAINE_ON_RUSSIA  # "The second was reportedly shot down over the Istra district"
                verbs = _verbs(clause)
                counted = list(_COUNT.finditer(clause))
                # one weapon counts in an item that counts weapons, or where it is shot down ("a Kh-59 missile was
                # shot down"); "Russia struck Kharkiv with a Kh-35 missile" in an item of one strike counts nothing
                counting = bool(found) or bool(counted) or any(v[2] == DOWNED for v in verbs)
                for m in _ONE_WEAPON.finditer(clause) if counting else ():
                    if (table.named(named_in[m.start("words"):m.end("words")]) is not None or _KIND_WORD.search(
                            m.group("words")) or m.group("words").strip().lower() == "russian" and any(
                            v[2] == DOWNED for v in verbs)) and not any(c.start() <= m.start() < c.end() for c in counted):
                        # "brought down a Russian missile over Kryvyi Rih": one shot down
                        counted.append(m)
                for m in _ONE_DOWNED.finditer(clause) if counting else ():  # "A drone was brought down by air defense"
                    if not any(c.start() <= m.start() < c.end() for c in counted) and not _HAS_DOWNED.search(
                            clause, max(0, m.start() - 40), m.start()):  # not "the third time that a … aircraft has shot
                        # down a drone": a tally
                        counted.append(m)
                for m in _NAMED_COUNT.finditer(clause) if counting else ():  # "seven Kh-101/Kh-555, four Kalibr …"
                    named = table.named(named_in[m.start("words"):m.end("words")])
                    if named is not None and named.kind in table.COUNTED and not any(
                            c.start() <= m.start() < c.end() or m.start() <= c.start() < m.end() for c in counted):
                        counted.append(m)
                for m in _PAIR.finditer(clause) if " and " in clause else ():  # "2 Kh-22 and 2 Kh-59 missiles"
                    if table.named(named_in[m.start("words"):m.end("words")]) is not None and not any(
                            c.start() <= m.start() < c.end() for c in counted):
                        counted.append(m)
                counted.sort(key=lambda c: c.start())
                prior = last
                placed = []  # (start, the weapon counted there)
                previous = None  # (key, end) of the count read last in the clause
                # of one oblast (a breakdown), read once for the clause: "bombers over Saratov Oblast launched …" is from
                regional = bool(counted) and (in_oblast or bool(_OBLAST.search(clause)) and not _NATIONAL.search(
                    clause) and bool(_OBLAST.search(_LAUNCH_SITE.sub("", clause))))
                for m in counted:
                    if m.group("n") is None and _SUBSET_OF.match(m.group("words")):
                        continue  # "1 of the downed drones came down in a yard": a part, no count
                    if start >= 0 and " on " in named_in[m.end():m.end() + 48] and scope.elsewhen(_UNTIL_NEXT.match(
                            named_in, m.end()).group(0)):
                        continue  # "32 drones launched at Ukraine on Oct. 1, 105 on Oct. 2" in an item of Oct. 4
                    kind, weapon = _weapon(named_in[m.start("words"):m.end("noun")], m.group("noun"))
                    last = (kind, weapon, regional, direction)
                    placed.append((m.start(), last))
                    metrics = _metrics_of(clause, m, verbs) or ([whole] if whole and not verbs else [])
                    if metrics in ([], [LAUNCHED], [DOWNED]) and m.group("n") is not None and (
                            metrics != [DOWNED] and _UNDOWNED.match(clause, m.end()) or
                            "un" in lower and _UNDOWNED_BEFORE.search(text, max(0, a + m.start() - 120), a + m.start())):
                        # "Two Iskander ballistic missiles got through without being intercepted": 2 launched, none downed
                        _keep(found, (direction, kind, weapon, LAUNCHED), int(m.group("n") or 1), regional, sentence, start)
                        _keep(found, (direction, kind, weapon, DOWNED), 0, regional, sentence, start)
                        continue
                    here = lead if a == 0 else _OF_THE.match(clause) if "of the " in clause[:12] else None
                    if here is not None and m.start() == here.end():  # "…; of the 17 … drones, 14 were downed"
                        metrics, led = [LAUNCHED], last
                    key = (direction, kind, weapon)
                    for metric in metrics:
                        if m.group("n") is None:  # "17 of the drones", "both missiles": of a count said before
                            both = (m.group("all") or "").lower() == "both"
                            if both or m.group("part"):
                                _keep(found, (*key, metric), 2 if both else int(m.group("part")), regional, sentence,
                                      start)
                            elif m.group("all") and metric == DOWNED and (*key, LAUNCHED) in found:
                                # "and all of the Kh-59 missiles were shot down": as many as were launched
                                _keep(found, (*key, metric), found[(*key, LAUNCHED)].n, regional, sentence, start)
                            continue
                        n = int(m.group("n") or 1)  # "a Kh-59 missile": one
                        if m.group("part"):  # "17 of 22 drones": 17 downed (or lost), 22 launched
                            _keep(found, (*key, metric if metric != LAUNCHED else DOWNED), int(m.group("part")),
                                  regional, sentence, start)
                            _keep(found, (*key, LAUNCHED), n, regional, sentence, start)
                            continue
                        if metric == DOWNED and start >= 0 and _MORE.match(m.group("words")) and not any(
                                k[:2] == key[:2] and c.evidence == sentence for k, c in found.items()):
                            # "The command later said two more drones had been intercepted": more than told before (not
                            # "an Orlan-10 drone, along with two more UAVs": more than the sentence's own)
                            n += sum(c.n for k, c in found.items() if k[:2] == key[:2] and k[3] == DOWNED and
                                     c.evidence != sentence)
                            found[(*key, metric)] = Count(n, False, sentence, start)
                            previous = ((*key, metric), m.end())
                            continue
                        joined = previous is not None and previous[0] == (*key, metric) and weapon is None and \
                            _JOINED.fullmatch(clause, previous[1], m.start()) is not None
                        if joined and found.get((*key, metric)) is not None and found[(*key, metric)].evidence == sentence:
                            found[(*key, metric)].n += n  # "one ballistic missile and seven cruise missiles": 8
                        else:
                            _keep(found, (*key, metric), n, regional, sentence, start)
                        previous = ((*key, metric), m.end())
                        if metric == DOWNED and m.group("all"):  # "shot down all 14 drones": 14 were launched
                            _keep(found, (*key, LAUNCHED), n, regional, sentence, start)
                if last is not None and (" of " in clause or clause[:5].lower().startswith(("both ", "all "))):
                    # "… and air defense destroyed every one of them", "Both were reportedly downed"
                    launched = found.get((last[3], last[0], last[1], LAUNCHED))
                    if launched is not None and _ALL_OF_THEM.search(clause):
                        _keep(found, (last[3], last[0], last[1], DOWNED), launched.n, last[2], sentence, start)
                        # "Russia launched 10 … drones and 10 ballistic missiles overnight, and all of them were shot
                        # down": every class it counted
                        _all_downed(found, sentence, start, lambda key, direction=last[3]: key[0] == direction)
                breakdown = _BREAKDOWN.match(clause) if last is not None and whole else None
                if breakdown:  # "shot down 5 drones over Mykolaiv Oblast, 4 over Odesa Oblast, and 2 over Kherson Oblast"
                    key = (last[3], last[0], last[1], whole)
                    if key in found and found[key].evidence == sentence:
                        found[key].n += int(breakdown.group("n"))
                    continue
                if last is None and (verbs or whole) and " of th" in clause:
                    # "Several waves of Shahed-type drones hit Odesa Oblast overnight; air defenses downed at least 21
                    # of them": of the weapon named without a count just before (in the sentence, else the one before)
                    m = _OF_THEM.search(clause)
                    named = _named_plural(plain[:a + m.start()]) or _named_plural(told) if m else None
                    if named is not None:
                        last = prior = (*named, False, direction)
                if last is not None and (verbs or whole):  # "… and destroyed 15 of them", "brought down all 9"
                    for m in _ELLIPTIC.finditer(clause):
                        if any(c.start() <= m.start() < c.end() for c in counted):
                            continue
                        of = led or next((w for at, w in reversed(placed) if at < m.start()), prior)
                        metric = _metric(m.group(0)) or whole
                        if metric is not None and of is not None:
                            _keep(found, (of[3], *of[:2], metric), int(m.group("n") or m.group("m") or m.group("k") or m.group("j")),
                                  of[2], sentence, start)
            rest = _AND_THE_REST.search(text) if " of the " in text and (" and the " in text or " as well as the " in text) else None
            if rest is not None:  # "… shot down 10 of the drones and the missile": every one of that class launched
                kind = DRONE if rest.group("noun").lower().startswith("drone") else MISSILE
                _all_downed(found, sentence, start, lambda key, kind=kind: key[1] == kind)
    if in_body is not None:
        classes, directions = {key[:2] for key in in_body}, {key[0] for key in in_body}
        found = {**{key: count for key, count in found.items() if key[:2] not in classes and key[0] in directions},
                 **in_body}  # of the body's direction: a title read alone cannot tell Russia's claims apart
    return found, scope, every



_VERB = re.compile(r"\b(?P<lost>stopped\s+tracking|lost\s+track|lost|suppressed|jammed|did\s+not\s+reach|failed\s+to\s+reach|disappeared|redirected|"
                   r"went\s+off\s+radar)\b|\b(?P<down>shot\s+down|shoots\s+down|shooting\s+down|downed|downs|(?<!came\s)(?<!come\s)(?<!comes\s)(?<!coming\s)(?<!turned\s)(?<!turn\s)(?<!turns\s)down|"
                   r"destroyed|destroys|destroying|intercepted|intercepts|intercepting|neutralized|neutralised|repelled|"
                   r"eliminated|brought\s+down|bringing\s+down|taken\s+down|took\s+down)\b|\b(?<!-)(?P<launch>launched|launches|"
                   r"launching|launch|fired|fires|firing|used|using|sent|sends|sending|deployed|dropped|drops|dropping|aimed|attacked|"
                   r"attacking|"
                   r"tracked|detected|recorded|involved|involving|carried\s+out|"
                   r"struck|hit|targeted)\b", re.I)


def _verbs(clause: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, metric, relative) of the verbs of a clause; a verb denied ("without being intercepted") or
    of no count ("a drone hit a house") has metric None; ``relative``: a launch told of a weapon named just
    before ("the 17 drones Russia launched")."""
    lower = clause.lower()
    if not has_any(lower, VERB_HINTS) and not has_any(lower, LAUNCH_HINTS) and not has_any(
            lower, ("attack", "struck", "hit", "target")):
        return []
    out = []
    for m in _VERB.finditer(clause):
        metric = LOST if m.group("lost") else DOWNED if m.group("down") else LAUNCHED
        verb = m.group("launch").lower() if metric == LAUNCHED else ""
        if verb in ("attacked", "attacking", "struck", "hit", "targeted", "carried out") and not _WITH_AFTER.match(
                clause, m.end()) and \
                not _BY_COUNT.match(clause, m.end()) and \
                not _STRUCK_UKRAINE.match(clause, m.end()) and not (
                    verb in ("attacked", "targeted") and _AIMED_AT_PLACE.match(clause, m.end())):
            metric = None  # "struck Kyiv with 10 drones" launches; "a drone struck a house" does not
        if verb in ("sent", "sends", "sending", "delivered") and _TO_TROOPS.match(clause, m.end()):
            metric = None  # "2,000 drones sent to the front lines by Ukrainian government": a delivery, no launch
        before = clause[max(0, m.start() - 24):m.start()]
        if _DENIED.search(before):
            metric = None  # "got through without being intercepted"
        elif metric == DOWNED and m.group("down").lower().startswith("destroy") and (
                _THING_BEFORE.search(before) or _THING_AFTER.match(clause, m.end())):
            metric = None  # "A man was killed, an agricultural enterprise damaged, and a car destroyed when …", "…,
            # shattering windows and destroying cars"
        relative = metric == LAUNCHED and bool(_RELATIVE.search(clause[max(0, m.start() - 60):m.start()]))
        out.append((m.start(), m.end(), metric, relative))
    return out


# what a strike destroys, no weapon: "a car destroyed", "homes were destroyed", "destroying cars"
_DESTROYED_THING = (r"(?:cars?|vehicles?|houses?|homes?|buildings?|enterprises?|facility|facilities|garages?|shops?|stores?|"
                    r"apartments?|trucks?|bus|buses|schools?|warehouses?|structures?|infrastructure|property|outbuildings?)")
_THING_BEFORE = re.compile(r"\b" + _DESTROYED_THING + r"\s+(?:(?:was|were|had\s+been|have\s+been)\s+)?(?:\w+\s+)?$", re.I)
_THING_AFTER = re.compile(r"\s+(?:(?:a|an|the|two|three|several|many|dozens\s+of|\d+)\s+)?(?:[\w-]+\s+)?" + _DESTROYED_THING +
                          r"\b", re.I)
_TO_TROOPS = re.compile(r"\s+to\s+(?:the\s+)?(?:front(?:\s+lines?)?|troops|army|military|soldiers|units|brigades|forces)\b", re.I)
_DENIED = re.compile(r"(?:\bwithout\s+being|\bnot|n't|\bnever|\bno)\s+(?:\w+\s+)?$", re.I)
_RELATIVE = re.compile(r"(?:drones?|missiles?|UAVs?|Shaheds?|vehicles)(?:[^\w,;.]*\s+|,\s+(?=which\s))(?:that\s+|which\s+)?(?:Russia|Russian\s+"
                       r"forces|Russian\s+troops|the\s+enemy|Moscow)?\s*(?:had\s+|has\s+)?$", re.I)


# "more than 20 drones targeted Kharkiv": aimed at a place, launched ("a drone struck a house" is no launch)
_AIMED_AT_PLACE = re.compile(r"\s+(?:(?:the\s+(?:city|town|capital)\s+of\s+)?[A-Z][\w'’-]+|the\s+(?:city|town|capital|region|"
                             r"oblast)\b)")
_STRUCK_UKRAINE = re.compile(r"\s+(?:(?:southern|northern|eastern|western|central)\s+)?Ukraine\b")  # "20 drones struck southern Ukraine"
_BY_COUNT = re.compile(r"\s+by\s+(?:at\s+least\s+|up\s+to\s+|some\s+|about\s+)?(?!1\b)\d")  # "Myrnohrad was struck by four …
# missiles" (not "a building was hit by one missile": one of those launched)
_WITH_AFTER = re.compile(r"(?:[^;.]|\.(?=\s+[\d#])){0,60}?\bwith\b")  # "attacked Ukraine overnight on Jan. 27 with …"


_ONE_WEAPON = re.compile(r"\b(?:an?|one)\s+(?P<n>)(?P<part>)?(?P<all>)?(?P<words>(?:Russian\s+)?[\w#/-]+(?:\s+[\w#/-]+){0,3}?\s+)"
                         r"(?P<noun>missile|drone)\b(?!\s+(?:strikes?|attacks?|debris|fragments|wreckage|threat|alert))", re.I)
# a count of a weapon named without a noun, in a clause that counts: "among them 7 Kh-101/Kh-555, 4 Kalibr missiles and
# 1 Iskander-K"
_NAMED_COUNT = re.compile(r"(?<![:.,])\b(?P<n>\d+)\s+(?P<part>)?(?P<all>)?(?P<words>[A-Z][\w#/-]*(?:[\s/-]+[A-Z\d][\w#/-]*){0,2})(?P<noun>)"
                          r"(?![\w-]|\s+(?:[\w-]+\s+)?(?:drones?|missiles?|UAVs?)\b)")
# "two Kh-22 and two Kh-59 cruise missiles": the first count's noun is the second's
_PAIR = re.compile(r"(?<![:.,])\b(?P<n>\d+)\s+(?P<part>)?(?P<all>)?(?P<words>[\w#/-]+(?:\s+[\w#/-]+)?\s+)and\s+"
                   r"(?=\d+\s+(?:[\w#/()-]+\s+){0,4}?(?P<noun>missiles?|drones?)\b)", re.I)
# "and air defense destroyed every one of them": as many downed as were launched
_ALL_OF_THEM = re.compile(r"\b(?:shot|brought|took)\s+(?:all|every\s+(?:one|1)|each)\s+of\s+(?:them|those)\s+down\b|\b(?:shot\s+down|downed|destroyed|intercepted|neutralized|brought\s+down)\s+(?:all|every\s+(?:one|1)|"
                          r"each)\s+of\s+(?:them|those)\b|\b(?:all|every\s+(?:one|1)|each)\s+of\s+(?:them|those|which)\s+(?:were|was)\s+"
                          r"(?:\w+\s+)?(?:shot\s+down|downed|destroyed|intercepted|neutralized)\b|"
                          # "Both were reportedly downed", "All were shot down": the weapon counted just before
                          r"^(?:Both|All)(?:\s+of\s+them)?\s+(?:were|have\s+been)\s+(?:\w+\s+)?(?:shot\s+down|downed|destroyed|intercepted|"
                          r"neutralized)\b", re.I)
# a clause of a breakdown by region, its weapon and verb those of the clause before ("…, 4 over Odesa Oblast")
_BREAKDOWN = re.compile(r"(?:and\s+)?(?P<n>\d+)\s+(?:over|in|above)\s+(?:the\s+)?(?:[A-Z][\w'-]+\s+){1,2}(?:Oblast|oblast|region)\b"
                        r"[^,;]{0,40}(?:,\s+[^,;]{0,80}?\b(?:said|says|reported|reports|announced|wrote|according\s+to)\b[^,;]{0,60})?$")
# a tally in the present perfect, told of no night or day: "Russian troops have used about 330 Shahed drones"
_TALLY = re.compile(r"\b(?:has|have)\s+(?:already\s+|so\s+far\s+)?(?:used|launched|fired|sent|deployed)\b|"
                    r"\b(?:has|have)\s+been\s+(?:used|launched|fired|deployed)\s+by\b|"  # "Some 400 … drones have been used by
                    # Russia against Ukraine's civilian population"
                    # "Patriot systems have downed 15 Kinzhal missiles so far", "have already shot down 500 drones"
                    r"\b(?:has|have)\s+already\s+(?:shot\s+down|downed|destroyed|intercepted)\b|"
                    r"\b(?:has|have)\s+(?:shot\s+down|downed|destroyed|intercepted)\b[^.;]{0,80}?\b(?:so\s+far|to\s+date)\b", re.I)
_WHEN = re.compile(r"\b(?:overnight|tonight|night|today|this\s+(?:morning|evening|afternoon)|on\s+(?:Jan|Feb|March|April|"
                   r"May|June|July|Aug|Sept?|Oct|Nov|Dec)\w*\.?\s+\d|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                   r"Saturday|Sunday)|in\s+(?:the|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|barrage|assault|wave))\b", re.I)
_MORE = re.compile(r"(?:other\s+)?more\s", re.I)  # "two more drones were shot down": beside those counted before
_ALSO = re.compile(r"\b(?:also|as\s+well|in\s+addition(?!\s+to\s+(?:the\s+)?(?:\d+\s+)?(?:[\w-]+\s+){0,2}?(?:drones|UAVs)\b)|"
                   r"additionally)\b", re.I)  # "7 Kh-59s were also downed": more (not "In addition to the drones, … missiles")
_JOINED = re.compile(r",?\s+and\s+|,\s+")  # two counts of one class side by side: "2 cruise and 3 ballistic missiles"
_KIND_WORD = re.compile(r"\b(?:ballistic|cruise|guided|attack|kamikaze|reconnaissance)\b", re.I)
_SUBSET_OF = re.compile(r"(?:[\w-]+\s+)?(?:downed|destroyed|intercepted|remaining)\b", re.I)
_PASSIVE = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being)\b(?:\s+\w+)?\s*[\"“]?$", re.I)
_BY_RUSSIA = re.compile(r"^\s*(?:,\s*)?(?:that\s+|which\s+)?(?:(?:Russia|Russian\s+forces|Russian\s+troops|the\s+enemy|"
                        r"Moscow|the\s+Russians)\s+(?:had\s+|has\s+)?)?$", re.I)


def _metrics_of(clause: str, m, verbs: list) -> list[str]:
    """What a count counts, by the syntax of its clause: the verb whose subject it is in a passive ("16 drones
    were shot down"), else the verb before it whose object it is ("fired 16 drones", "downed 15 of 17"); and
    launched too where a reduced relative says so ("all 20 drones Russia fired overnight were destroyed",
    "destroyed all 24 drones fired in the attack")."""
    end = m.end()
    later = list(_COUNT_START.finditer(clause, end))
    while later and (_AND.fullmatch(clause, end, later[0].start()) or _OF_TYPES_AND.fullmatch(clause, end, later[0].start())):
        # "six missiles and 16 drones were shot down", "35 missiles of different types and 23 attack drones were tracked"
        end = later.pop(0).end()
    limit = later[0].start() if later else len(clause)
    after = [v for v in verbs if end <= v[0] < limit]
    relative = passive = None
    for start, _end, metric, _rel in after:
        gap = clause[end:start]
        if metric == LAUNCHED and relative is None and _BY_RUSSIA.match(gap):
            # "all 20 drones Russia fired", "the 18 missiles Russia launched": every one launched is counted; "downed
            # four drones that Russia fired" says nothing of how many were fired; "10 of the 11 drones and one missile
            # that Russia launched": the definite reaches the whole list
            relative = LAUNCHED if m.group("all") or _DEFINITE.search(clause, 0, m.start()) else False
            continue
        if metric == LAUNCHED and relative is None and _BY_AFTER.match(clause, _end) and any(
                v[2] == DOWNED for v in after if v[0] > start):
            relative = False  # "52 attack drones, including Shahed-type ones, launched by Russia … were shot down": a
            continue  # reduced relative of the downed, no count of those launched
        if _PASSIVE.search(gap) and len(gap) < 120 and not _PART_OF.search(gap):
            passive = metric
            later_verbs = [v for v in after if v[0] > start]
            if metric == LAUNCHED and later_verbs and later_verbs[0][2] == DOWNED and \
                    _THEN.fullmatch(clause, _end, later_verbs[0][0]):
                passive = DOWNED  # "were detected and shot down"
        break
    before = [v for v in verbs if v[1] <= m.start() and not v[3]]
    main = passive or (before[-1][2] if before else None)
    if main is None:
        found = [relative] if relative else [after[0][2]] if after and after[0][2] else []
    else:
        found = [main, relative] if relative and relative != main else [main]
    if DOWNED in found and passive == DOWNED and _FRACTION.search(clause, max(0, m.start() - 90), m.start()):
        found.remove(DOWNED)  # "More than half of the 84 Russian missiles and the 24 drones … were brought down": a part
        # (not "Some of the 11 Shahed-type drones downed overnight were destroyed over Khmelnytskyi Oblast": 11 downed)
    if m.group("all") and later and DOWNED not in found and _ALONG_WITH.search(clause, end, later[0].start()):
        # "All 89 drones Russia launched in the attack, along with one Kh-59 missile, were shot down": all of them ("All 18
        # Russian missiles launched at Ukraine overnight, including six Kinzhal ballistic missiles, were downed")
        verb = next((v for v in verbs if v[0] >= later[0].end()), None)
        if verb is not None and verb[2] == DOWNED and _PASSIVE.search(clause, later[0].end(), verb[0]) and \
                verb[0] - later[0].end() < 60:
            found.append(DOWNED)
    return found


_FRACTION = re.compile(r"\b(?:half|most|some|part|a\s+third|two[\s-]+thirds|(?:the\s+)?majority)\s+of\s+(?:the\s+)?(?:\d+\s+"
                       r"(?:[\w/-]+\s+){0,4}?(?:missiles|drones)\s+and\s+(?:the\s+)?)?$", re.I)
_ALONG_WITH = re.compile(r",\s+(?:(?:along|together)\s+with|including|as\s+well\s+as)\s+$", re.I)


_OF_THE = re.compile(r"(?:[Oo]f|[Oo]ut\s+of)\s+(?:the\s+)?(?:(?:about|nearly|over|some)\s+)?(?=\d+\s)")
# a class said to be shot down in full, without a number: "every missile", "every one of the missiles", "all the drones"
_EVERY = re.compile(r"\b(?:every|each)\s+(?:(?:one|single)\s+of\s+the\s+)?(?:\w+\s+)?(?P<noun>missile|drone)s?\b|"
                    r"\ball\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?P<nouns>missiles|drones)\b", re.I)
_LOCAL = re.compile(r"\b(?:capital|city|Oblast|oblast|region)\b")  # "all of the drones sent against the capital": a part
_UNDOWNED = re.compile(r"[^;]{0,60}?\b(?:got\s+through|(?:were|was)\s+not\s+(?:shot\s+down|intercepted|downed)|"
                       r"could\s+not\s+be\s+(?:shot\s+down|intercepted|downed)|without\s+being\s+(?:shot\s+down|intercepted))\b",
                       re.I)
# "The Air Force was unable to intercept the remaining aerial target, a single Iskander-M ballistic missile": none downed
_UNDOWNED_BEFORE = re.compile(r"\b(?:was|were)\s+unable\s+to\s+(?:intercept|shoot\s+down|down|destroy)\s+[^.;]{0,80}$", re.I)
_UNTIL_NEXT = re.compile(r"[^,;]{0,48}\d*")  # what follows a count up to the next one (a date whole: "on Dec. 14")
_LOCAL_TOLL_TITLE = re.compile(r"\b(?:kill(?:s|ed|ing)?|injur(?:es|ed|ing)|wound(?:s|ed|ing)?|hurt)\b", re.I)
_AIR_TITLE_WORDS = ("drone", "missile", "air force", "air defense", "shahed", "air attack", "shot down", "downs",
                    "downed", "intercept", "massive", "mass attack", "large-scale", "ukraine", "nationwide", "past day",
                    "past 24", "oblasts", "regions", "cities")
_NATIONWIDE = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:Ukraine|the\s+country)\b|\bnationwide\b|"
                         r"\b(?:large-scale|massive|mass|combined)\s+(?:missile\s+and\s+drone\s+|drone\s+and\s+missile\s+|"
                         r"missile\s+|drone\s+|air\s+)?(?:attack|strike|assault)(?:,\s+[^,;]{1,60},)?\s+(?:on|against|across)\s+(?!(?:the\s+)?"
                         r"(?:city|town|village)\b)", re.I)
_THAT = re.compile(r"(?:That|The\s+same)\s+(?:night|day|evening|morning|attack)\b|(?:In|During)\s+that\s+(?:attack|strike|night)\b")
# "… said more than 10 drones were downed in that attack" after a sentence of another night: that night's
_IN_THAT = re.compile(r"\b(?:in|during|of)\s+that\s+(?:attack|strike|assault|night)\b|\bthat\s+(?:day|night)\s*[.,;]")
_OF_TYPES_AND = re.compile(r"\s+of\s+(?:different|various|several|all)\s+(?:types|kinds)\s*(?:,\s*)?and\s+(?:the\s+)?")
_AND = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?|\s*,\s*")
_THEN = re.compile(r"\s*(?:,\s*)?and\s+(?:then\s+)?")
_DEFINITE = re.compile(r"\bthe\s+$|\b\d+\s+(?:out\s+)?of\s+the\s", re.I)
_BY_AFTER = re.compile(r"\s+by\s+(?:Russia|Russian\s+forces|Russian\s+troops|the\s+Russian\s+military|the\s+enemy|Moscow)\b")
_PART_OF = re.compile(r"\b(?:of\s+which|of\s+them|of\s+those|most|some|several|many|half|majority|thirds?)\b", re.I)
_COUNT_START = re.compile(r"\b\d+\s+(?:[\w#/\"-]+\s+){0,4}?(?:drones?|UAVs?|missiles?)\b", re.I)


def _all_downed(found: dict, sentence: str, start: int, of) -> None:
    """Every count launched that ``sentence`` told, of a key ``of`` takes and not yet told downed: all of it downed."""
    for key, count in list(found.items()):
        if key[3] == LAUNCHED and count.evidence == sentence and of(key) and (*key[:3], DOWNED) not in found:
            _keep(found, (*key[:3], DOWNED), count.n, count.regional, sentence, start)


def _keep(found: dict, key: Key, n: int, regional: bool, evidence: str, start: int) -> None:
    """The first count of ``key``; a count of the whole attack replaces one of a region read before it ("18 of 23
    over Kyiv", then "the Air Force said it shot down 30")."""
    if key not in found or (found[key].regional and not regional):
        found[key] = Count(n, regional, evidence, start)


def air_attacks(title: str | None, body: str | None, published_at: str | None = None,
                split: list | None = None) -> list[dict]:
    """The rows of ``air_attacks`` for one article version (without ``article_url`` and ``version``); ``split``:
    the body's sentences, when the caller has them already."""
    found, scope, every = counts(title, body, split, published_at)
    if not found:
        return []
    national = {key for key, count in found.items() if not count.regional}
    national_classes = {(key[0], key[1]) for key in national}
    rows: dict[tuple[str, str, str | None], dict] = {}
    for (direction, kind, weapon, metric), count in found.items():
        if count.regional and (any(k[0] == direction and k[1] == kind and k[3] == metric for k in national) or (
                metric == LAUNCHED and (direction, kind) in national_classes)):
            continue  # a breakdown of a count the article states for the whole attack ("18 of 23 over Kyiv")
        row = rows.setdefault((direction, kind, weapon), {
            "direction": direction, "weapon_class": kind, "weapon": weapon, LAUNCHED: None, DOWNED: None, LOST: None,
            "evidence": count.evidence, "evidence_start": count.start})
        row[metric] = (row[metric] or 0) + count.n if count.regional else count.n
    for (direction, kind, weapon), row in list(rows.items()):  # decoys count only where the text downs them
        if weapon == "decoy" and row[DOWNED] is None:
            del rows[(direction, kind, weapon)]
    for (direction, kind, weapon), row in rows.items():  # "14 of 17 Shaheds launched, as well as 2 Kh-59s [downed]"
        if weapon is not None and row[LAUNCHED] is None and row[DOWNED] is not None and any(
                r[LAUNCHED] is not None for (d, k, _), r in rows.items() if d == direction and (
                    k == kind or r["evidence_start"] == row["evidence_start"])):
            row[LAUNCHED] = row[DOWNED]  # a weapon shot down was launched: launches counted beside it count it
    for (direction, kind, weapon), row in list(rows.items()):  # a class total beside its parts: what they leave
        if weapon is not None:
            continue
        named = [r for (d, k, w), r in rows.items() if d == direction and k == kind and w is not None]
        parts = [r for r in named if not (r["evidence_start"] > row["evidence_start"] and _ALSO.search(
            r["evidence"] or ""))]  # told after it with "also": more, unless with them the parts make the total
        if len(parts) < len(named) and any(row[m] is not None and row[m] == sum(r[m] or 0 for r in named)
                                           for m in (LAUNCHED, DOWNED)):
            parts = named  # "10 Kh-101s …. Russia also fired four Kalibrs and two Iskander-Ks": 16 in all
        one_more = False
        for metric in (LAUNCHED, DOWNED, LOST):
            if row[metric] is None:
                continue
            named = sum(r[metric] or 0 for r in parts)
            if named and any(r[metric] is not None for r in parts):
                beside = any(r["evidence_start"] == row["evidence_start"] and r[metric] is not None for r in parts)
                if row[metric] > named:
                    row[metric] -= named
                elif not (beside and row[metric] < named):  # "12 Shaheds and 1 drone of an unknown type": one more
                    row[metric] = None
                elif metric == DOWNED:
                    one_more = True
        if all(row[m] is None for m in (LAUNCHED, DOWNED, LOST)):
            del rows[(direction, kind, weapon)]
        elif one_more and row[LAUNCHED] is None and any(r[LAUNCHED] is not None for r in parts):
            row[LAUNCHED] = row[DOWNED]  # "12 Shaheds and one drone of an unknown type" downed: 13 were launched
    for direction, kind in every:  # "every missile Russia fired was shot down": as many downed as launched
        of_class = [r for (d, k, _), r in rows.items() if d == direction and k == kind]
        launched = [r[LAUNCHED] for r in of_class if r[LAUNCHED] is not None]
        downed = [r[DOWNED] for r in of_class if r[DOWNED] is not None]
        if launched and not downed:
            for row in of_class:
                row[DOWNED] = row[LAUNCHED]
        elif downed and not launched:
            for row in of_class:
                row[LAUNCHED] = row[DOWNED]
    when = night_of(body, title, published_at, scope)
    night = when.isoformat() if when else None
    return [{**row, "night_of": night} for _, row in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1],
                                                                                          kv[0][2] or ""))]


# the patterns most sentences meet, searched the quick way for the same matches (kyivind/figures/text.py, ``Quick``:
# not where the words every match holds are missing; a case-blind one in the sentence's lower case)
_VERB, _COUNT, _ELLIPTIC, _ON_RUSSIA, _DENIED, _RUSSIAN_OFFICIAL, _NIGHT, _ONE_WEAPON = (Quick(pattern) for pattern in (
    _VERB, _COUNT, _ELLIPTIC, _ON_RUSSIA, _DENIED, _RUSSIAN_OFFICIAL, _NIGHT, _ONE_WEAPON))
