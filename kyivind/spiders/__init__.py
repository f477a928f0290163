"""Spiders of the kyivind project."""
