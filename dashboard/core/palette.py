"""The map's colours, one palette for the page and the standalone export.

Okabe–Ito colours, which readers with the common colour-vision deficiencies can tell apart;
the land and borders are greys that leave them the contrast. Each overlay takes its colour
from here (core/overlays.py); COLOURS holds the colours that belong to no overlay.
"""

from __future__ import annotations

OKABE_ITO = {
    "orange": "#E69F00", "blue": "#0072B2", "reddish purple": "#CC79A7", "black": "#000000",
    "bluish green": "#009E73", "vermillion": "#D55E00", "sky blue": "#56B4E9",
}
COLOURS = {
    "selected": OKABE_ITO["vermillion"], "land": "#EEEEEA", "border": "#B5B5B5",
    "sea": "#DCE8F0",
}
# One colour a journey, in order (then again): lines that stand out on the land and on the
# filled blocs; vermillion is left to the selection.
JOURNEY_COLOURS = tuple(OKABE_ITO[name] for name in (
    "black", "blue", "reddish purple", "bluish green", "orange", "sky blue"))
# The pattern of a planned leg's line, and of the leg from an inferred start (SVG dash arrays).
PLANNED_DASH = "10 7"
INFERRED_DASH = "2 6"


def journey_colour(index: int) -> str:
    """Return the colour of the journey numbered index (from 1)."""
    return JOURNEY_COLOURS[(index - 1) % len(JOURNEY_COLOURS)]


# The Natural Earth basemap under every map: land, borders, nothing to click.
BASEMAP_STYLE = {"fillColor": COLOURS["land"], "color": COLOURS["border"], "weight": 0.6,
                 "fillOpacity": 1}
