"""kyivind: The Kyiv Independent's News Feed as clean JSON Lines feeds."""

__version__ = "0.1.0"
