"""Where the build reads its hand-edited inputs and writes its outputs."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
GEODATA = PACKAGE.parent
ROOT = GEODATA.parent
CACHE = GEODATA / ".cache"
STATIC_BASEMAP = ROOT / "dashboard" / "static" / "basemap.json"
GROUPINGS_DATA = PACKAGE / "groupings.curated.json"
LOCALITIES_DATA = PACKAGE / "localities.curated.json"
SOURCES_TEMPLATE = PACKAGE / "SOURCES.template.md"
