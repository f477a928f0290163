"""Extraction layers, in the order they are asked. Each reads a ``Page`` and returns the fields it
found (missing ones absent or None); a later layer only fills what the earlier ones left empty."""

from kyivind.extraction.layers import jsonld, meta, nextdata, structure, theme

LAYERS = (
    ("nextdata", nextdata.parse),
    ("jsonld", jsonld.parse),
    ("meta", meta.parse),
    ("structure", structure.parse),
    ("theme", theme.parse),
)
