"""Extraction layers, in the order they are asked. Each reads a ``Page`` and gives the fields it found
(missing ones None); a later layer only fills what the earlier ones left empty.

A layer is asked field by field (``Found``): a field an earlier layer already gave is never read from a
later one, so the page structure and the class names are read only for what the embedded data lacks.
``parse(page)`` of each layer reads every field at once (what the tests of a single layer ask).
"""

from __future__ import annotations

from kyivind.extraction.layers import jsonld, meta, nextdata, structure, theme


class Found:
    """What one layer found on one page, each field read when first asked and kept."""

    __slots__ = ("name", "_read", "_values")

    def __init__(self, name: str, read):
        self.name = name
        self._read = read  # key -> value (None: not found)
        self._values: dict = {}

    def get(self, key: str):
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = self._read(key)
            return value


def _eager(module):
    def found(page):
        values = module.parse(page)
        return values.get
    return found


def _lazy(module):
    def found(page):
        context = module.context(page)
        parsers = module.PARSERS

        def read(key):
            parser = parsers.get(key)
            return parser(context) if parser is not None and context is not None else None
        return read
    return found


# the embedded data is read whole (one JSON document each, cheap); meta, structure and class names by field
LAYERS = (
    ("nextdata", _eager(nextdata)),
    ("jsonld", _eager(jsonld)),
    ("meta", _lazy(meta)),
    ("structure", _lazy(structure)),
    ("theme", _lazy(theme)),
)

LAYER_MODULES = {"nextdata": nextdata, "jsonld": jsonld, "meta": meta, "structure": structure, "theme": theme}


def layers_of(page) -> list[Found]:
    return [Found(name, reader(page)) for name, reader in LAYERS]
