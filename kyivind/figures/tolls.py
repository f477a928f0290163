"""The toll an article reports: killed and injured, in all and by region and place (docs/analysing.md,
"The toll and the air attacks"), made of its casualty statements (kyivind/figures/statements.py).

The total is the body's: the last revised figure, else in a roundup of several regions its opening figure
(or the sum of its regions where the opening states none), else the first figure stated. The title counts only
where the body states no figure; the slug never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kyivind.figures.air import russian_side
from kyivind.figures.statements import INJURED, KILLED, Mention, read, small_place, title_figures, where
from kyivind.figures.text import MAX_CHARS, has_any, sentences

# a title of a report of the night's air attack on the whole country ("Air Force: Ukraine downs 25 of 29 drones")
AIR_REPORT = ("air force", "downs ", "downed", "shot down", "shoots down", "shooting down", "intercept", "air defense",
              "brings down", "brought down")
DESTROYED = ("destroys", "destroyed")  # of an air report only beside a weapon: "Air defense destroys 10 drones", not
# "Clinic destroyed, power cut as Russia shells Kharkiv Oblast village"
DEBRIS = ("debris", "wreckage", "fragment")  # "Debris of downed drone hits home in Poltava Oblast": one place's report
_AT_UKRAINE = re.compile(r"\b(?:attacks?|strikes?|on|against|across|over|at)\s+Ukraine\b")  # a title of an attack on the country
AIR_WORDS = ("drone", "missile", "air force", "air defense", "shahed", "air attack")  # a title of an air report


@dataclass
class Toll:
    killed: int | None = None
    injured: int | None = None
    killed_at_least: int = 0
    injured_at_least: int = 0
    children_killed: int | None = None
    children_injured: int | None = None
    evidence: str | None = None  # the sentence the figure was read from (the first, for a sum)
    evidence_start: int | None = None  # where it starts in the body (-1: the title)
    day: str | None = None  # the attack's day, where the text names it

    def cite(self, mention) -> None:
        if self.evidence is None and mention is not None:
            self.evidence, self.evidence_start = mention.evidence or None, mention.start
            self.day = mention.day.isoformat() if mention.day else None

    def set(self, kind: str, n: int | None, at_least: bool = False) -> None:
        setattr(self, kind, n)
        setattr(self, f"{kind}_at_least", int(bool(at_least)) if n is not None else 0)

    def borrow(self, other: Toll) -> None:
        """The evidence and day of ``other``, where this toll has none yet (a sum cites its first part)."""
        if self.evidence is None:
            self.evidence, self.evidence_start, self.day = other.evidence, other.evidence_start, other.day

    def add(self, kind: str, n: int, at_least: bool = False) -> None:
        setattr(self, kind, (getattr(self, kind) or 0) + n)
        if at_least:
            setattr(self, f"{kind}_at_least", 1)

    def add_all(self, others, kinds=(KILLED, INJURED)) -> Toll:
        """Add the figures of ``others`` (those they state) to the ``kinds`` of this toll; this toll."""
        for other in others:
            for kind in kinds:
                if getattr(other, kind) is not None:
                    self.add(kind, getattr(other, kind), bool(getattr(other, f"{kind}_at_least")))
                    self.borrow(other)
        return self

    @property
    def stated(self) -> bool:
        return self.killed is not None or self.injured is not None



def _first(mentions: list[Mention], kind: str) -> Mention | None:
    """The figure of ``kind``: the first stated, unless a revised toll is higher (a toll only rises: "the death
    toll later rose to 7"; an account of the first reports, "initially said 1 was killed", is no revision)."""
    first = next((m for m in mentions if m.kind == kind and not m.revised), None)
    if first is not None:  # "injured a man on May 27 and a man on May 28", "wounded another, and injured 5 more"
        same = [m for m in mentions if m.kind == kind and not m.revised and m.sentence == first.sentence]
        added = [m for m in same[1:] if m.n == 1 and first.n == 1 or m.more] + [
            m for m in mentions if m.kind == kind and m.elsewhere and m.sentence > first.sentence]
        if added:
            first = Mention(kind, first.n + sum(m.n for m in added), first.at_least, first.sentence,
                            region=first.region, place=first.place, evidence=first.evidence, start=first.start,
                            day=first.day)
    revised = [m for m in mentions if m.kind == kind and m.revised]
    if revised:
        best = max(revised, key=lambda m: m.n)
        if first is None or best.n >= first.n:
            return best
    return first


_SEVERAL_TITLE = re.compile(r"\b(?:attacks|strikes|shelling|oblast|region|communities|settlements|villages|towns|"
                            r"and)\b", re.I)


def _names(title: str | None, place: str) -> bool:
    """Whether ``title`` names ``place`` (its first word, as "Kherson" names "Kherson")."""
    return bool(title) and re.search(r"\b" + re.escape(place.split()[0]) + r"\b", title) is not None


_TITLE_RISE = re.compile(r"\b(?:rises|rose|climbs|climbed|grows|grew|jumps|jumped|reaches|reached)\s+to\b", re.I)
# a title of a toll revised: a later sentence of the item may tell the same attack's earlier figures
_UPDATE_TITLE = re.compile(r"\b(?:update|updated|rises|rose|risen|climbs|climbed|grows|grew|reaches|jumps|toll)\b", re.I)


def _one_attack(mentions: list[Mention]) -> list[Mention]:
    """The mentions of one strike's item without those of a later sentence that tells a figure of a kind the item has
    told already, otherwise, and not as a revision or an addition ("a Russian attack on an evacuation boat had killed 3
    civilians and injured 23" after "search teams found the body of a man": another attack's, its injured too)."""
    if any(m.revised for m in mentions):
        return mentions  # an update: a later sentence tells the first reports of the same attack
    told: dict[str, tuple[int, int]] = {}  # kind -> (its first figure, the sentence it is told in)
    other: set[int] = set()
    for m in mentions:
        if m.more or m.elsewhere or m.hospital:
            continue
        first = told.setdefault(m.kind, (m.n, m.sentence))
        if m.sentence > first[1] and m.n != first[0]:
            other.add(m.sentence)
    return [m for m in mentions if m.sentence not in other] if other else mentions


def _of(mentions: list[Mention]) -> Toll:
    toll = Toll()
    for kind in (KILLED, INJURED):
        chosen = _first(mentions, kind)
        if chosen is not None:
            toll.set(kind, chosen.n, chosen.at_least)
            toll.cite(chosen)
            setattr(toll, f"children_{kind}", chosen.children)
    return toll


_ACROSS_UKRAINE = re.compile(r"\bacross\s+(?:Ukraine|the\s+country)\b|\bnationwide\b", re.I)
# "Moscow's forces struck the region a second time, … injuring two of them": another strike on the oblast, added
_AGAIN = re.compile(r"\b(?:again|a\s+second\s+time|(?:in\s+)?a\s+separate\s+(?:attack|strike)|(?:in\s+)?other\s+(?:attacks|strikes)\s+"
                    r"(?:on|in|against)\b)", re.I)  # "Two people were killed and two more injured in other attacks on
# Zaporizhzhia Oblast": more of the oblast's
_ELSEWHERE_IN = re.compile(r"\b(?:elsewhere|other\s+parts|another\s+part|other\s+(?:districts|communities|areas|towns|"
                           r"villages|settlements))\b", re.I)  # "In other parts of the region, … injured a man and a woman"
_ALSO_HIT = re.compile(r"\balso\s+(?:hit|struck|attacked|shelled|targeted)\b", re.I)  # "Russian forces also hit Kupiansk, …"


def _regional(mentions: list[Mention]) -> tuple[dict[str, Toll], dict[tuple[str, str], Toll]]:
    """Per region and per (region, place): the figure stated of the place (the region's own, else the sum of its
    places')."""
    places: dict[tuple[str, str], Toll] = {}
    own: dict[str, list[Mention]] = {}
    by_place: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        if m.region is None:
            continue
        if m.place:
            by_place.setdefault((m.region, m.place), []).append(m)
        else:
            own.setdefault(m.region, []).append(m)
    for key, stated in by_place.items():
        places[key] = _of(stated)
    regions: dict[str, Toll] = {}
    for code in sorted({*own, *(r for r, _ in by_place)}):  # in order: the evidence of a sum is its first part
        at_places = [m for (region, _), stated in by_place.items() if region == code for m in stated]
        first = min((m.sentence for m in own.get(code, [])), default=None)  # where the oblast's own figure is told
        extra = [m for m in own.get(code, []) if (m.more or _AGAIN.search(m.evidence or "")) and (m.sentence != first or any(
            p.sentence <= m.sentence for p in at_places))]  # "Another four residents of the oblast were wounded"
        # a lead that tells several oblasts' figures is told again place by place: "also struck … Vovchansk, killing a
        # man" after "shelling of Kherson Oblast injured one, and an attack on Kharkiv Oblast killed one man" is that man
        lead = first is not None and len({m.region for m in mentions if m.sentence == first and m.region}) > 1
        if first is not None and not lead:  # "a 62-year-old woman was also killed in Darivka", after the oblast's figure
            extra += [m for m in at_places if not m.revised and m.sentence > first and _ALSO_HIT.search(m.evidence)]
            extra += [m for m in at_places if m.more and not m.revised and m.sentence > first and m not in extra and not any(
                p is not m and p.sentence == m.sentence and p.place == m.place and not p.more
                for p in at_places)]  # not "three police officers and two civilians", "a man was killed …, and a woman
            # was also injured": one statement of the place
        toll = _of([m for m in own.get(code, []) if m not in extra])
        ours = [place for (region, _), place in places.items() if region == code]
        summed = Toll().add_all(ours)
        from_parts = set()  # the kinds whose figure is the places' sum: a place's "another" is in it already
        for kind in (KILLED, INJURED):
            stated, parts = getattr(toll, kind), getattr(summed, kind)
            if stated is None and parts is not None:
                from_parts.add(kind)
            if stated is None or (parts is not None and parts > stated):
                # the places' sum, or the oblast's own figure "elsewhere in the oblast" beside its places'
                stated_ones = [m for m in own.get(code, []) if m.kind == kind and m not in extra and not (
                    m.n <= parts and any(p.kind == kind for p in at_places) and all(
                        p.sentence < m.sentence for p in at_places if p.kind == kind) and not _ELSEWHERE_IN.search(
                        m.evidence or ""))]  # "… Velyka Rohan, injuring
                # four civilians. The governor said three women … were lightly injured": told after the places, no more
                # than they hold, and not said to be more: of them
                toll.set(kind, (parts or 0) + sum(m.n for m in stated_ones) if stated is not None else parts,
                         bool(getattr(summed, f"{kind}_at_least")))
                toll.borrow(summed)
        for kind in (KILLED, INJURED):  # "10 more people were injured in Kurakhove and Druzhba": added
            more = sum(m.n for m in extra if m.kind == kind and not (kind in from_parts and m.place))
            if more:
                toll.set(kind, (getattr(toll, kind) or 0) + more, bool(getattr(toll, f"{kind}_at_least")))
                toll.borrow(summed)
        regions[code] = toll
    return regions, places


def _named_regions(title: str | None, body: str | None) -> set[str]:
    """The regions an article names by name ("Sumy Oblast"), not through a settlement."""
    from kyivind.places.matcher import match

    return {code for p in match(title, body).places if p.kind == "region" for code in p.regions}


def _title_oblast(title: str) -> str:
    """The one region a title names, by name and by every place of it ("… attack on Kharkiv Oblast village"), else ""."""
    regions = where(title, {})[2]
    return next(iter(regions)) if len(regions) == 1 and regions <= _named_regions(title, None) else ""


def _up_to(body: str | None, evidence: tuple[str, int] | None) -> str | None:
    """The body up to the end of a sentence of it (sentence, where it starts)."""
    if not body or evidence is None or evidence[1] < 0:
        return None
    return body[:evidence[1] + len(evidence[0])]


def _air_report_title(lower: str) -> bool:
    """Whether a title (in lower case) tells of weapons shot down."""
    return has_any(lower, AIR_REPORT) or has_any(lower, DESTROYED) and has_any(lower, AIR_WORDS + ("target", "uav"))


def _none(total: Toll, reading) -> None:
    """"No casualties were reported" of the attack: 0 for each kind the text gives no figure of."""
    for kind in (KILLED, INJURED):
        if getattr(total, kind) is None and reading.none.get(kind):
            total.set(kind, 0)
            if total.evidence is None and reading.none_evidence:
                total.evidence, total.evidence_start = reading.none_evidence


_ALTOGETHER = re.compile(r"\b(?:altogether|in\s+total|in\s+all|overall|across\s+(?:Ukraine|the\s+country)|nationwide)\b", re.I)


def _altogether(total: Toll, mentions: list[Mention]) -> None:
    """A later sentence that totals the attack ("Altogether, at least 26 people were injured across Ukraine"):
    its figure, where it is above the one read so far."""
    for m in mentions:
        if m.region is None and not m.revised and m.n > (getattr(total, m.kind) or 0) and \
                _ALTOGETHER.search(m.evidence or ""):
            total.set(m.kind, m.n, m.at_least)


def _titled(total: Toll, mentions: list[Mention], said: dict[str, int]) -> None:
    """The title's figures (``said``) where the body's do not give them: two attacks the title totals ("2 injured":
    a man in Kherson in the morning, a woman in a village later that day), the body's statements of that kind
    adding up to it; a kind the body never states ("2 killed, 7 wounded", the body telling only of the dead)."""
    for kind, want in said.items():
        stated = [m for m in mentions if m.kind == kind and not m.revised]
        first = getattr(total, kind)
        if first is None and not any(m.kind == kind for m in mentions):
            total.set(kind, want)
        elif len(stated) >= 2 and first is not None and not any(m.revised for m in mentions if m.kind == kind) and \
                want > first and sum(m.n for m in stated) == want:
            total.set(kind, want, bool(getattr(total, f"{kind}_at_least")))


def tolls(title: str | None, body: str | None, published_at: str | None = None, split: list | None = None
          ) -> list[dict]:
    """The rows of ``tolls`` for one article version (without ``article_url`` and ``version``): the total, one
    row per region with a figure, one per settlement or district with a figure. ``split``: the body's sentences,
    when the caller has them already."""
    reading = read(title, body, published_at, split)
    title_lower = (title or "").lower()  # read by the tests of the title below
    # a toll in Russia ("drone attacks on Shebekino in Russia's Belgorod Oblast injured one, Governor Gladkov
    # claimed") is no toll of an attack on Ukraine
    mentions = [m for m in reading.mentions if not (m.region or "").startswith("RU-")]
    opening_regions = {m.region for m in mentions if m.sentence == reading.opening}
    if not reading.roundup_cue and not has_any(title_lower, AIR_WORDS) and opening_regions - {None}:
        # an item of one strike: a later statement in another oblast is another attack's ("3 people were killed in
        # a missile strike on Zaporizhzhia on April 8", in an item on Poltava Oblast)
        mentions = [m for m in mentions if m.sentence == reading.opening or m.region in opening_regions or (
            m.region is None and not _ACROSS_UKRAINE.search(m.evidence))]  # nor "attacks across Ukraine, which also
        # killed two people in Lviv", in an item on Donetsk Oblast
        opening_places = {m.place for m in mentions if m.sentence == reading.opening}
        if len(opening_places) == 1 and None not in opening_places and not _SEVERAL_TITLE.search(title or "") and \
                _names(title, next(iter(opening_places))):
            # an item of one strike on the place its title and lead name: a later statement of another place is another
            # attack's ("an 83-year-old woman had been killed in an overnight attack on the village of Lvove", in an
            # item of a strike on Kherson)
            mentions = [m for m in mentions if m.sentence == reading.opening or m.place is None or m.place in
                        opening_places]
    opening = [m for m in mentions if m.sentence == reading.opening]
    cue = reading.roundup_cue and not (len(opening_regions) == 1 and None not in opening_regions) and not (
        len(opening_regions) > 1 and all(m.region for m in opening))  # "killing 2 in Odesa and injuring 3 in Kharkiv Oblast"
    regions, places = _regional([m for m in mentions if m.sentence != reading.opening] if cue else mentions)
    villages = bool(regions) and all(m.place is not None and small_place(m.place) for m in mentions
                                     if m.region is not None)
    named = {code for code in _named_regions(title, body) if not code.startswith("RU-")} if not cue and (
        len(regions) > 1 or villages) else set()  # not "Sumy Oblast borders Russia's Bryansk, Kursk and Belgorod oblasts"
    if len(named) == 1 and (len(regions) > 1 or not named & set(regions)):
        # one attack's item read in two regions, or only in villages of a region it never names ("Khotin" in an item
        # on Sumy Oblast): a namesake village of another oblast
        for m in mentions:
            if m.region is not None and m.region not in named:
                m.region, m.place = next(iter(named)), None
        regions, places = _regional(mentions)
    roundup = cue or len(regions) > 1
    if roundup:
        opening = [m for m in mentions if m.sentence == reading.opening]
        ceiling = {m.kind: m.n for m in opening if m.region is None}
        if any(m.n > ceiling.get(m.kind, m.n) for m in mentions):  # more than the day's total: another attack's
            mentions = [m for m in mentions if m.n <= ceiling.get(m.kind, m.n) or m.revised]
            regions, places = _regional([m for m in mentions if m.sentence != reading.opening] if cue else mentions)
        total = _of([m for m in opening if m.region is None or cue] or [])
        later = [m for m in mentions if m.revised]
        for kind in (KILLED, INJURED):
            revised = _first(later, kind)
            if revised is not None:
                total.set(kind, revised.n, revised.at_least)
                total.evidence = None
                total.cite(revised)
            if getattr(total, kind) is None:
                total.add_all(regions.values(), (kind,))
    else:
        total = _of(mentions if _UPDATE_TITLE.search(title or "") else _one_attack(mentions))
        said = title_figures(title) if total.stated else {}  # read once: each use below needs a figure of the body
        _titled(total, mentions, said)
        if said and _TITLE_RISE.search(title or ""):
            for kind, want in said.items():  # "Number killed in Russian attack on Vinnytsia rises to 25" over "a woman
                first = getattr(total, kind)  # had died in hospital": the title's revised toll, the body one more dead
                if first is not None and want > first and not any(m.revised and m.kind == kind for m in mentions):
                    total.set(kind, want)
        _none(total, reading)
        if len(places) > 1 and all(m.place for m in mentions if not m.revised):
            # "killed two in Pokrovsk and one in Kramatorsk": attacks on several places of one region, summed,
            # unless the title states the first place's figures ("Russian strike on Kherson injures 2", with a
            # drone attack on Beryslav told after it)
            summed = Toll().add_all(places.values())
            if not (said and all(getattr(total, k) == n for k, n in said.items())
                    and any(getattr(summed, k) != n for k, n in said.items())):
                total = summed
        if not regions and total.stated and (reading.lead or title or reading.none_evidence) and not (
                reading.lead and _ACROSS_UKRAINE.search(reading.lead)):  # "strikes … across Ukraine": of no one place
            # the place the opening, else the title, else (an item of no figure) the body up to its "no casualties"
            # names
            lead = reading.lead or title or ""
            body_lead = lead[len(title):] if title and lead.startswith(title) else lead
            air_report = has_any(title_lower, AIR_WORDS) and (
                _air_report_title(title_lower) or _AT_UKRAINE.search(title or "") or
                "air force" in (_up_to(body, reading.none_evidence) or body or "")[:MAX_CHARS].lower())
            texts = (body_lead, lead) if reading.lead else (lead,) if air_report else (
                lead, _up_to(body, reading.none_evidence) or "")  # not an air report's "no casualties": of no oblast
            if air_report and reading.opening:  # an air report's lead names the night's many places: the toll's own
                # sentence and the one before it name its place ("… landed on homes in the Brovary district of Kyiv
                # Oblast. Rescuers … found the bodies of a 35-year-old man and his 4-year-old son")
                told = sentences(body) if split is None else split
                texts = (" ".join(t for _, t, _ in told[max(0, reading.opening - 1):reading.opening + 1]), *texts)
            # (a title of drones that strike sites, "4 Russian drones strike civilian sites", is of the place its body
            # names)
            titled = None  # the one oblast the title names by name and by every place of it (read when first asked)
            for text in texts:
                region, place, named = where(text, {})
                ukraine = {code for code in named if not code.startswith("RU-")}
                if region is None and len(ukraine) == 1 and len(named) > 1:
                    region = next(iter(ukraine))  # "launched from Kursk Oblast and Primorsko-Akhtarsk in Krasnodar Krai
                    # … Kyiv was the main focus of the attack": Russia's launch sites are no place of its toll
                if region is not None and len(named) > 1 and title:
                    titled = _title_oblast(title) if titled is None else titled
                if titled and region != titled and titled in named:
                    # "Hroza in Kharkiv Oblast", a village the gazetteer lacks, then "first buried in Dnipro", under a
                    # title of a Kharkiv Oblast village: the oblast both name
                    region, place = titled, None
                elif len(named) > 1 and total.killed == 0 and total.injured == 0:
                    region = place = None  # "no casualties" of a drone attack on Kyiv and Poltava Oblast: of neither
                elif region is None:  # "attacked Bila Tserkva, south of Kyiv, …" under a title of Kyiv Oblast: the oblast
                    named = _named_regions(None, text) & _named_regions(title, None)
                    region, place = (next(iter(named)), None) if len(named) == 1 else (None, None)
                if region is not None:
                    break
            if region is not None:
                regions[region] = Toll()
                if place is not None:
                    places[(region, place)] = Toll(**total.__dict__)
        _altogether(total, mentions)
        if len(regions) == 1:  # one attack: its region's figures are the article's ("In total, nine were injured" too)
            code = next(iter(regions))
            regions[code] = Toll(**total.__dict__)
    if roundup:
        _altogether(total, mentions)
    _none(total, reading)
    if roundup is False and total.killed == 0 and total.injured == 0 and (
            _air_report_title(title_lower) and not has_any(title_lower, DEBRIS) or
            _AT_UKRAINE.search(title or "")):
        # "no casualties" in a report of the night's air attack on the country is of no one oblast; a report of one
        # place ("Russia shells 9 communities in Sumy Oblast", "a missile strike hit Zaporizhzhia") gives its oblast 0 and 0
        regions, places = {}, {}
    if regions and all(code.startswith("RU-") for code in regions) or not mentions and russian_side(title):
        # figures the item places only in Russia ("Two people were reportedly injured" in an item of drones over the
        # Moscow region) are of no attack on Ukraine
        # "Governor says 3 drones downed over Belgorod Oblast … no casualties", "The ministry reported no damage or
        # casualties" of a strike on Russia's Tuapse: Russia's, not an attack's toll
        return []
    day = reading.day.isoformat() if reading.day else None
    for toll in (total, *regions.values(), *places.values()):
        toll.day = toll.day or day
    rows = []
    if total.stated:
        rows.append({"scope": "total", "region_code": None, "place": None, **total.__dict__})
    for code, toll in sorted(regions.items()):
        if toll.stated:
            rows.append({"scope": "region", "region_code": code, "place": None, **toll.__dict__})
    for (code, name), toll in sorted(places.items()):
        if toll.stated:
            rows.append({"scope": "place", "region_code": code, "place": name, **toll.__dict__})
    return rows
