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
        values = self._values
        if key in values:  # most keys are asked once: a KeyError raised and caught for each costs more
            return values[key]
        value = values[key] = self._read(key)
        return value


def _whole(module, page):
    """A layer read at once (``parse``): the embedded data, one JSON document each, cheap."""
    return module.parse(page).get


def _by_field(module, page):
    """A layer read field by field (``PARSERS`` over its ``context``): meta, structure, class names."""
    context = module.context(page)
    parsers = module.PARSERS

    def read(key):
        parser = parsers.get(key)
        return parser(context) if parser is not None and context is not None else None
    return read


# (name, module, how it is read), in the order the layers are asked
LAYERS = (
    ("nextdata", nextdata, _whole),
    ("jsonld", jsonld, _whole),
    ("meta", meta, _by_field),
    ("structure", structure, _by_field),
    ("theme", theme, _by_field),
)
LAYER_MODULES = {name: module for name, module, _ in LAYERS}


def layers_of(page) -> list[Found]:
    return [Found(name, reader(module, page)) for name, module, reader in LAYERS]
