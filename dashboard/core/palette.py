"""The map's colours, one palette for the page and the standalone export.

Okabe–Ito colours, which readers with the common colour-vision deficiencies can tell apart;
the land and borders are greys that leave them the contrast.
"""

from __future__ import annotations

COLOURS = {
    "sahel": "#E69F00", "aes": "#0072B2", "countries": "#CC79A7", "journeys": "#000000",
    "density": "#009E73", "selected": "#D55E00", "land": "#EEEEEA", "border": "#B5B5B5",
    "sea": "#DCE8F0",
}
