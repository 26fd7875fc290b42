"""Parsing a .docx part: plain lxml elements, safely (no entities, no network).

python-docx's own parser builds its custom element classes, which makes walking a big table
several times slower; reading needs only the plain tree.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


def parse_xml(data: bytes) -> Any:
    """The root element of an XML part."""
    return etree.fromstring(data, _PARSER)
