"""Sitemaps: page URLs with their ``lastmod``, and the child sitemaps of a sitemap index."""

from __future__ import annotations

from kyivind.extraction.util import parse_datetime


def parse_sitemap(xml: str | bytes) -> tuple[dict[str, str | None], list[str]]:
    """({page URL: lastmod in UTC}, [child sitemap URLs]) of a sitemap or a sitemap index."""
    from lxml import etree

    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}, []
    if root is None:
        return {}, []
    urls: dict[str, str | None] = {}
    children: list[str] = []
    for node in root:
        tag = etree.QName(node).localname if isinstance(node.tag, str) else ""
        loc = next((c.text.strip() for c in node if isinstance(c.tag, str) and etree.QName(c).localname == "loc" and c.text), None)
        if not loc:
            continue
        if tag == "sitemap":
            children.append(loc)
        elif tag == "url":
            lastmod = next((c.text for c in node if isinstance(c.tag, str) and etree.QName(c).localname == "lastmod"), None)
            urls[loc] = parse_datetime(lastmod)
    return urls, children
